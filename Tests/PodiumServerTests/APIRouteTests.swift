import Foundation
import HummingbirdTesting
import Podium
import PodiumServer
import Testing

@Suite("The JSON API, in process")
struct APIRouteTests {
    @Test("stats counts the statements of Corpus/")
    func stats() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/stats", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try response.json()
                #expect(body["statements"] as? Int == 310)
            }
        }
    }

    @Test("an unknown route under /api/ is a JSON 404")
    func unknownRoute() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/no-such-thing", method: .get) { response in
                #expect(response.status == .notFound)
                let error = try #require(try response.json()["error"] as? [String: Any])
                #expect(error["code"] as? String == "not_found")
            }
        }
    }
}
