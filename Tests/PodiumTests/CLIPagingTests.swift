import Foundation
import TestSupport
import Testing

/// `--sort`, `--offset`, `--facet` and the total, as a user runs them on a copy of `Corpus/` (issue 14,
/// acceptance 3 and 4 end to end), and the coverage of `podium index stats`.
@Suite(
    "podium search: order, pages, totals and facets",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLIPagingTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    private func search(_ arguments: [String]) throws -> [String: Any] {
        let f = try fixture
        let outcome = try f.run(["search"] + arguments + ["--format", "json"] + f.indexArguments)
        #expect(outcome.status == 0, "\(outcome.summary)")
        return try #require(try parseJSON(outcome.stdout) as? [String: Any])
    }

    @Test("--sort -date and --sort date list dates in order, undated last; pages neither skip nor repeat")
    func datesAndPages() throws {
        for sort in ["-date", "date"] {
            let whole = try search(["china", "--sort", sort, "--limit", "40"])
            let hits = try #require(whole["hits"] as? [[String: Any]])
            #expect(hits.count == 40)
            let dates = hits.map { $0["date"] as? String ?? "" }
            let dated = dates.filter { !$0.isEmpty }
            #expect(dated == (sort == "-date" ? dated.sorted(by: >) : dated.sorted()), "\(sort): \(dates)")
            let afterUndated = dates.drop { !$0.isEmpty }
            #expect(afterUndated.allSatisfy { $0.isEmpty }, "undated statements come last")
            #expect(whole["totalIsExact"] as? Bool == true)
            var paged: [String] = []
            for offset in stride(from: 0, to: 40, by: 10) {
                let page = try search(["china", "--sort", sort, "--limit", "10", "--offset", String(offset)])
                #expect(page["total"] as? Int == whole["total"] as? Int)
                paged += (page["hits"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
            }
            #expect(paged == hits.map { $0["id"] as? String ?? "" }, "\(sort): pages differ from one long list")
        }
    }

    @Test("--facet year adds up to the total, and every facet counts every match")
    func facetsAddUp() throws {
        let result = try search([
            "trade OR tariffs", "--facet", "year", "--facet", "speaker", "--facet", "language", "--facet", "kind",
        ])
        let total = try #require(result["total"] as? Int)
        #expect(result["totalIsExact"] as? Bool == true)
        #expect(total > 10)
        let facets = try #require(result["facets"] as? [String: [[String: Any]]])
        for name in ["year", "speaker", "language", "kind"] {
            let values = try #require(facets[name], "no \(name) facet")
            #expect(values.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == total, "\(name) does not add up")
        }
        let years = try #require(facets["year"]).map { $0["value"] as? String ?? "" }
        #expect(years.filter { $0 != "undated" } == years.filter { $0 != "undated" }.sorted())
        // Counted by hand from every match: the speakers of an unpaged export.
        let f = try fixture
        let all = try f.run(["export", "trade OR tariffs", "--all", "--format", "jsonl"] + f.indexArguments)
        let statements = try parseJSONLines(all.stdout)
        #expect(statements.count == total)
        var speakers: [String: Int] = [:]
        for s in statements {
            speakers[(s["spokesperson"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "unknown", default: 0] += 1
        }
        let counted = Dictionary(
            uniqueKeysWithValues: try #require(facets["speaker"]).map {
                ($0["value"] as? String ?? "", $0["count"] as? Int ?? 0)
            }
        )
        #expect(counted == speakers)
    }

    @Test("text output says how many of how many; a bound is labelled as one")
    func textTotals() throws {
        let f = try fixture
        let outcome = try f.run(
            ["search", "china", "--limit", "3", "--offset", "3", "--color", "never"] + f.indexArguments
        )
        #expect(outcome.status == 0, "\(outcome.summary)")
        let first = outcome.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("4–6 of ") && first.hasSuffix(" statements") && !first.contains("at least"), "\(first)")
        #expect(outcome.stdout.contains("\n4. "))
        let plain = try f.run(["search", "china", "--limit", "3", "--color", "never"] + f.indexArguments)
        let line = plain.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix("3 of "), "\(line)")
    }

    @Test("index stats shows the dates, languages, kinds, speakers and outlets the statements cover")
    func coverage() throws {
        let f = try fixture
        let outcome = try f.run(["index", "stats", "--format", "json", "--index", f.index.path])
        #expect(outcome.status == 0, "\(outcome.summary)")
        let stats = try #require(try parseJSON(outcome.stdout) as? [String: Any])
        let coverage = try #require(stats["coverage"] as? [String: Any])
        let statements = try #require(stats["statements"] as? Int)
        let languages = try #require(coverage["languages"] as? [[String: Any]])
        #expect(languages.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == statements)
        #expect((coverage["first_date"] as? String ?? "") <= (coverage["last_date"] as? String ?? ""))
        #expect((coverage["first_date"] as? String)?.count == 10)
        #expect(!(coverage["speakers"] as? [[String: Any]] ?? []).isEmpty)
        let text = try f.run(["index", "stats", "--index", f.index.path])
        #expect(text.stdout.contains("\ndates       "), "\(text.stdout)")
    }
}
