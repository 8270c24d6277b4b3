import HummingbirdTesting
import PodiumServer
import Testing

@Suite("No file outside the static assets can be read")
struct PathSafetyTests {
    /// Paths that would reach the package's files or the system's if anything joined them to a folder.
    static let hostile = [
        "/assets/../Package.swift", "/assets/%2e%2e/%2e%2e/Package.swift", "/assets/%2E%2E%2F%2E%2E%2FPackage.swift",
        "/assets/..%2f..%2fPackage.swift", "/assets//etc/passwd", "/assets/%2fetc%2fpasswd", "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/api/../../etc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd",
        "/assets/....//....//etc/passwd", "/statement/..%2f..%2fPackage.swift", "/api/statements/..%2f..%2fmeta.json",
        "/Sources/PodiumServer/Resources/openapi.json", "/Resources/openapi.json",
    ]

    @Test("dot segments, encoded dots and absolute paths read nothing", arguments: hostile)
    func hostilePath(_ uri: String) async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                let text = response.text
                #expect(response.status != .ok || (!text.contains("root:") && !text.contains("swift-tools-version")))
                #expect(!text.contains("root:x:0:0"))
                #expect(!text.contains("swift-tools-version"))
                #expect(!text.contains("\"segments\""))
                #expect(response.status.code >= 400)
            }
        }
    }
}
