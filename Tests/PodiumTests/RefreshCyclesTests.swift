import Foundation
import Testing
import TestSupport

@testable import Podium

/// The small version of `Benchmarks/scale.sh cycles` and `readers`: refresh cycles with deletes, changes and
/// additions keep answering like a fresh build, while a reader thread keeps opening snapshots and querying.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SharedData.projectCorpus.path), "Corpus/ is missing"))
struct RefreshCyclesTests {
    static let queries = [
        "intellectual property", "trade", "+solar +wind", "\"new energy\"", "cooperation", "climate OR energy",
        "知识产权", "合作", "revised",
    ]

    /// Enough cycles for the merge policy (10 segments of a level) to merge while the reader holds snapshots.
    static let cycles = 10

    /// The statements each query matches (all of them, so that ranking drift does not count).
    static func matches(_ index: PodiumIndex) throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for query in queries {
            let hits = try index.search(SearchOptions(query: query, limit: 100_000, excerpts: false)).hits
            out[query] = Set(hits.map(\.statement.id))
        }
        return out
    }

    /// What the reader thread saw.
    final class Observations: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var answers: [[String: Set<String>]] = []
        private(set) var errors: [String] = []
        private(set) var unstable = 0
        private var stopped = false

        func record(_ first: [String: Set<String>], again: [String: Set<String>]) {
            lock.withLock {
                answers.append(first)
                if first != again { unstable += 1 }
            }
        }
        func fail(_ message: String) { lock.withLock { errors.append(message) } }
        func stop() { lock.withLock { stopped = true } }
        var isStopped: Bool { lock.withLock { stopped } }
    }

    @Test("Ten refresh cycles under a reader: same matches as a fresh build, stable snapshots, no stray files")
    func refreshCyclesWithAReader() throws {
        let root = try TemporaryDirectory(prefix: "podium-cycles")
        let corpus = root.url.appendingPathComponent("corpus")
        let index = root.url.appendingPathComponent("index").path
        let fm = FileManager.default
        let pages = try fm.contentsOfDirectory(at: SharedData.projectCorpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "html" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        try #require(pages.count >= 20)
        for (k, page) in pages.prefix(32).enumerated() {
            let folder = corpus.appendingPathComponent("f\(k % 4)")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try fm.copyItem(at: page, to: folder.appendingPathComponent(page.lastPathComponent))
        }
        _ = try Indexer.build(IndexingOptions(corpus: [corpus.path], index: index))
        var references = [try Self.matches(PodiumIndex(directory: index))]

        let seen = Observations()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            while !seen.isStopped {
                do {
                    let snapshot = try PodiumIndex(directory: index)
                    let first = try Self.matches(snapshot)
                    seen.record(first, again: try Self.matches(snapshot))
                } catch {
                    seen.fail("\(error)")
                }
            }
        }

        var generator = SeededGenerator(seed: 20_261_125)
        for cycle in 1...Self.cycles {
            var files = try fm.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".html") }.sorted()
            // Delete one page, change another (its title, so its statements change), add a copy of a third.
            try fm.removeItem(
                at: corpus.appendingPathComponent(files.remove(at: Int.random(in: 0..<files.count, using: &generator)))
            )
            let changed = corpus.appendingPathComponent(files[Int.random(in: 0..<files.count, using: &generator)])
            let text = try String(contentsOf: changed, encoding: .utf8)
            try text.replacingOccurrences(of: "</title>", with: " revised \(cycle)</title>")
                .write(to: changed, atomically: false, encoding: .utf8)
            let source = pages[Int.random(in: 0..<pages.count, using: &generator)]
            try fm.copyItem(
                at: source,
                to: corpus.appendingPathComponent("f\(cycle % 4)/cycle-\(cycle)-\(source.lastPathComponent)")
            )

            let report = try Indexer.refresh(IndexingOptions(corpus: [], index: index))
            #expect((report.added, report.changed, report.deleted) == (1, 1, 1), "cycle \(cycle)")
            _ = try IndexInspector.verify(index: index)
            #expect(try IndexContent.unreferencedFiles(in: URL(fileURLWithPath: index)) == [], "cycle \(cycle)")

            let fresh = root.url.appendingPathComponent("fresh-\(cycle)").path
            _ = try Indexer.build(IndexingOptions(corpus: [corpus.path], index: fresh))
            let refreshed = try Self.matches(PodiumIndex(directory: index))
            #expect(refreshed == (try Self.matches(PodiumIndex(directory: fresh))), "cycle \(cycle)")
            #expect(
                try IndexContent(directory: URL(fileURLWithPath: index))
                    .sameStatements(as: IndexContent(directory: URL(fileURLWithPath: fresh))),
                "cycle \(cycle)"
            )
            references.append(refreshed)
        }
        seen.stop()
        reader.wait()
        let segments = try IndexInspector.statistics(index: index).segments
        #expect(segments < Self.cycles + 1, "no merge happened: \(segments) segments")

        #expect(seen.errors.isEmpty, "\(seen.errors.prefix(3))")
        #expect(seen.unstable == 0, "a snapshot answered a query two ways")
        #expect(Set(seen.answers).count >= 2, "the reader should have seen more than one commit")
        for answer in seen.answers {
            #expect(references.contains(answer), "a reader saw matches that no commit had")
        }
    }
}
