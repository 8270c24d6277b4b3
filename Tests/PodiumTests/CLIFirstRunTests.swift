import Foundation
import SearchIndex
import TestSupport
import Testing

/// A newcomer's first command, in a checkout with `Corpus/` and no `Index/` (issue 6, acceptance 2): the
/// first search builds the index, with progress on standard error, and prints results; the next one
/// answers without building.
@Suite("podium on a fresh checkout", .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"))
struct CLIFirstRunTests {
    /// A folder laid out like the repository, holding only a copy of `Corpus/`.
    private func freshCheckout() throws -> TemporaryDirectory {
        let checkout = try TemporaryDirectory(prefix: "podium-fresh")
        try FileManager.default.copyItem(
            at: SharedData.projectCorpus,
            to: checkout.url.appendingPathComponent("Corpus")
        )
        return checkout
    }

    @Test("The first search builds Index/ from Corpus/ and prints results; the second only searches")
    func firstSearchBuildsIndex() throws {
        let checkout = try freshCheckout()
        let first = try PodiumProcess.run(["search", "intellectual property"], in: checkout.url)
        #expect(first.status == 0, "\(first.summary)")
        #expect(first.stderr.hasPrefix("No index yet: building Index/ from Corpus/ (once).\n"))
        #expect(first.stderr.contains("59 sources: 59 indexed, 0 skipped, 0 failed; 310 statements written"))
        // The count of matches first, then the hits.
        #expect(first.stdout.hasPrefix("10 of "), "\(first.stdout.prefix(300))")
        #expect(first.stdout.contains("\n\n1. "), "\(first.stdout.prefix(300))")
        #expect(first.stdout.lowercased().contains("intellectual property"))
        #expect(FileManager.default.fileExists(atPath: checkout.url.appendingPathComponent("Index/meta.json").path))

        let second = try PodiumProcess.run(["search", "intellectual property"], in: checkout.url)
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty, "the second run built again: \(second.stderr)")
        #expect(second.stdout == first.stdout)
    }

    @Test(
        "On a terminal the first search shows a progress bar before the results",
        .enabled(if: PodiumProcess.hasScript, "needs util-linux 'script' for a pseudo-terminal")
    )
    func progressOnTerminal() throws {
        let checkout = try freshCheckout()
        let run = try PodiumProcess.runOnTerminal(["search", "intellectual property"], in: checkout.url)
        #expect(run.status == 0, "\(run.summary)")
        let screen = run.stdout
        let bar = try #require(screen.range(of: "\r\u{1B}[2KIndexing "), "no progress bar: \(screen.prefix(300))")
        let summary = try #require(screen.range(of: "59 sources: 59 indexed"))
        let results = try #require(screen.range(of: "score "), "no results")
        #expect(bar.lowerBound < summary.lowerBound && summary.lowerBound < results.lowerBound)
    }

    @Test("An Index/ written by an older podium is rebuilt from its corpus; an --index one is not")
    func olderIndexIsRebuilt() throws {
        let checkout = try freshCheckout()
        let first = try PodiumProcess.run(["search", "intellectual property"], in: checkout.url)
        #expect(first.status == 0, "\(first.summary)")
        let index = checkout.url.appendingPathComponent("Index").path
        // What an upgrade finds: a commit of an older format version.
        var commit = try IndexCommit.read(directory: index)
        commit.formatVersion = 1
        try commit.write(directory: index)

        let named = try PodiumProcess.run(["search", "intellectual property", "--index", index], in: checkout.url)
        #expect(named.status == 3, "\(named.summary)")
        #expect(named.stderr.contains("format version 1"))
        #expect(named.stderr.contains("hint: rebuild it with: podium index build --index \(index)"))

        let upgraded = try PodiumProcess.run(["search", "intellectual property"], in: checkout.url)
        #expect(upgraded.status == 0, "\(upgraded.summary)")
        #expect(upgraded.stderr.hasPrefix("Index/ was written by another version of podium"))
        #expect(upgraded.stderr.contains("59 sources: 59 indexed, 0 skipped, 0 failed; 310 statements written"))
        #expect(upgraded.stdout == first.stdout)
        #expect(try IndexCommit.read(directory: index).formatVersion == IndexFormat.version)
    }

    @Test("Without Corpus/ or an index, search says how to build one")
    func nothingAtAll() throws {
        let empty = try TemporaryDirectory(prefix: "podium-empty")
        let run = try PodiumProcess.run(["search", "tariffs"], in: empty.url)
        #expect(run.status == 3)
        #expect(run.stderr == "error: no index at 'Index'\nhint: build one with: podium index build --index Index\n")
    }
}
