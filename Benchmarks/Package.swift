// swift-tools-version: 6.2
import Foundation
import PackageDescription

// Benchmarks and scale tools for Podium, kept out of the main package so that `swift build` and
// `swift test` there stay fast (the layout of swift-nio's `Benchmarks/Package.swift`).
// SwiftPM names a path dependency after its folder, which differs between clones and worktrees.
let podium = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "PodiumBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // Indexing and postings micro-benchmarks of SearchIndex on synthetic documents.
        .executableTarget(
            name: "IndexBenchmark",
            dependencies: [.product(name: "SearchIndex", package: podium)]
        ),
        // Parse throughput of TranscriptIngest against bare libxml2 over the same pages.
        .executableTarget(
            name: "ParseBenchmark",
            dependencies: [
                .product(name: "TranscriptIngest", package: podium),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Analyzer throughput over the question and answer texts of a JSONL file.
        .executableTarget(
            name: "AnalyzeBenchmark",
            dependencies: [
                .product(name: "TextAnalysis", package: podium),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What facets, date sorts and exact totals add to a query, in process.
        .executableTarget(
            name: "FacetBenchmark",
            dependencies: [
                .product(name: "Podium", package: podium),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Did-you-mean: hit rate over misspelt frequent words and the median lookup time, in process.
        .executableTarget(
            name: "SpellingBenchmark",
            dependencies: [
                .product(name: "Podium", package: podium),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic corpora of any size re-sampled from the real statements in ../shared/corpus.
        .executableTarget(
            name: "podium-corpusgen",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ]
)
