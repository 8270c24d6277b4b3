import Foundation
import HummingbirdTesting
import Podium
import PodiumServer
import Testing

@Suite("The JSON API, in process")
struct APIRouteTests {
    /// `GET uri` against the shared index: status and parsed JSON body.
    static func get(_ uri: String) async throws -> (status: Int, body: [String: Any], text: String) {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                let text = response.text
                let body =
                    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
                return (Int(response.status.code), body, text)
            }
        }
    }

    @Test("search answers what the command line's JSON says, from the same renderer")
    func searchMatchesFacade() async throws {
        let answer = try await Self.get("/api/search?q=trade+tariffs&limit=3&facets=speaker,year")
        #expect(answer.status == 200)
        let index = try PodiumIndex(directory: ServerFixture.shared)
        var options = SearchOptions(query: "trade tariffs", limit: 3)
        options.facets = [.speaker, .year]
        let outcome = try index.search(options)
        let expected = ResultJSON.search(outcome, query: "trade tariffs", topic: nil, offset: 0, sort: .relevance)
        #expect(answer.text == expected + "\n")
        #expect((answer.body["hits"] as? [Any])?.count == 3)
        #expect((answer.body["total"] as? Int ?? 0) > 3)
    }

    @Test("paging: offset and limit give the next hits, with the same total")
    func paging() async throws {
        let first = try await Self.get("/api/search?q=trade&limit=5")
        let second = try await Self.get("/api/search?q=trade&limit=5&offset=5")
        let both = try await Self.get("/api/search?q=trade&limit=10&exact=1")
        func ids(_ body: [String: Any]) -> [String] {
            (body["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(ids(first.body).count == 5)
        #expect(ids(first.body) + ids(second.body) == ids(both.body))
        #expect(second.body["offset"] as? Int == 5)
        #expect(second.body["total"] as? Int == both.body["total"] as? Int)
        #expect(second.body["totalIsExact"] as? Bool == true)
        for bad in ["limit=0", "limit=101", "offset=-1", "limit=ten", "sort=newest", "facets=colour"] {
            let answer = try await Self.get("/api/search?q=trade&\(bad)")
            #expect(answer.status == 400, "\(bad)")
            #expect((answer.body["error"] as? [String: Any])?["code"] as? String == "bad_parameter", "\(bad)")
        }
    }

    @Test("a facet value used as a filter gives its count as the total")
    func facetsFilter() async throws {
        let all = try await Self.get("/api/search?q=trade&facets=speaker&limit=1")
        let speakers = try #require((all.body["facets"] as? [String: Any])?["speaker"] as? [[String: Any]])
        let top = try #require(speakers.first { $0["value"] as? String != "unknown" })
        let name = try #require(top["value"] as? String)
        let encoded = try #require(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let narrowed = try await Self.get("/api/search?q=trade&limit=100&speaker=\(encoded)")
        #expect(narrowed.status == 200)
        #expect(narrowed.body["total"] as? Int == top["count"] as? Int)
        let hits = narrowed.body["hits"] as? [[String: Any]] ?? []
        #expect(!hits.isEmpty && hits.allSatisfy { $0["spokesperson"] as? String == name })
        #expect(narrowed.body["query"] as? String == "trade")
    }

    @Test("sort=-date puts the newest first; a topic alone ranks")
    func sortAndTopic() async throws {
        let answer = try await Self.get("/api/search?q=trade&sort=-date&limit=20")
        let dates = (answer.body["hits"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        #expect(dates.count == 20)
        #expect(dates == dates.sorted(by: >))
        let topic = try await Self.get("/api/search?topic=ip&limit=2")
        #expect(topic.status == 200)
        #expect(topic.body["topic"] as? String == "ip")
        let unknown = try await Self.get("/api/search?topic=no-such-topic")
        #expect(unknown.status == 400)
        let none = try await Self.get("/api/search")
        #expect(none.status == 400)
    }

    @Test("a query without a reading is a 400 with the spot the command line gives")
    func badQuery() async throws {
        let answer = try await Self.get("/api/search?q=trade+AND")
        #expect(answer.status == 400)
        let error = try #require(answer.body["error"] as? [String: Any])
        #expect(error["code"] as? String == "bad_query")
        let index = try PodiumIndex(directory: ServerFixture.shared)
        do {
            _ = try index.search(SearchOptions(query: "trade AND"))
            Issue.record("the facade read 'trade AND'")
        } catch {
            #expect(error.queryOffset != nil)
            #expect(answer.body["error"].flatMap { ($0 as? [String: Any])?["position"] as? Int } == error.queryOffset)
            #expect(answer.body["error"].flatMap { ($0 as? [String: Any])?["message"] as? String } == error.message)
        }
    }

    @Test("a query over 1,000 characters is refused")
    func longQuery() async throws {
        let answer = try await Self.get("/api/search?q=" + String(repeating: "trade+", count: 200))
        #expect(answer.status == 400)
        #expect((answer.body["error"] as? [String: Any])?["code"] as? String == "query_too_long")
        let trend = try await Self.get("/api/trend?q=" + String(repeating: "a", count: 1001))
        #expect(trend.status == 400)
    }

    @Test("text is escaped in JSON: quotes, backslashes, markup and control characters come back as sent")
    func escaping() async throws {
        let query = "\"<script>alert('x')</script>\" \\ \u{1}"
        let encoded = try #require(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let answer = try await Self.get("/api/search?q=\(encoded)")
        #expect(answer.status == 200)
        #expect(answer.body["query"] as? String == query)
        #expect(!answer.text.contains("\u{1}"))
    }

    @Test("a statement by id, with neighbours; an unknown id is a 404")
    func statement() async throws {
        let search = try await Self.get("/api/search?q=trade&limit=1")
        let id = try #require((search.body["hits"] as? [[String: Any]])?.first?["id"] as? String)
        let encoded = try #require(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let answer = try await Self.get("/api/statements/\(encoded)?context=1")
        #expect(answer.status == 200)
        #expect((answer.body["statement"] as? [String: Any])?["id"] as? String == id)
        let around = (answer.body["before"] as? [Any] ?? []).count + (answer.body["after"] as? [Any] ?? []).count
        #expect(around >= 1)
        let index = try PodiumIndex(directory: ServerFixture.shared)
        let found = try #require(try index.statement(id: id, context: 1))
        #expect(answer.text == ResultJSON.statement(found) + "\n")
        let byQuery = try await Self.get("/api/statement?id=\(encoded)&context=1")
        #expect(byQuery.text == answer.text)
        let missing = try await Self.get("/api/statements/no-such-id")
        #expect(missing.status == 404)
        #expect((missing.body["error"] as? [String: Any])?["code"] as? String == "not_found")
    }

    @Test("topics, one topic, a topic's ranking; an unknown topic is a 404")
    func topics() async throws {
        let list = try await Self.get("/api/topics")
        let names = (list.body["topics"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("ip"))
        let one = try await Self.get("/api/topics/ip")
        #expect(one.body["label"] as? String == "Intellectual property")
        #expect(!(one.body["entries"] as? [Any] ?? []).isEmpty)
        let rank = try await Self.get("/api/topics/ip/rank?limit=3&language=en")
        #expect(rank.status == 200)
        let hits = rank.body["hits"] as? [[String: Any]] ?? []
        #expect(hits.count == 3 && hits.allSatisfy { $0["language"] as? String == "en" })
        for uri in ["/api/topics/nope", "/api/topics/nope/rank", "/api/trend?topic=nope"] {
            let answer = try await Self.get(uri)
            #expect(answer.status == 404, "\(uri)")
            #expect((answer.body["error"] as? [String: Any])?["code"] as? String == "unknown_topic")
        }
    }

    @Test("trend: the command line's series, and its SVG chart as an image")
    func trend() async throws {
        let answer = try await Self.get("/api/trend?topic=ip&by=year")
        let index = try ServerFixture.openShared()
        let report = try TrendReport([TrendQuery("ip", in: index)], in: index, by: .year)
        #expect(answer.text == report.json + "\n")
        #expect((answer.body["total"] as? Int ?? 0) > 0)
        let two = try await Self.get("/api/trend?topic=ip&q=trade&by=quarter&share=true")
        #expect((two.body["series"] as? [Any])?.count == 2)
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/trend.svg?topic=ip&by=year", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
                #expect(response.text.contains("<svg"))
                #expect(response.text == report.chart(index: index.directory).svg())
            }
        }
    }

    @Test("stats: what podium index stats --format json prints")
    func stats() async throws {
        let answer = try await Self.get("/api/stats")
        #expect(answer.body["statements"] as? Int == 310)
        #expect(answer.body["sources"] as? Int == 59)
        #expect(answer.text == ResultJSON.statistics(try IndexInspector.statistics(index: ServerFixture.shared)) + "\n")
    }

    @Test("export streams what podium export writes, with a file name", arguments: ExportFormat.allCases)
    func export(format: ExportFormat) async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/export?q=trade&limit=7&format=\(format.rawValue)", method: .get) {
                response in
                #expect(response.status == .ok)
                let disposition = response.headers[.contentDisposition] ?? ""
                #expect(disposition == "attachment; filename=\"podium-export.\(format.rawValue)\"")
                let index = try PodiumIndex(directory: ServerFixture.shared)
                var options = SearchOptions(query: "trade", limit: 7)
                let hits = try index.search(options).hits
                var expected = ""
                Exporter(format: format, query: "trade").render(hits) { expected += $0 }
                #expect(response.text == expected)
            }
        }
        let all = try await Self.get("/api/export?q=trade&all=true&format=jsonl")
        let total = try await Self.get("/api/search?q=trade&exact=true").body["total"] as? Int
        #expect(all.text.split(separator: "\n").count == total)
    }

    @Test("unknown routes: a JSON 404 under /api/; every answer carries the security headers")
    func unknownRoutesAndHeaders() async throws {
        try await ServerFixture.app().test(.router) { client in
            for uri in ["/api/no-such-thing", "/api/search/deeper", "/api/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let body = try response.json()
                    #expect(body["error"] != nil)
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            try await client.execute(uri: "/api/search?q=trade", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}
