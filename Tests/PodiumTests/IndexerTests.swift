import Foundation
import Podium
import SearchIndex
import Testing
import TestSupport

/// Build and refresh through the facade, on a copy of the shipped corpus.
@Suite struct IndexerTests {
    /// A scratch copy of `Corpus/` and an index directory beside it.
    final class Workspace {
        let temp: TemporaryDirectory
        let corpus: String
        let index: String

        init() throws {
            temp = try TemporaryDirectory(prefix: "podium-indexer")
            corpus = temp.url.appendingPathComponent("corpus").path
            index = temp.url.appendingPathComponent("index").path
            try FileManager.default.copyItem(atPath: SharedData.projectCorpus.path, toPath: corpus)
        }

        var options: IndexingOptions { IndexingOptions(corpus: [corpus], index: index, jobs: 2) }

        func pages() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".html") }.sorted()
                .map { corpus + "/" + $0 }
        }
    }

    /// Every live statement of the index as (id → answer + question), read straight from the segments.
    static func contents(of index: String) throws -> [String: String] {
        let snapshot = try IndexSnapshot.open(directory: index)
        var out: [String: String] = [:]
        for segment in snapshot.segments {
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                let statement = StatementSchema.statement(from: try segment.storedFields(doc))
                out[statement.id] = statement.question + "\u{1}" + statement.answer + "\u{1}" + statement.date
            }
        }
        return out
    }

    @Test func buildIndexesEveryShippedSource() throws {
        let w = try Workspace()
        let report = try Indexer.build(w.options)
        #expect(report.failed.isEmpty)
        #expect(report.skipped.isEmpty, "the shipped corpus has no listing pages")
        // Pages, statements.jsonl, and the Markdown files with front matter (README.md is not one).
        let markdown = try FileManager.default.contentsOfDirectory(atPath: w.corpus)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(markdown.count == 3)
        #expect(report.sourcesFound == (try w.pages().count) + 1 + markdown.count)
        #expect(report.unread == ["md without front matter": 1, "toml": 1])
        #expect(report.statementsInIndex > 200)
        let stats = try IndexInspector.statistics(index: w.index)
        #expect(stats.statements == report.statementsInIndex)
        #expect(stats.sources == report.sourcesFound)
        #expect(try IndexInspector.verify(index: w.index).statements == report.statementsInIndex)
    }

    @Test func refreshWithNothingChangedReadsNothing() throws {
        let w = try Workspace()
        let built = try Indexer.build(w.options)
        let report = try Indexer.refresh(IndexingOptions(corpus: [], index: w.index))
        #expect(report.sourcesRead == 0)
        #expect(report.unchanged == built.sourcesFound)
        #expect(report.added + report.changed + report.deleted + report.touched == 0)
        #expect(!report.committed)
    }

    @Test func refreshReportsExactlyWhatChangedAndMatchesARebuild() throws {
        let w = try Workspace()
        _ = try Indexer.build(w.options)
        let pages = try w.pages()
        // Change 3 pages: one more sentence in a paragraph of each.
        for path in pages.prefix(3) {
            var html = try String(contentsOfFile: path, encoding: .utf8)
            let marker = "</P>"
            let at = try #require(
                html.range(
                    of: marker,
                    options: .caseInsensitive,
                    range: html.index(html.startIndex, offsetBy: html.count / 2)..<html.endIndex
                )
            )
            html.replaceSubrange(at, with: " A refreshed sentence about zeppelins.</P>")
            try html.write(toFile: path, atomically: false, encoding: .utf8)
        }
        // Add 2 pages (copies under new names), delete 1.
        try FileManager.default.copyItem(atPath: pages[5], toPath: w.corpus + "/added-one.html")
        try FileManager.default.copyItem(atPath: pages[6], toPath: w.corpus + "/added-two.html")
        try FileManager.default.removeItem(atPath: pages[10])
        // Touch one page without changing its bytes.
        let touched = pages[12]
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)],
            ofItemAtPath: touched
        )

        let report = try Indexer.refresh(IndexingOptions(corpus: [], index: w.index))
        #expect(report.changed == 3)
        #expect(report.added == 2)
        #expect(report.deleted == 1)
        #expect(report.touched == 1)
        #expect(report.sourcesRead == 5)
        #expect(try IndexInspector.verify(index: w.index).files > 1)

        let rebuilt = w.temp.url.appendingPathComponent("rebuilt").path
        _ = try Indexer.build(IndexingOptions(corpus: [w.corpus], index: rebuilt))
        let refreshed = try Self.contents(of: w.index)
        #expect(refreshed == (try Self.contents(of: rebuilt)))
        #expect(refreshed.values.contains { $0.contains("zeppelins") })

        // Every query answers the same on the refreshed index as on the rebuilt one.
        let refreshedIndex = try PodiumIndex(directory: w.index)
        let rebuiltIndex = try PodiumIndex(directory: rebuilt)
        let queries = [
            "intellectual property", "trade", "+solar +wind", "\"new energy\"", "patent*", "zeppelins", "知识产权",
            "tariffs -soybeans", "speaker:liang", "date:2019 climate", "lang:zh 合作",
        ]
        for query in queries {
            #expect(
                try refreshedIndex.count(SearchOptions(query: query))
                    == rebuiltIndex.count(SearchOptions(query: query)),
                "the same number of matches for \(query)"
            )
            let a = try refreshedIndex.search(SearchOptions(query: query, limit: 300)).hits
            let b = try rebuiltIndex.search(SearchOptions(query: query, limit: 300)).hits
            #expect(Set(a.map(\.statement.id)) == Set(b.map(\.statement.id)), "the same matches for \(query)")
            #expect(zip(a, b).allSatisfy { abs($0.score - $1.score) < 1e-4 }, "scores of \(query)")
            // The top 10, ties at the cut aside: the hits scoring above the 11th.
            let cut = a.count > 10 ? a[10].score + 1e-4 : -Double.infinity
            let top = { (hits: [Hit]) in Set(hits.prefix(10).filter { $0.score > cut }.map(\.statement.id)) }
            #expect(top(a) == top(b), "the same top 10 for \(query)")
        }

        let again = try Indexer.refresh(IndexingOptions(corpus: [], index: w.index))
        #expect(again.sourcesRead == 0, "a second refresh finds nothing left to do")
    }

    @Test("optimize merges into one segment and every query answers as before")
    func optimizeKeepsEveryAnswer() throws {
        let w = try Workspace()
        // A budget this small flushes a segment every few pages.
        var options = w.options
        options.memoryBudget = 1 << 20
        _ = try Indexer.build(options)
        let before = try IndexInspector.statistics(index: w.index)
        #expect(before.segments > 1)
        let queries = ["intellectual property", "+solar +wind", "\"new energy\"", "patent*", "知识产权", "speaker:liang"]
        let answers = { () throws -> [[String]] in
            let index = try PodiumIndex(directory: w.index)
            return try queries.map { query in
                try index.search(SearchOptions(query: query, limit: 1000)).hits.map {
                    "\($0.statement.id) \(Float($0.score))"
                }
            }
        }
        let expected = try answers()

        let report = try Indexer.optimize(index: w.index)
        #expect(report.segmentsBefore == before.segments)
        #expect(report.segmentsAfter == 1)
        let after = try IndexInspector.statistics(index: w.index)
        #expect(after.segments == 1)
        #expect(after.statements == before.statements)
        #expect(after.sources == before.sources)
        #expect(try IndexInspector.verify(index: w.index).statements == before.statements)
        #expect(try answers() == expected)
        // The sources table survives: a refresh finds nothing to do.
        #expect(try Indexer.refresh(IndexingOptions(corpus: [], index: w.index)).sourcesRead == 0)
    }

    @Test func missingCorpusPathIsAnInputError() throws {
        let w = try Workspace()
        #expect(throws: PodiumError.self) {
            try Indexer.build(IndexingOptions(corpus: [w.corpus + "/nope"], index: w.index))
        }
        do {
            _ = try Indexer.build(IndexingOptions(corpus: [w.corpus + "/nope"], index: w.index))
        } catch {
            #expect(error.kind == .input)
            #expect(error.message.contains("nope"))
        }
    }

    @Test func refreshWithoutAnIndexSaysSo() throws {
        let w = try Workspace()
        do {
            _ = try Indexer.refresh(IndexingOptions(corpus: [], index: w.index))
            Issue.record("refresh of a missing index succeeded")
        } catch {
            #expect(error.kind == .index)
            #expect(error.hint?.contains("podium index build") == true)
        }
    }
}
