import Foundation
import TestSupport
import Testing

/// Who said what, opening a hit, topics from any folder, trends as shares, and one-character Chinese
/// queries, on a copy of `Corpus/` through the `podium` binary.
@Suite(
    "podium show, attribution, topics from anywhere, shares",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLIShowTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    /// Queries whose hits mix excerpts from answers, questions and titles.
    static let queries = ["semiconductor", "ban", "sanctions", "Kenya", "financing", "question:chip", "关税", "知识产权"]

    /// The hits of a JSON search.
    private func hits(_ query: String, limit: Int = 20, _ extra: [String] = []) throws -> [[String: Any]] {
        let f = try fixture
        let run = try f.run(["search", query, "--limit", String(limit), "--format", "json"] + extra + f.indexArguments)
        #expect(run.status == 0, "\(query): \(run.summary)")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        return try #require(json["hits"] as? [[String: Any]])
    }

    /// An excerpt as plain text pieces: without highlight marks, cut at the `…` where it was shortened.
    private func pieces(_ excerpt: String) -> [String] {
        excerpt.replacingOccurrences(of: "**", with: "").components(separatedBy: "…")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    @Test("An excerpt marked as the answer's is text of the answer; one from the question is labelled Q (asker)")
    func excerptsSayWhoseWordsTheyAre() throws {
        let f = try fixture
        var fromQuestion = 0
        for query in Self.queries {
            let found = try hits(query)
            let text = try f.run(["search", query, "--limit", "20"] + f.indexArguments).stdout
            for hit in found {
                let from = try #require(hit["excerptFrom"] as? String)
                let field = try #require(hit[from] as? String, "\(query): no \(from) field")
                let excerpt = try #require(hit["excerpt"] as? String)
                for piece in pieces(excerpt) {
                    #expect(field.contains(piece), "\(query): '\(piece)' is not in the \(from)")
                }
                guard from == "question" else { continue }
                fromQuestion += 1
                let outlet = hit["outlet"] as? String ?? ""
                let label = outlet.isEmpty ? "Q: " : "Q (\(outlet)): "
                let start = pieces(excerpt).first.map { String($0.prefix(20)) } ?? ""
                #expect(text.contains(label + start), "\(query): the question is not labelled in text output")
            }
        }
        #expect(fromQuestion >= 3, "the queries should reach some statements through their questions only")
    }

    @Test("CSV excerpts are plain and labelled; Markdown groups by briefing and labels questions")
    func exportsLabelQuestions() throws {
        let f = try fixture
        let csv = try f.run(["export", "ban", "--all", "--format", "csv"] + f.indexArguments)
        #expect(csv.status == 0, "\(csv.summary)")
        #expect(!csv.stdout.contains("**"), "CSV excerpts carry no highlight marks")
        #expect(csv.stdout.hasPrefix("id,date,spokesperson,outlet,title,source,score,excerpt,excerpt_from\r\n"))
        #expect(csv.stdout.contains(",question\r\n") && (csv.stdout.contains("Q (") || csv.stdout.contains(",Q: ")))
        let md = try f.run(["export", "ban", "--all", "--format", "md"] + f.indexArguments).stdout
        #expect(md.contains("> **Q"), "a question's excerpt is labelled in Markdown")
        // One heading per briefing: no two headings alike, and a JSONL file's path is never one.
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(Set(headings).count == headings.count && !headings.isEmpty)
        #expect(!headings.contains { $0.contains(".jsonl") })
    }

    @Test("show opens every id search prints, whole, with its neighbours in briefing order")
    func showOpensEveryHit() throws {
        let f = try fixture
        for query in ["intellectual property", "关税", "new energy"] {
            for hit in try hits(query, limit: 10) {
                let id = try #require(hit["id"] as? String)
                let run = try f.run(["show", id, "--context", "2", "--format", "json"] + f.indexArguments)
                #expect(run.status == 0, "show \(id): \(run.summary)")
                let shown = try #require(try parseJSON(run.stdout) as? [String: Any])
                let statement = try #require(shown["statement"] as? [String: Any])
                for key in ["id", "date", "spokesperson", "outlet", "title", "question", "answer"] {
                    #expect(statement[key] as? String == hit[key] as? String, "\(id) \(key)")
                }
                #expect(statement["source"] as? String == hit["path"] as? String, "\(id) source")
                let url = statement["url"] as? String ?? ""
                #expect((url.isEmpty ? statement["source"] : url) as? String == hit["source"] as? String, "\(id) url")
                let before = try #require(shown["before"] as? [[String: Any]])
                let after = try #require(shown["after"] as? [[String: Any]])
                #expect(before.count <= 2 && after.count <= 2)
                let ordinals = (before + [statement] + after).compactMap { $0["ordinal"] as? Int }
                #expect(ordinals == ordinals.sorted() && Set(ordinals).count == ordinals.count, "\(id): \(ordinals)")
                for other in before + after {
                    #expect(other["source"] as? String == statement["source"] as? String)
                    #expect(other["date"] as? String == statement["date"] as? String)
                    #expect(other["title"] as? String == statement["title"] as? String)
                }
            }
        }
        let text = try f.run(
            ["show", try #require(try hits("patents", limit: 1).first?["id"] as? String)] + f.indexArguments
        )
        #expect(text.stdout.contains("A (") && text.stdout.contains("source:"))
        let missing = try f.run(["show", "no-such-statement#9"] + f.indexArguments)
        #expect(missing.status == 1 && missing.stderr.contains("no statement has the id 'no-such-statement#9'"))
    }

    @Test("From a folder outside the checkout, with only --index: topic:ip, --topic ip and trend green-tech")
    func topicsFromAnyFolder() throws {
        let f = try fixture
        let elsewhere = try TemporaryDirectory(prefix: "podium-elsewhere")
        let index = ["--index", f.index.path]
        for arguments in [["search", "topic:ip"], ["search", "patents", "--topic", "ip"], ["topics", "rank", "ip"]] {
            let run = try PodiumProcess.run(arguments + index, in: elsewhere.url)
            #expect(run.status == 0, "\(arguments): \(run.summary)")
            #expect(!run.stdout.isEmpty)
        }
        let trend = try PodiumProcess.run(["trend", "green-tech", "--format", "json"] + index, in: elsewhere.url)
        let json = try #require(try parseJSON(trend.stdout) as? [String: Any])
        #expect(json["topic"] as? String == "green-tech" && (json["total"] as? Int ?? 0) > 10, "\(trend.summary)")
        #expect(!trend.stderr.contains("not a topic"))
        // PODIUM_INDEX names the index instead of --index.
        let env = try PodiumProcess.run(
            ["search", "topic:ip", "--limit", "1"],
            in: elsewhere.url,
            environment: ["PODIUM_INDEX": f.index.path]
        )
        #expect(env.status == 0, "\(env.summary)")
        // A word that names no topic is searched, and the user is told.
        let word = try PodiumProcess.run(["trend", "carbon"] + index, in: elsewhere.url)
        #expect(word.stderr.contains("'carbon' is not a topic"))
        // topics rank --lang keeps to the language.
        let zh = try PodiumProcess.run(
            ["topics", "rank", "trade", "--lang", "zh", "--format", "jsonl", "--limit", "5"] + index,
            in: elsewhere.url
        )
        let ranked = try parseJSONLines(zh.stdout)
        #expect(!ranked.isEmpty && ranked.allSatisfy { $0["language"] as? String == "zh" }, "\(zh.summary)")
    }

    @Test("trend --share: each value is the period's count over the period's statements, in [0, 1]")
    func sharesAreFractionsOfThePeriod() throws {
        let f = try fixture
        let run = try f.run(
            ["trend", "ip", "green-tech", "--by", "year", "--share", "--format", "json"] + f.indexArguments
        )
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(series.count == 2)
        // The statements of each year, counted independently from an export of every statement.
        let all = try parseJSONLines(
            try f.run(["export", "date:2000..2099", "--all", "--format", "jsonl"] + f.indexArguments).stdout
        )
        var perYear: [String: Int] = [:]
        for s in all {
            if let date = s["date"] as? String, date.count >= 4 { perYear[String(date.prefix(4)), default: 0] += 1 }
        }
        for s in series {
            for bucket in try #require(s["buckets"] as? [[String: Any]]) {
                let period = try #require(bucket["period"] as? String)
                let count = try #require(bucket["count"] as? Int)
                let share = try #require(bucket["share"] as? Double)
                #expect(bucket["statements"] as? Int == perYear[period] ?? 0, "\(period)")
                #expect((0...1).contains(share))
                let expected = perYear[period].map { Double(count) / Double($0) } ?? 0
                #expect(abs(share - expected) < 1e-6, "\(period): \(share) for \(count) of \(perYear[period] ?? 0)")
            }
        }
        let svg = f.workFile("two.svg")
        _ = try f.run(
            ["trend", "ip", "green-tech", "--since", "2015", "--share", "--svg", svg.path] + f.indexArguments
        )
        let drawing = try String(contentsOf: svg, encoding: .utf8)
        #expect(drawing.contains("Noto Sans CJK SC") && drawing.contains("polyline"))
        #expect(drawing.contains(">2015-01<") || drawing.contains(">2015<"), "the axis starts at --since")
    }

    @Test("One Chinese character finds every statement that contains it", arguments: ["税", "碳", "贸"])
    func oneCharacterFindsItsStatements(character: String) throws {
        let f = try fixture
        let parsed = try parseJSONLines(try f.run(["parse", f.corpus.path, "--format", "jsonl"]).stdout)
        let expected = Set(
            parsed.filter { s in
                ["title", "question", "answer"].contains { (s[$0] as? String ?? "").contains(character) }
            }.compactMap { $0["id"] as? String }.map(Self.indexID)
        )
        let all = try hits(character, limit: 1000)
        let found = all.compactMap { $0["id"] as? String }
        // The excerpt marks the character itself, not the bigrams it was found through.
        for hit in all {
            let marked = try #require(hit["highlights"] as? [String])
            #expect(!marked.isEmpty && marked.allSatisfy { $0 == character }, "\(hit["id"] ?? ""): \(marked)")
        }
        #expect(!expected.isEmpty)
        #expect(
            Set(found) == expected,
            "missing \(expected.subtracting(found)), extra \(Set(found).subtracting(expected))"
        )
    }

    /// The id a page's statement has in the index: `parse` names it by its path, the index by the file's name
    /// without its extension (`Corpus/a.html#2` → `a#2`); a JSONL line's own id is the same in both.
    static func indexID(_ parsed: String) -> String {
        guard parsed.contains("/"), let hash = parsed.lastIndex(of: "#") else { return parsed }
        let file = URL(fileURLWithPath: String(parsed[..<hash])).deletingPathExtension().lastPathComponent
        return file + parsed[hash...]
    }

    @Test("A query cut off after an operator is an error with a caret")
    func danglingOperatorIsAnError() throws {
        let f = try fixture
        let run = try f.run(["search", "(foo AND"] + f.indexArguments)
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("AND has nothing after it") && run.stderr.contains("  (foo AND\n       ^"),
            "\(run.stderr)"
        )
    }
}
