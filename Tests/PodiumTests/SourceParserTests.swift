import Foundation
import Podium
import SearchIndex
import TestSupport
import Testing

/// `podium parse` and an index build read sources with one reader: what `SourceParser` hands over is what
/// the index stores, statement for statement, and a JSONL file larger than a block reads as one file.
@Suite struct SourceParserTests {
    @Test func parsingGivesTheStatementsTheIndexStores() throws {
        let folder = try TemporaryDirectory(prefix: "podium-parse")
        let pages = try FileManager.default.contentsOfDirectory(atPath: SharedData.projectCorpus.path)
            .filter { $0.hasSuffix(".html") }.sorted().prefix(3)
        for page in pages {
            try FileManager.default.copyItem(
                at: SharedData.projectCorpus.appendingPathComponent(page),
                to: folder.url.appendingPathComponent(page)
            )
        }
        // A little over two blocks, with a bad line and an id repeated from the first block in the last.
        var lines: [String] = []
        var bytes = 0
        let filler = String(repeating: "Both sides agreed to deepen cooperation. ", count: 30)
        while bytes < ContentHash.blockSize * 2 + 10_000 {
            let n = lines.count + 1
            let line =
                switch n {
                case 700: #"{"id": "j700", "answer": "unterminated"#
                case 1500: #"{"id": "j3", "answer": "the id of line 3 again"}"#
                default: #"{"id": "j\#(n)", "answer": "\#(n). \#(filler)", "date": "2020-03-04"}"#
                }
            lines.append(line)
            bytes += line.utf8.count + 1
        }
        let jsonl = folder.url.appendingPathComponent("statements.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: jsonl)
        let missing = folder.url.appendingPathComponent("missing.html").path

        var parsed: [Statement] = []
        var warnings: [SourceWarning] = []
        var outcomes: [String: SourceOutcome] = [:]
        var pieces: [String: Int] = [:]
        try SourceParser.read([missing, folder.url.path], jobs: 2) { piece in
            parsed += piece.statements
            warnings += piece.warnings
            pieces[piece.source, default: 0] += 1
            if let outcome = piece.outcome { outcomes[piece.source] = outcome }
        }
        #expect(outcomes[missing] == .failed("no such file or directory"))
        #expect(outcomes.count == pages.count + 2)
        #expect(pieces[jsonl.path] == 3, "a file of three blocks comes in three pieces")
        #expect(warnings.filter { $0.source == jsonl.path }.compactMap(\.line) == [700, 1500])
        #expect(warnings.contains { $0.line == 1500 && $0.message == "duplicate id 'j3'; line skipped" })
        let fromJSONL = parsed.filter { $0.source == jsonl.path }
        #expect(fromJSONL.count == lines.count - 2)
        #expect(fromJSONL.map(\.ordinal) == Array(1...fromJSONL.count))

        let index = folder.url.appendingPathComponent("index")
        _ = try Indexer.build(IndexingOptions(corpus: [folder.url.path], index: index.path))
        let snapshot = try IndexSnapshot.open(directory: index.path)
        var stored: [String] = []
        for segment in snapshot.segments {
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                stored.append(Self.key(StatementSchema.statement(from: try segment.storedFields(doc))))
            }
        }
        #expect(stored.sorted() == parsed.map(Self.key).sorted())
    }

    /// Everything but a page statement's id, which an index makes from the path below its corpus folder.
    static func key(_ s: Statement) -> String {
        let id = s.source.hasSuffix(".jsonl") ? s.id : ""
        return [
            id, String(s.ordinal), s.date, s.spokesperson, s.outlet, s.title, s.question, s.answer, s.language,
            s.kind, s.source, s.url, s.followUp ? "1" : "0",
        ].joined(separator: "\u{1}")
    }

    @Test func termsCarryPositionsOffsetsAndJoins() {
        let english = TermAnalyzer.terms(of: Array("China's new-energy vehicles".utf8))
        #expect(english.map(\.term) == ["china", "new", "energi", "vehicl"])
        #expect(english.map(\.position) == [0, 1, 2, 3])
        #expect(english.map { $0.start..<$0.end } == [0..<7, 8..<11, 12..<18, 19..<27])
        let chinese = TermAnalyzer.terms(of: Array("知识产权".utf8), language: .chinese)
        #expect(chinese.map(\.term) == ["知识", "识产", "产权"])
        #expect(chinese.map(\.isJoinedToPrevious) == [false, true, true])
    }

    @Test func linksThatAreNotFollowedAreFailedSources() throws {
        let folder = try TemporaryDirectory(prefix: "podium-parse-links")
        let corpus = folder.url.appendingPathComponent("corpus").path
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: SharedData.projectCorpus.path)
                .first { $0.hasSuffix(".html") }
        )
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let away = corpus + "/away.html"
        let dangling = corpus + "/dangling.html"
        try FileManager.default.createSymbolicLink(
            atPath: away,
            withDestinationPath: SharedData.projectCorpus.appendingPathComponent(page).path
        )
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: corpus + "/none.html")
        for follow in [false, true] {
            var outcomes: [String: SourceOutcome] = [:]
            var statements = 0
            try SourceParser.read([corpus], jobs: 1, followSymlinks: follow) { piece in
                statements += piece.statements.count
                if let outcome = piece.outcome { outcomes[piece.source] = outcome }
            }
            #expect(outcomes[dangling] == .failed("symbolic link to nowhere (no such file)"))
            if follow {
                #expect(outcomes[away] == .parsed && statements > 0)
            } else {
                #expect(statements == 0)
                guard case .failed(let message) = outcomes[away] else {
                    Issue.record("an out-of-corpus link must be reported")
                    continue
                }
                #expect(message.hasSuffix("outside the corpus (--follow follows it)"))
            }
        }
    }

    @Test func parsingAndIndexingCountTheFilesNotRead() throws {
        let folder = try TemporaryDirectory(prefix: "podium-unread")
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: SharedData.projectCorpus.path)
                .filter { $0.hasSuffix(".html") }.sorted().first
        )
        let corpus = folder.url.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SharedData.projectCorpus.appendingPathComponent(page),
            to: corpus.appendingPathComponent(page)
        )
        for name in ["a.pdf", "b.pdf", "c.docx"] {
            try Data("%PDF".utf8).write(to: corpus.appendingPathComponent(name))
        }
        let unread = try SourceParser.read([corpus.path]) { _ in }
        #expect(unread == ["pdf": 2, "docx": 1])
        let index = folder.url.appendingPathComponent("index").path
        let built = try Indexer.build(IndexingOptions(corpus: [corpus.path], index: index, jobs: 1))
        #expect(built.unread == ["pdf": 2, "docx": 1])
        try Data("%PDF".utf8).write(to: corpus.appendingPathComponent("d.pdf"))
        let refreshed = try Indexer.refresh(IndexingOptions(corpus: [corpus.path], index: index, jobs: 1))
        #expect(refreshed.unread == ["pdf": 3, "docx": 1])
    }
}
