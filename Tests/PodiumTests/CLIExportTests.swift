import Foundation
import SwiftCSV
import TestSupport
import Testing

/// `podium export` on a copy of `Corpus/`: CSV read back by an independent RFC 4180 reader (SwiftCSV) equals
/// the JSONL export field for field, Chinese, quotes, commas and line breaks included; the Markdown report
/// cites every excerpt; `--out` replaces a file whole or leaves it alone.
@Suite(
    "podium export, end to end",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLIExportTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    /// Chinese and English statements about intellectual property: their answers hold commas, quotes and
    /// paragraph breaks.
    static let query = ["export", #"知识产权 OR "intellectual property""#, "--all", "--full"]

    @Test("CSV --full parses as RFC 4180 and equals the JSONL export, field for field")
    func csvMatchesJSONL() throws {
        let f = try fixture
        let out = f.workFile("ip.csv")
        let csvRun = try f.run(Self.query + ["--format", "csv", "--out", out.path] + f.indexArguments)
        #expect(csvRun.status == 0, "\(csvRun.summary)")
        #expect(csvRun.stdout.isEmpty, "with --out nothing goes to standard output")
        let jsonlRun = try f.run(Self.query + ["--format", "jsonl"] + f.indexArguments)
        let records = try parseJSONLines(jsonlRun.stdout)

        let text = try String(contentsOf: out, encoding: .utf8)
        let header = [
            "id", "date", "spokesperson", "outlet", "title", "source", "score", "excerpt", "excerpt_from", "question",
            "answer",
        ]
        #expect(text.hasPrefix(header.joined(separator: ",") + "\r\n"), "records end in CRLF")
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        #expect(csv.header == header)
        let rows = csv.rows.filter { $0 != [""] }
        #expect(rows.count == records.count && records.count > 10, "\(rows.count) rows, \(records.count) records")

        // The test proves something only if the data holds what CSV must quote.
        let all = records.flatMap { r in header.compactMap { r[$0] as? String } }
        #expect(all.contains { $0.contains("\n") }, "no field with a line break")
        #expect(all.contains { $0.contains(",") }, "no field with a comma")
        #expect(all.contains { $0.contains("\"") }, "no field with a double quote")
        #expect(records.contains { $0["language"] as? String == "zh" }, "no Chinese statement")
        #expect(records.contains { $0["language"] as? String == "en" }, "no English statement")

        for (row, record) in zip(rows, records) {
            #expect(row.count == header.count, "\(row.first ?? "")")
            for (column, name) in header.enumerated() where column < row.count {
                let expected: String
                if name == "score" {
                    #expect(Double(row[column]) == record["score"] as? Double)
                    continue
                }
                switch name {
                case "excerpt":
                    // Plain in CSV, with whose words they are when they are not the answer's.
                    let from = record["excerptFrom"] as? String
                    let outlet = record["outlet"] as? String ?? ""
                    let label =
                        from == "question"
                        ? (outlet.isEmpty ? "Q: " : "Q (\(outlet)): ") : from == "title" ? "Title: " : ""
                    let marked = try #require(record[name] as? String)
                    expected = label + marked.replacingOccurrences(of: "**", with: "")
                case "excerpt_from": expected = try #require(record["excerptFrom"] as? String)
                default: expected = try #require(record[name] as? String, "\(name)")
                }
                // SwiftCSV drops spaces before an unquoted field; RFC 4180 keeps them. Compare without.
                #expect(
                    row[column].trimmingCharacters(in: .whitespaces) == expected.trimmingCharacters(in: .whitespaces),
                    "\(record["id"] ?? ""): \(name)"
                )
            }
        }
    }

    @Test("Markdown: grouped by briefing, a citation line under every excerpt")
    func markdownCitations() throws {
        let f = try fixture
        let query = ["export", "trade OR tariffs OR 知识产权", "--limit", "30"] + f.indexArguments
        let md = try f.run(query + ["--format", "md"])
        #expect(md.status == 0, "\(md.summary)")
        let records = try parseJSONLines(try f.run(query + ["--format", "jsonl"]).stdout)
        #expect(records.count == 30)

        let lines = md.stdout.components(separatedBy: "\n")
        #expect(lines.first == "# Podium excerpts: trade OR tariffs OR 知识产权")
        var citedIDs: [String] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix(">") else {
                index += 1
                continue
            }
            // An excerpt: a run of quoted lines, a blank line, then its citation.
            var excerpt: [String] = []
            while index < lines.count, lines[index].hasPrefix(">") {
                excerpt.append(lines[index])
                index += 1
            }
            #expect(excerpt.joined().contains("**"), "an excerpt without highlights: \(excerpt)")
            try #require(index + 1 < lines.count)
            #expect(lines[index].isEmpty)
            let citation = lines[index + 1]
            #expect(citation.hasPrefix("— ") && citation.contains(" Source: "), "not a citation: \(citation)")
            if let id = citation.firstMatch(of: /\(`([^`]+)`, score [0-9.]+\)$/)?.1 { citedIDs.append(String(id)) }
            index += 2
        }
        // Every hit cited once; the order may differ because excerpts are grouped by briefing.
        #expect(citedIDs.sorted() == records.compactMap { $0["id"] as? String }.sorted())
        let briefings = Set(records.map { "\($0["path"] ?? "")|\($0["title"] ?? "")|\($0["date"] ?? "")" })
        #expect(lines.filter { $0.hasPrefix("## ") }.count == briefings.count)
    }

    @Test("--out replaces an existing file whole")
    func outReplaces() throws {
        let f = try fixture
        let out = f.workFile("report.md")
        try Data("old report\n".utf8).write(to: out)
        let run = try f.run(["export", "tariffs", "--format", "md", "--out", out.path] + f.indexArguments)
        #expect(run.status == 0, "\(run.summary)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("# Podium excerpts: tariffs") && !text.contains("old report"))
        #expect(run.stderr.contains("exported ") && run.stderr.contains(out.path))
        #expect(try leftovers(in: f.work).isEmpty)
    }

    @Test("A write that fails halfway (file size limit) leaves the old file as it was and no temporary file")
    func failedWriteLeavesNothing() throws {
        let f = try fixture
        let out = f.workFile("big.jsonl")
        try Data("old\n".utf8).write(to: out)
        // 8 blocks of 512 bytes: the export is larger, so a write fails with EFBIG partway through.
        let arguments =
            ["export", "china", "--all", "--full", "--format", "jsonl", "--out", out.path] + f.indexArguments
        let run = try PodiumProcess.runInShell("trap '' XFSZ; ulimit -f 8 && exec \"$@\"", arguments)
        #expect(run.status == 5, "\(run.summary)")
        let lines = run.stderr.split(separator: "\n")
        #expect(
            lines.count == 2 && lines[0].hasPrefix("error: cannot write \(out.path)") && lines[1].hasPrefix("hint: ")
        )
        #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
        #expect(try leftovers(in: f.work).isEmpty)
    }

    /// Temporary files an export left in `folder`.
    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
    }
}
