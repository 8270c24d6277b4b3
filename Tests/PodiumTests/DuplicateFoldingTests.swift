import Foundation
import TestSupport
import Testing

@testable import Podium

/// A page and the JSONL made from it hold the same statements: each is one hit listing both sources, two
/// short canned answers to different questions stay two hits, and deleting the kept copy's source brings
/// the other forward.
@Suite("One hit per statement", .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"))
struct DuplicateFoldingTests {
    static let title = "Foreign Ministry Spokesperson Shen Jiayi's Regular Press Conference on March 14, 2017"
    static let canned = "I'd refer you to the competent authorities."
    static let exchanges = [
        (
            "Many companies say intellectual property protection is uneven between provinces. What is your comment?",
            "We have seen the survey. China takes the protection of intellectual property very seriously. We have "
                + "set up specialized courts in Beijing, Shanghai and Guangzhou, and they have heard thousands of cases "
                + "since they opened. Enforcement is improving across the country, but we do not deny that the level "
                + "differs between regions, and we will keep working on it."
        ),
        ("Is it true that a fishing boat was detained near the islands last week?", canned),
        ("Will the tariff exemptions for medical equipment be extended next month?", canned),
        (
            "The US has started deploying the missile defence system in the region. What is China's position?",
            "Our position on this issue is clear and firm. The deployment seriously undermines the strategic "
                + "security interests of China and other countries in the region and does nothing to achieve peace "
                + "and stability on the peninsula. We urge the parties concerned to stop the deployment and to "
                + "return to dialogue and consultation."
        ),
    ]

    /// A corpus of one ministry page and a JSONL file with the same four statements, indexed.
    final class Fixture {
        let root: TemporaryDirectory
        var corpus: URL { root.url.appendingPathComponent("corpus") }
        var page: URL { corpus.appendingPathComponent("2017-03-14-presser.html") }
        var index: String { root.url.appendingPathComponent("index").path }

        init() throws {
            root = try TemporaryDirectory(prefix: "podium-dedup")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            let paragraphs = exchanges.map { "<p><b>Q: \($0.0)</b></p>\n<p>A: \($0.1)</p>\n" }.joined()
            let html = """
                <html><head><meta charset="utf-8"><title>\(title)</title></head><body>
                <div class="content_mod"><h2 class="title">\(title)</h2>
                <div class="date" id="News_Body_Time">2017-03-14</div>
                <div class="content">\(paragraphs)</div></div></body></html>
                """
            try html.write(to: page, atomically: true, encoding: .utf8)
            var lines = ""
            for (k, (question, answer)) in exchanges.enumerated() {
                let object: [String: String] = [
                    "id": "line-\(k)", "date": "2017-03-14", "spokesperson": "Shen Jiayi", "question": question,
                    "answer": answer, "language": "en", "title": title,
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                lines += String(decoding: data, as: UTF8.self) + "\n"
            }
            try lines.write(to: corpus.appendingPathComponent("presser.jsonl"), atomically: true, encoding: .utf8)
            let build = try PodiumProcess.run(["index", "build", "--quiet", "--corpus", corpus.path, "--index", index])
            guard build.succeeded else { throw CLIFixture.FixtureError(description: build.stderr) }
        }

        func search(_ query: String) throws -> [[String: Any]] {
            let run = try PodiumProcess.run(["search", query, "--format", "json", "--index", index])
            #expect(run.succeeded, "\(run.summary)")
            let object = try #require(try parseJSON(run.stdout) as? [String: Any])
            return try #require(object["hits"] as? [[String: Any]])
        }
    }

    @Test("A statement found in a page and its JSONL is one hit that lists both sources")
    func pageAndJSONLFold() throws {
        let fixture = try Fixture()
        let hits = try fixture.search("intellectual property")
        #expect(hits.count == 1)
        let sources = try #require(hits.first?["sources"] as? [String])
        #expect(
            Set(sources.map { URL(fileURLWithPath: $0).lastPathComponent }) == [
                "2017-03-14-presser.html", "presser.jsonl",
            ]
        )
        let stats = try PodiumProcess.run(["index", "stats", "--format", "json", "--index", fixture.index])
        let object = try #require(try parseJSON(stats.stdout) as? [String: Any])
        #expect(object["statements"] as? Int == 4)
        #expect(object["folded_duplicates"] as? Int == 4)
        let text = try PodiumProcess.run([
            "search", "intellectual property", "--index", fixture.index, "--color", "never",
        ])
        #expect(text.stdout.contains("also in 1 other source"))
        // The folded copy opens by its own id and names the kept one.
        let show = try PodiumProcess.run(["show", "line-0", "--format", "json", "--index", fixture.index])
        #expect(show.succeeded, "\(show.summary)")
        let shown = try #require(try parseJSON(show.stdout) as? [String: Any])
        let copies = try #require(shown["copies"] as? [[String: Any]])
        #expect(
            copies.compactMap { $0["source"] as? String }.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "2017-03-14-presser.html"
            ]
        )
    }

    @Test("The same canned answer to two questions stays two statements")
    func cannedAnswersStayApart() throws {
        let fixture = try Fixture()
        let hits = try fixture.search("\"competent authorities\"")
        #expect(hits.count == 2)
        let questions = Set(hits.compactMap { $0["question"] as? String })
        #expect(questions == Set(Self.exchanges.filter { $0.1 == Self.canned }.map(\.0)))
        for hit in hits { #expect((hit["sources"] as? [String])?.count == 2) }
    }

    @Test("A refresh that deletes the kept copy's source leaves the other copy searchable")
    func deletingTheKeptCopy() throws {
        let fixture = try Fixture()
        let before = try fixture.search("deployment")
        #expect(before.first?["id"] as? String == "2017-03-14-presser#4")
        try FileManager.default.removeItem(at: fixture.page)
        let refresh = try PodiumProcess.run(["index", "refresh", "--quiet", "--index", fixture.index])
        #expect(refresh.succeeded, "\(refresh.summary)")
        let after = try fixture.search("deployment")
        #expect(after.map { $0["id"] as? String } == ["line-3"])
        #expect((after.first?["sources"] as? [String])?.count == 1)
        #expect(try fixture.search("\"competent authorities\"").count == 2)
    }
}
