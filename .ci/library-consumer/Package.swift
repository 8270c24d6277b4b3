// swift-tools-version: 6.2
// A package that uses Podium as a library, the way an embedding app would: by version, from a git URL.
// `.ci/library-consumer.sh` copies it out of the checkout and points the URL at a tagged clone.
import PackageDescription

let package = Package(
    name: "PodiumConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "PODIUM_URL", from: "0.1.0")
    ],
    targets: [
        .executableTarget(
            name: "PodiumConsumer",
            dependencies: [.product(name: "Podium", package: "podium")]
        )
    ]
)
