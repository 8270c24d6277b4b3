import Foundation
import SearchIndex
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A build or refresh stopped by SIGINT or SIGTERM after it wrote segment files removes them, leaves the last
/// commit as it was and exits with 128 + the signal. A small memory budget over the real Chinese press
/// conferences (12 MB of JSONL) and pages makes the writer flush segments long before its commit.
@Suite(.serialized, .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"))
struct InterruptTests {
    /// Runs `arguments`, stops the process as soon as `index` holds a file it did not hold before (other than
    /// the lock), sends `signalNumber` and lets it go on. Returns its exit status and standard error, or `nil`
    /// when it ended before writing a file.
    static func interrupt(
        _ arguments: [String],
        index: URL,
        with signalNumber: Int32
    ) throws -> (status: Int32, signalled: Bool, stderr: String)? {
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? [])
        let process = Process()
        process.executableURL = try PodiumProcess.executable()
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var stopped = false
        while process.isRunning, !stopped {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []
            if names.contains(where: { !existing.contains($0) && $0 != IndexFormat.lockFileName }) {
                kill(process.processIdentifier, SIGSTOP)
                stopped = true
            } else {
                usleep(1_000)
            }
        }
        if stopped {
            kill(process.processIdentifier, signalNumber)
            kill(process.processIdentifier, SIGCONT)
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard stopped else { return nil }
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, stderr)
    }

    @Test(
        "Interrupted with segment files written: they are removed and the last commit stands",
        .enabled(if: SharedData.isAvailable, SharedData.skipNote),
        arguments: [SIGINT, SIGTERM]
    )
    func interruptedRunRemovesItsFiles(signalNumber: Int32) throws {
        let temp = try TemporaryDirectory(prefix: "podium-interrupt")
        let index = temp.url.appendingPathComponent("index")
        let big = [
            "--corpus", SharedData.presconZhJSONL.path, "--corpus", SharedData.rawHTML.path, "--memory", "32", "--jobs",
            "1",
        ]

        // A first build, stopped: no index, no file left.
        let build = try #require(
            try Self.interrupt(["index", "build", "--index", index.path] + big, index: index, with: signalNumber)
        )
        #expect(!build.signalled && build.status == 128 + signalNumber, "\(build.stderr)")
        #expect(build.stderr.contains("interrupted by SIG"), "\(build.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: index.path)
        #expect(names.allSatisfy { $0 == IndexFormat.lockFileName }, "left behind: \(names)")

        // A refresh that adds the large file to a small index, stopped: the small index as it was.
        let small = try PodiumProcess.run([
            "index", "build", "--index", index.path, "--corpus", SharedData.projectCorpus.path,
        ])
        try #require(small.succeeded, "\(small.summary)")
        let before = try IndexContent(directory: index)
        let refresh = try #require(
            try Self.interrupt(
                ["index", "refresh", "--index", index.path, "--corpus", SharedData.projectCorpus.path] + big,
                index: index,
                with: signalNumber
            )
        )
        #expect(!refresh.signalled && refresh.status == 128 + signalNumber, "\(refresh.stderr)")
        #expect(try IndexContent(directory: index) == before)
        #expect(try IndexContent.unreferencedFiles(in: index) == [], "files left behind")
    }
}
