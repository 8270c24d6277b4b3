import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A build or refresh killed at any instant leaves the last committed index readable, `verify`-clean and
/// equal to what it was; the next writer cleans up after the dead one; a second writer is turned away.
@Suite(.serialized, .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"), .growingCorpus)
struct CrashSafetyTests {
    /// Which run is killed.
    enum Run: String, CaseIterable, CustomTestStringConvertible {
        case build, refresh
        var testDescription: String { rawValue }
    }

    /// Ten kill moments per run, spread from its start to after its commit.
    static let moments = Array(0..<10)

    @Test("SIGKILL at 10 moments of a run leaves the last commit whole", .serialized, arguments: Run.allCases)
    func killedRunLeavesLastCommit(run: Run) throws {
        let fixture = try #require(GrowingCorpus.current)
        let index = fixture.scratchIndex(run.rawValue)
        let seconds = run == .build ? fixture.buildSeconds : fixture.refreshSeconds
        let arguments =
            run == .build
            ? ["index", "build", "--corpus", fixture.corpus.path, "--index", index.path]
            : ["index", "refresh", "--index", index.path]
        var killedBeforeCommit = 0, killedAfterCommit = 0
        for moment in Self.moments {
            try fixture.restore(to: index)
            // 0 … 0.9 × the time of a complete run measured once, then 1.5 × and 3 ×: the last ones land after
            // the commit even when a loaded machine makes this run slower than the measured one.
            let delay = seconds * (moment < 8 ? Double(moment) / 7.8 : moment == 8 ? 1.5 : 3)
            let killed = try PodiumProcess.runAndKill(arguments, after: delay)
            let context = "\(run) killed after \(String(format: "%.2f", delay)) s"

            let verify = try PodiumProcess.run(["index", "verify", "--index", index.path])
            #expect(verify.succeeded, "verify failed, \(context): \(verify.stderr)")
            let stats = try PodiumProcess.run(["index", "stats", "--index", index.path, "--format", "json"])
            #expect(stats.succeeded, "stats failed, \(context): \(stats.stderr)")
            let content = try IndexContent(directory: index)
            if content.generation == fixture.before.generation {
                killedBeforeCommit += 1
                #expect(killed, "a finished \(run) left the old commit")
                #expect(content.sameStatements(as: fixture.before), "old generation, other content, \(context)")
            } else {
                killedAfterCommit += 1
                #expect(content.generation > fixture.before.generation)
                #expect(content.sameStatements(as: fixture.after), "new generation, other content, \(context)")
            }
            // Every other time, the next writer finishes the job and removes what the dead one left.
            if moment % 2 == 1 {
                let refresh = try PodiumProcess.run(["index", "refresh", "--index", index.path])
                #expect(refresh.succeeded, "the refresh after the kill failed, \(context): \(refresh.stderr)")
                #expect(try IndexContent(directory: index).sameStatements(as: fixture.after), "\(context)")
                #expect(try IndexContent.unreferencedFiles(in: index) == [], "files left behind, \(context)")
            }
        }
        // The moments must really straddle the commit, or the test proves less than it says.
        #expect(
            killedBeforeCommit > 0 && killedAfterCommit > 0,
            "before: \(killedBeforeCommit), after: \(killedAfterCommit)"
        )
    }

    @Test("A second writer is told which process holds the lock")
    func secondWriterIsTurnedAway() throws {
        let fixture = try #require(GrowingCorpus.current)
        let index = fixture.scratchIndex("locked")
        try fixture.restore(to: index)
        let first = try PodiumProcess.start(["index", "build", "--corpus", fixture.corpus.path, "--index", index.path])
        defer {
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
        }
        try Self.freezeHoldingTheLock(first, index: index)
        let pid = "\(first.processIdentifier)"

        for arguments in [
            ["index", "refresh", "--index", index.path],
            ["index", "build", "--corpus", fixture.corpus.path, "--index", index.path],
        ] {
            let second = try PodiumProcess.run(arguments)
            #expect(!second.succeeded)
            #expect(!second.signalled)
            #expect(second.stderr.contains("is locked by process \(pid)"), "stderr: \(second.stderr)")
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        // The frozen and killed writer changed nothing; readers and the next writer carry on.
        #expect(try IndexContent(directory: index) == fixture.before)
        let refresh = try PodiumProcess.run(["index", "refresh", "--index", index.path])
        #expect(refresh.succeeded, "\(refresh.stderr)")
        #expect(try IndexContent(directory: index).sameStatements(as: fixture.after))
    }

    @Test("A refresh during an index's first build is told the index is locked, not that there is none")
    func refreshDuringFirstBuild() throws {
        let fixture = try #require(GrowingCorpus.current)
        let index = fixture.scratchIndex("first-build")
        try? FileManager.default.removeItem(at: index)
        let first = try PodiumProcess.start(["index", "build", "--corpus", fixture.corpus.path, "--index", index.path])
        defer {
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
        }
        try Self.freezeHoldingTheLock(first, index: index)
        try #require(!FileManager.default.fileExists(atPath: index.appendingPathComponent("meta.json").path))
        let refresh = try PodiumProcess.run(["index", "refresh", "--index", index.path])
        #expect(refresh.status == 3, "\(refresh.summary)")
        #expect(refresh.stderr.contains("is locked by process \(first.processIdentifier)"), "\(refresh.stderr)")
        #expect(!refresh.stderr.contains("no index"))
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        // Once the builder is gone, there is no index to refresh.
        let after = try PodiumProcess.run(["index", "refresh", "--index", index.path])
        #expect(after.status == 3 && after.stderr.contains("no index"), "\(after.summary)")
    }

    /// Waits until `writer` holds the lock of `index`, then stops it there with SIGSTOP.
    static func freezeHoldingTheLock(_ writer: Process, index: URL) throws {
        let lock = index.appendingPathComponent("write.lock")
        let pid = "\(writer.processIdentifier)"
        var holding = false
        for _ in 0..<2_500 where writer.isRunning {
            let text = (try? String(contentsOf: lock, encoding: .utf8)) ?? ""
            if text.trimmingCharacters(in: .whitespacesAndNewlines) == pid {
                holding = true
                break
            }
            usleep(2_000)
        }
        try #require(holding, "the writer never took the lock")
        kill(writer.processIdentifier, SIGSTOP)
        try #require(writer.isRunning, "the writer ended before it could be stopped")
    }
}
