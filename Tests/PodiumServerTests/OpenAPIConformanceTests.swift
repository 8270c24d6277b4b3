import Foundation
import HummingbirdTesting
import PodiumServer
import Testing

@Suite("The OpenAPI document against real answers")
struct OpenAPIConformanceTests {
    /// A request of every route (and its errors), with the document path whose schema must hold.
    static let cases: [(uri: String, path: String, status: String)] = [
        ("/api/search?q=trade&facets=speaker,outlet,language,kind,year&explain=1", "/api/search", "200"),
        ("/api/search?q=%E8%B4%B8%E6%98%93&sort=date&offset=2", "/api/search", "200"),
        ("/api/search?q=trade+AND", "/api/search", "400"),
        ("/api/search?q=trade&limit=0", "/api/search", "400"),
        ("/api/statements/no-such-id", "/api/statements/{id}", "404"),
        ("/api/statement?id=no-such-id", "/api/statement", "404"),
        ("/api/topics", "/api/topics", "200"),
        ("/api/topics/ip", "/api/topics/{name}", "200"),
        ("/api/topics/nope", "/api/topics/{name}", "404"),
        ("/api/topics/ip/rank?facets=year&language=zh", "/api/topics/{name}/rank", "200"),
        ("/api/trend?topic=ip&by=year", "/api/trend", "200"),
        ("/api/trend?topic=ip&q=trade&share=1", "/api/trend", "200"),
        ("/api/trend?by=decade&topic=ip", "/api/trend", "400"),
        ("/api/stats", "/api/stats", "200"),
    ]

    @Test("every route's answers hold to the document's schemas")
    func conformance() async throws {
        let validator = try SchemaValidator(data: try #require(OpenAPIDocument.data))
        try await ServerFixture.app().test(.router) { client in
            for (uri, path, status) in Self.cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(String(response.status.code) == status, "\(uri)")
                    let schema = try #require(validator.responseSchema(path: path, status: status), "\(path) \(status)")
                    let value = try JSONSerialization.jsonObject(with: Data(response.text.utf8))
                    let problems = validator.problems(value, schema)
                    #expect(problems.isEmpty, "\(uri): \(problems.prefix(5))")
                }
            }
            // The statement route with a real id.
            let id = try await client.execute(uri: "/api/search?q=trade&limit=1", method: .get) { response in
                ((try response.json()["hits"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
            }
            let encoded = try #require(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            try await client.execute(uri: "/api/statements/\(encoded)?context=2", method: .get) { response in
                let schema = try #require(validator.responseSchema(path: "/api/statements/{id}"))
                let value = try JSONSerialization.jsonObject(with: Data(response.text.utf8))
                #expect(validator.problems(value, schema).isEmpty)
            }
            // The document itself is served, and names every route this test reached.
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                let paths = try #require(try response.json()["paths"] as? [String: Any])
                for (_, path, _) in Self.cases { #expect(paths[path] != nil, "\(path)") }
            }
        }
    }

    @Test("the validator catches a missing field and a wrong type")
    func validatorFails() throws {
        let validator = try SchemaValidator(data: try #require(OpenAPIDocument.data))
        let schema = try #require(validator.responseSchema(path: "/api/stats"))
        #expect(!validator.problems(["statements": "many"], schema).isEmpty)
        #expect(validator.problems(["statements": 3], schema).contains { $0.contains("missing required 'segments'") })
    }
}
