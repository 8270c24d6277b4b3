// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Podium",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "podium", targets: ["PodiumCLI"]),
        .library(name: "Podium", targets: ["Podium"]),
        .library(name: "SearchIndex", targets: ["SearchIndex"]),
        // The ingest and analysis libraries on their own, for the parse and analyzer benchmarks in `Benchmarks/`.
        .library(name: "TranscriptIngest", targets: ["TranscriptIngest"]),
        .library(name: "TextAnalysis", targets: ["TextAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        // Tests only: an independent CSV reader checks that exports parse as RFC 4180.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // The front matter of Markdown sources.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `podium serve`: the HTTP server and its request logs.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The synonyms file.
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // MARK: - C libraries (modulemap + shim only)
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // CommonMark with GitHub's tables, strikethrough and autolinks, for Markdown sources.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // MARK: - Libraries, in the order data flows through them
        .target(
            name: "TranscriptIngest",
            dependencies: ["CLibXML2", "CZlib", "CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TextAnalysis"),
        // CRC-32C with the SSE 4.2 instruction, which Swift cannot emit (SearchIndex falls back to its own table).
        .target(name: "CCRC32C"),
        .target(name: "SearchIndex", dependencies: ["CZstd", "CCRC32C"]),
        .target(name: "SearchQuery", dependencies: ["SearchIndex", "TextAnalysis"]),
        .target(
            name: "Podium",
            dependencies: [
                "TranscriptIngest", "TextAnalysis", "SearchIndex", "SearchQuery",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "PodiumServer",
            dependencies: [
                "Podium",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "PodiumCLI",
            dependencies: [
                "Podium",
                "PodiumServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TranscriptIngestTests", dependencies: ["TranscriptIngest", "TestSupport"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis", "TestSupport"]),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "TestSupport"]),
        .testTarget(
            name: "SearchQueryTests",
            dependencies: ["SearchQuery", "SearchIndex", "TextAnalysis", "TestSupport"]
        ),
        .testTarget(
            name: "PodiumServerTests",
            dependencies: [
                "Podium", "PodiumServer", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PodiumTests",
            dependencies: [
                "Podium", "PodiumCLI", "SearchIndex", "TestSupport", .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
    ]
)
