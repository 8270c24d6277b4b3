import Foundation
import TestSupport
import Testing

/// `podium search` and `podium topics rank` run as a user runs them, on a copy of `Corpus/`: the machine
/// formats parse and agree with each other, and colour shows only on a terminal.
@Suite(
    "podium search, end to end",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLISearchTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    @Test("JSON: every field, unique ids from the corpus, scores descending, highlights in the excerpts")
    func json() throws {
        let f = try fixture
        let outcome = try f.run(
            ["search", "intellectual property", "--format", "json", "--limit", "8"] + f.indexArguments
        )
        #expect(outcome.status == 0, "\(outcome.summary)")
        let object = try #require(try parseJSON(outcome.stdout) as? [String: Any])
        #expect(object["query"] as? String == "intellectual property")
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(object["count"] as? Int == hits.count)
        #expect(hits.count == 8, "the corpus has more than 8 statements about intellectual property")
        try checkHits(hits, corpus: f.corpus) { $0.hasPrefix("intellect") || $0.hasPrefix("propert") }
    }

    @Test(
        "An unknown field and a reversed date range are usage errors that say so; colons in text still search",
        arguments: [
            ("spekaer:geng", "unknown field 'spekaer': the fields are title, question, answer, speaker"),
            ("trade foo:china", "unknown field 'foo'"),
            ("trade date:2020..2019", "the range '2020..2019' is reversed"),
        ]
    )
    func wrongWords(query: String, message: String) throws {
        let f = try fixture
        let outcome = try f.run(["search", query] + f.indexArguments)
        #expect(outcome.status == 2, "\(outcome.summary)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("No statement matches"))
        for text in ["U.S. tariffs", "what's the position", "talks at 10:30", "Note: trade"] {
            let search = try f.run(["search", text, "--limit", "1"] + f.indexArguments)
            #expect(search.status == 0 || search.status == 1, "\(text): \(search.summary)")
        }
    }

    @Test("JSONL and TREC list the same statements, in the same order, as JSON")
    func formatsAgree() throws {
        let f = try fixture
        let query = ["search", "tariffs OR trade", "--limit", "12"] + f.indexArguments
        let json = try #require(try parseJSON(try f.run(query + ["--format", "json"]).stdout) as? [String: Any])
        let fromJSON = try #require(json["hits"] as? [[String: Any]])
        let jsonl = try f.run(query + ["--format", "jsonl"])
        #expect(jsonl.status == 0)
        let fromJSONL = try parseJSONLines(jsonl.stdout)
        #expect(fromJSONL.count == 12)
        #expect(fromJSONL.map { $0["id"] as? String } == fromJSON.map { $0["id"] as? String })
        #expect(fromJSONL.map { $0["score"] as? Double } == fromJSON.map { $0["score"] as? Double })
        // "trading" is a form of "trade" (one stem).
        try checkHits(fromJSONL, corpus: f.corpus) { $0.hasPrefix("tariff") || $0.hasPrefix("trad") }

        let trec = try f.run(query + ["--format", "trec"])
        let rows = trec.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.allSatisfy { $0.count == 6 && $0[0] == "1" && $0[1] == "Q0" && $0[5] == "podium" })
        #expect(rows.map { $0[2] } == fromJSON.compactMap { $0["id"] as? String })
        #expect(rows.map { Int($0[3]) } == Array(1...rows.count))
    }

    @Test("Chinese queries find Chinese statements, with the words highlighted")
    func chinese() throws {
        let f = try fixture
        let outcome = try f.run(["search", "知识产权", "--format", "jsonl"] + f.indexArguments)
        #expect(outcome.status == 0, "\(outcome.summary)")
        let hits = try parseJSONLines(outcome.stdout)
        #expect(!hits.isEmpty)
        for hit in hits {
            #expect(hit["language"] as? String == "zh")
            let excerpt = try #require(hit["excerpt"] as? String)
            #expect(excerpt.contains("**知识产权**") || excerpt.contains("**知识**"), "\(excerpt)")
        }
    }

    @Test("--since and --until keep only statements dated in the range")
    func dateRange() throws {
        let f = try fixture
        let outcome = try f.run(
            ["search", "cooperation", "--since", "2019-03", "--until", "2020", "--limit", "200", "--format", "jsonl"]
                + f.indexArguments
        )
        let hits = try parseJSONLines(outcome.stdout)
        #expect(!hits.isEmpty, "\(outcome.summary)")
        for hit in hits {
            let date = try #require(hit["date"] as? String)
            #expect(date >= "2019-03-01" && date <= "2020-12-31", "\(date)")
        }
    }

    @Test("topics rank: the statements of a topic, best first")
    func topicRank() throws {
        let f = try fixture
        let outcome = try f.run(["topics", "rank", "ip", "--limit", "5", "--format", "jsonl"] + f.indexArguments)
        #expect(outcome.status == 0, "\(outcome.summary)")
        let hits = try parseJSONLines(outcome.stdout)
        #expect(hits.count == 5)
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test("--batch -: each 'id<TAB>query' line answered with its id, an empty line after each")
    func batch() throws {
        let f = try fixture
        let input = Data("q1\ttariffs\nq2\t知识产权\n\nq3\tzzzqqxx\n".utf8)
        let outcome = try f.run(
            ["search", "--batch", "-", "--format", "trec", "--limit", "3"] + f.indexArguments,
            input: input
        )
        #expect(outcome.status == 0, "\(outcome.summary)")
        let lines = outcome.stdout.components(separatedBy: "\n")
        // Three lines for q1, a blank, three for q2, a blank, nothing for q3 but its blank, the final newline.
        #expect(lines.count == 10, "\(outcome.stdout)")
        guard lines.count == 10 else { return }
        #expect(lines[0..<3].allSatisfy { $0.hasPrefix("q1 Q0 ") })
        #expect(lines[4..<7].allSatisfy { $0.hasPrefix("q2 Q0 ") })
        #expect(lines[3] == "" && lines[7] == "" && lines[8] == "" && lines[9] == "")
    }

    // MARK: - Colour

    @Test("No colour in a pipe; --color always forces it; --color never and NO_COLOR turn it off")
    func colourInPipe() throws {
        let f = try fixture
        let query = ["search", "tariffs", "--limit", "2"] + f.indexArguments
        #expect(!(try f.run(query).stdout.contains("\u{1B}[")))
        #expect(try f.run(query + ["--color", "always"]).stdout.contains("\u{1B}[1;33m"))
        #expect(!(try f.run(query + ["--color", "never"]).stdout.contains("\u{1B}[")))
    }

    @Test(
        "On a terminal: highlights in colour, none with NO_COLOR or --color never",
        .enabled(if: PodiumProcess.hasScript, "needs util-linux 'script' for a pseudo-terminal")
    )
    func colourOnTerminal() throws {
        let f = try fixture
        let query = ["search", "tariffs", "--limit", "2"] + f.indexArguments
        let coloured = try f.runOnTerminal(query)
        #expect(coloured.status == 0, "\(coloured.summary)")
        #expect(coloured.stdout.contains("\u{1B}[1;33mtariff"), "\(coloured.stdout.prefix(300))")
        let plain = try f.runOnTerminal(query, environment: ["NO_COLOR": "1"])
        #expect(plain.stdout.contains("tariff") && !plain.stdout.contains("\u{1B}["))
        #expect(!(try f.runOnTerminal(query + ["--color", "never"]).stdout.contains("\u{1B}[")))
    }

    @Test(
        "Progress: redrawn in place on a terminal, absent in a pipe; the summary line always",
        .enabled(if: PodiumProcess.hasScript, "needs util-linux 'script' for a pseudo-terminal")
    )
    func progress() throws {
        let f = try fixture
        let index = f.work.appendingPathComponent("progress-index")
        let build = ["index", "build", "--corpus", f.corpus.path, "--index", index.path]
        let onTerminal = try f.runOnTerminal(build)
        #expect(onTerminal.status == 0, "\(onTerminal.summary)")
        // Each redraw returns to the line's start and clears it; the last one shows 100%.
        #expect(onTerminal.stdout.contains("\r\u{1B}[2KIndexing "))
        #expect(onTerminal.stdout.contains("100%"))
        #expect(onTerminal.stdout.contains("59 sources: 59 indexed"))
        let piped = try f.run(build)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("Indexing "))
        #expect(piped.stderr.contains("59 sources: 59 indexed, 0 skipped, 0 failed; 310 statements"))
    }

    // MARK: - Checks

    /// Fields, unique ids of statements from the corpus, descending scores, highlights marked in excerpts.
    private func checkHits(_ hits: [[String: Any]], corpus: URL, highlight accepts: (String) -> Bool) throws {
        var ids = Set<String>()
        var previous = Double.infinity
        for hit in hits {
            let id = try #require(hit["id"] as? String)
            #expect(ids.insert(id).inserted, "id \(id) twice")
            for field in [
                "date", "spokesperson", "outlet", "title", "source", "path", "language", "kind", "question", "answer",
            ] {
                #expect(hit[field] is String, "\(id): no string '\(field)'")
            }
            let path = try #require(hit["path"] as? String)
            #expect(path.hasPrefix(corpus.path + "/") && FileManager.default.fileExists(atPath: path), "\(path)")
            let date = hit["date"] as? String ?? ""
            #expect(date.isEmpty || date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(id): date \(date)")
            let score = try #require(hit["score"] as? Double)
            #expect(score > 0 && score <= previous, "\(id): score \(score) after \(previous)")
            previous = score
            let excerpt = try #require(hit["excerpt"] as? String)
            let highlights = try #require(hit["highlights"] as? [String])
            #expect(!highlights.isEmpty, "\(id): no highlights")
            let text = ((hit["question"] as? String ?? "") + " " + (hit["answer"] as? String ?? "")).lowercased()
            for word in highlights {
                #expect(excerpt.contains("**\(word)**"), "\(id): '\(word)' not marked in \(excerpt)")
                #expect(accepts(word.lowercased()), "\(id): '\(word)' highlighted")
                #expect(text.contains(word.lowercased()), "\(id): '\(word)' is not in the statement")
            }
        }
    }
}
