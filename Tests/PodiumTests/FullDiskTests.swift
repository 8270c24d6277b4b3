import Foundation
import Testing
import TestSupport

/// A refresh that runs out of space fails with a one-line message, leaves the last commit whole and readable,
/// and the next refresh with space finishes the job.
///
/// Space runs out through a file-size limit (`ulimit -f`, with SIGXFSZ ignored so that `write` fails with
/// EFBIG as on a full disk): it needs no privileges, so it runs in CI. `Benchmarks/scale.sh disk` does the
/// same on a real full tmpfs.
@Suite(.serialized, .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"), .growingCorpus)
struct FullDiskTests {
    /// How a refresh under a limit ended.
    enum Ending: Equatable {
        case failed, committedWithoutMerge, succeeded
    }

    /// Runs `podium index refresh --index index extra` under a limit of `blocks` × 512 bytes per file, checks
    /// what it left, then refreshes again without a limit.
    func refresh(
        _ index: URL,
        _ extra: [String],
        blocks: Int,
        expected: IndexContent,
        fixture: GrowingCorpus
    ) throws
        -> Ending
    {
        let arguments = ["index", "refresh", "--index", index.path] + extra
        let limited = try PodiumProcess.runInShell("trap '' XFSZ; ulimit -f \(blocks) && exec \"$@\"", arguments)
        #expect(!limited.signalled, "the refresh died of signal \(limited.status)")
        let verify = try PodiumProcess.run(["index", "verify", "--index", index.path])
        #expect(verify.succeeded, "verify after running out of space: \(verify.stderr)")
        let content = try IndexContent(directory: index)
        var ending = Ending.succeeded
        if limited.succeeded {
            #expect(content.sameStatements(as: expected))
            if limited.stderr.contains("merging segments failed") {
                ending = .committedWithoutMerge
                #expect(limited.stderr.contains("File too large"), "stderr: \(limited.stderr)")
            }
        } else {
            ending = .failed
            let errors = limited.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
            #expect(errors.count == 1 && errors[0].contains("File too large"), "stderr: \(limited.stderr)")
            #expect(content == fixture.before, "a failed refresh changed the index")
        }
        // The writer removed what it wrote and no commit uses, before it exited.
        #expect(try IndexContent.unreferencedFiles(in: index) == [], "left behind after running out of space")
        let next = try PodiumProcess.run(arguments)
        #expect(next.succeeded, "the refresh with space: \(next.stderr)")
        #expect(try IndexContent(directory: index).sameStatements(as: expected))
        #expect(try IndexContent.unreferencedFiles(in: index) == [])
        return ending
    }

    @Test("Out of space in a new segment or in a merge: the last commit stands, the next refresh succeeds")
    func outOfSpaceWritingSegments() throws {
        let fixture = try #require(GrowingCorpus.current)
        var endings: [Ending] = []
        for blocks in [16, 64, 256, 1_024, 8_192] {
            let index = fixture.scratchIndex("full-\(blocks)")
            try fixture.restore(to: index)
            endings.append(try refresh(index, [], blocks: blocks, expected: fixture.after, fixture: fixture))
        }
        // The limits must reach both failures, or the test proves less than it says.
        #expect(endings.contains(.failed) && endings.contains(.committedWithoutMerge), "\(endings)")
    }

    @Test("Out of space in the commit file: the last commit stands, the next refresh succeeds")
    func outOfSpaceWritingTheCommit() throws {
        let fixture = try #require(GrowingCorpus.current)
        let index = fixture.scratchIndex("full-commit")
        try fixture.restore(to: index)
        // Keeping one batch deletes every other source: small delete files, then the commit file.
        let kept = fixture.corpus.appendingPathComponent("batch-05")
        let expectedIndex = fixture.scratchIndex("full-commit-expected")
        try fixture.restore(to: expectedIndex)
        let reference = try PodiumProcess.run([
            "index", "refresh", "--index", expectedIndex.path, "--corpus", kept.path,
        ])
        try #require(reference.succeeded, "\(reference.stderr)")
        let expected = try IndexContent(directory: expectedIndex)
        let ending = try refresh(index, ["--corpus", kept.path], blocks: 2, expected: expected, fixture: fixture)
        #expect(ending == .failed)
    }
}
