import Foundation
import TestSupport
import Testing

/// A corpus in a temporary directory made of batches of the project's `Corpus/` pages, with an index built
/// in several steps (several segments, so the next refresh merges), then edited: one batch deleted, three
/// pages changed, two batches added.
///
/// `before` is the index of the unedited corpus, kept aside to restore; `after` is what a complete build or
/// refresh of the edited corpus holds. Built once for a suite by the `.growingCorpus` trait and read-only
/// afterwards: each test works on its own copy of the index.
final class GrowingCorpus: @unchecked Sendable {
    /// The fixture of the running suite (see `.growingCorpus`).
    @TaskLocal static var current: GrowingCorpus?

    let root: TemporaryDirectory
    var corpus: URL { root.url.appendingPathComponent("corpus") }
    /// A pristine copy of the index before the edits, to restore before each run.
    var saved: URL { root.url.appendingPathComponent("saved-index") }
    var index: URL { root.url.appendingPathComponent("index") }

    /// Content of the saved index.
    private(set) var before: IndexContent!
    /// Content after a complete build of the edited corpus.
    private(set) var after: IndexContent!
    /// Wall seconds of a complete build and refresh of the edited corpus from `saved`.
    private(set) var buildSeconds = 0.0
    private(set) var refreshSeconds = 0.0

    static let pagesPerBatch = 12
    static let initialBatches = 12
    static let addedInSteps = 8

    init() throws {
        root = try TemporaryDirectory(prefix: "podium-crash")
        let fm = FileManager.default
        let pages = try fm.contentsOfDirectory(at: SharedData.projectCorpus, includingPropertiesForKeys: nil)
            .filter { ["html", "htm", "shtml", "jsonl"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard pages.count >= Self.pagesPerBatch else { throw FixtureError(description: "Corpus/ has too few pages") }
        func writeBatch(_ b: Int) throws {
            let folder = corpus.appendingPathComponent(String(format: "batch-%02d", b))
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            for k in 0..<Self.pagesPerBatch {
                let page = pages[(b * Self.pagesPerBatch + k) % pages.count]
                try fm.copyItem(at: page, to: folder.appendingPathComponent(page.lastPathComponent))
            }
        }
        // The first build, then one refresh per added batch: a segment each.
        for b in 0..<Self.initialBatches { try writeBatch(b) }
        try Self.require(["index", "build", "--corpus", corpus.path, "--index", index.path])
        for b in Self.initialBatches..<(Self.initialBatches + Self.addedInSteps) {
            try writeBatch(b)
            try Self.require(["index", "refresh", "--index", index.path])
        }
        try fm.copyItem(at: index, to: saved)
        before = try IndexContent(directory: saved)

        // The edits.
        try fm.removeItem(at: corpus.appendingPathComponent("batch-00"))
        try changePages(in: corpus.appendingPathComponent("batch-01"), count: 3)
        let last = Self.initialBatches + Self.addedInSteps
        try writeBatch(last)
        try writeBatch(last + 1)

        // The two complete runs: what every run that got to its commit must leave.
        try restore()
        buildSeconds = try PodiumProcess.timedRun(["index", "build", "--corpus", corpus.path, "--index", index.path])
        after = try IndexContent(directory: index)
        try restore()
        refreshSeconds = try PodiumProcess.timedRun(["index", "refresh", "--index", index.path])
        let refreshed = try IndexContent(directory: index)
        guard refreshed.sameStatements(as: after) else {
            throw FixtureError(description: "a refresh and a build of the same corpus hold different statements")
        }
    }

    /// Puts a copy of the saved index at `destination` (default: `index`), replacing what is there.
    func restore(to destination: URL? = nil) throws {
        let target = destination ?? index
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: saved, to: target)
    }

    /// A fresh index directory name inside the fixture's folder, for a test that runs beside others.
    func scratchIndex(_ name: String) -> URL { root.url.appendingPathComponent("index-\(name)") }

    /// Changes words in the first `count` pages (in name order) that contain them.
    private func changePages(in folder: URL, count: Int) throws {
        var changed = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for name in names where changed < count {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "cooperation", with: "collaboration")
                .replacingOccurrences(of: "合作", with: "协作")
            guard edited != text else { continue }
            try edited.write(to: url, atomically: false, encoding: .utf8)
            changed += 1
        }
        guard changed == count else { throw FixtureError(description: "found only \(changed) pages to change") }
    }

    private static func require(_ arguments: [String]) throws {
        let outcome = try PodiumProcess.run(arguments)
        guard outcome.succeeded else {
            throw FixtureError(description: "podium \(arguments.joined(separator: " ")) failed: \(outcome.stderr)")
        }
    }

    struct FixtureError: Error, CustomStringConvertible { var description: String }
}

extension Trait where Self == SuiteFixtureTrait<GrowingCorpus> {
    /// Gives the suite's tests `GrowingCorpus.current`.
    static var growingCorpus: Self { SuiteFixtureTrait(local: GrowingCorpus.$current) { try GrowingCorpus() } }
}
