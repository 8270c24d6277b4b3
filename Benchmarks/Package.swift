// swift-tools-version: 6.2
import Foundation
import PackageDescription

// Benchmarks live in their own package so that `swift build` and `swift test` of Podium stay fast.
// SwiftPM names a path dependency after its folder, which differs between clones and worktrees.
let podium = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "PodiumBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../")],
    targets: [
        .executableTarget(
            name: "IndexBenchmark",
            dependencies: [.product(name: "SearchIndex", package: podium)]
        )
    ]
)
