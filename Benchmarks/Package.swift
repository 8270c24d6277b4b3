// swift-tools-version: 6.2
import PackageDescription

// Benchmarks and scale tools for Podium, kept out of the main package so that `swift build` and
// `swift test` there stay fast (the layout of swift-nio's `Benchmarks/Package.swift`).
let package = Package(
    name: "PodiumBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // Deterministic corpora of any size re-sampled from the real statements in ../shared/corpus.
        .executableTarget(
            name: "podium-corpusgen",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        )
    ]
)
