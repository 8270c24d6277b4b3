import Foundation
import Testing
import TestSupport

/// A statement far larger than the memory budget is indexed within it, and found by its last words.
///
/// The build runs as a child under `/usr/bin/time` (Debian's `time`), whose peak resident size is compared
/// with `--memory` plus the runtime's fixed cost, measured as the peak of a build of three short statements.
/// Before answers were analyzed in pieces, such a statement took about 15 times its size (a 12 MB one, 180 MB).
@Suite(.serialized) struct LongStatementTests {
    static let time = "/usr/bin/time"

    @Test("A 12 MB statement is indexed within --memory 64 and found by a word from its last megabyte")
    func longStatementWithinBudget() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.time) else {
            print("note: \(Self.time) is missing (Debian package `time`); the long-statement memory test is skipped")
            return
        }
        let folder = try TemporaryDirectory(prefix: "podium-long-statement")
        let small = folder.url.appendingPathComponent("small")
        let large = folder.url.appendingPathComponent("large")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: large, withIntermediateDirectories: true)
        let short = (0..<3).map { #"{"id":"short-\#($0)","answer":"We welcome the visit of the delegation."}"# }
        try short.joined(separator: "\n").write(
            to: small.appendingPathComponent("short.jsonl"),
            atomically: true,
            encoding: .utf8
        )
        let size = 12 << 20
        try (short + [Self.longLine(bytes: size, marker: "quetzalcoatlite")]).joined(separator: "\n").write(
            to: large.appendingPathComponent("long.jsonl"),
            atomically: true,
            encoding: .utf8
        )

        let fixed = try Self.peakOfBuild(corpus: small, index: folder.url.appendingPathComponent("small-index"))
        let index = folder.url.appendingPathComponent("index")
        let peak = try Self.peakOfBuild(corpus: large, index: index)
        #expect(peak <= (64 << 20) + fixed, "peak \(peak >> 20) MB; runtime alone \(fixed >> 20) MB")

        let found = try PodiumProcess.run(["search", "quetzalcoatlite", "--index", index.path, "--format", "jsonl"])
        #expect(found.succeeded, "\(found.stderr)")
        let hits = found.stdout.split(separator: "\n")
        #expect(hits.count == 1)
        #expect(hits.first?.contains(#""id":"long""#) == true)
        #expect(hits.first?.contains("quetzalcoatlite") == true)
        // Text shows excerpts only: the answer is read as a stream for its excerpt, never held whole.
        let text = try PodiumProcess.run(["search", "quetzalcoatlite", "--index", index.path])
        #expect(text.succeeded, "\(text.stderr)")
        #expect(text.stdout.contains("The quetzalcoatlite clause stands here."))
        #expect(text.stdout.contains("[long]"))
    }

    /// A JSONL line whose answer holds about `bytes` of varied sentences, `marker` in its last megabyte.
    static func longLine(bytes: Int, marker: String) -> String {
        let sentences = [
            "Both sides agreed to deepen practical cooperation in trade and energy.",
            "We urge the relevant party to stop interfering in the internal affairs of other countries.",
            "The two foreign ministers had an in-depth exchange of views on regional issues.",
            "China stands ready to work with all parties to maintain peace and stability.",
        ]
        var answer = ""
        answer.reserveCapacity(bytes + 200)
        var marked = false
        var k = 0
        while answer.utf8.count < bytes {
            answer += sentences[k % sentences.count] + " Item zq\(String(k &* 2_654_435_761 % 16_777_216, radix: 16)). "
            if k % 7 == 0 { answer += "\\n\\n" }
            if answer.utf8.count > bytes - (512 << 10) && !marked {
                answer += "The \(marker) clause stands here. "
                marked = true
            }
            k += 1
        }
        return #"{"id":"long","date":"2020-02-02","question":"What does it say?","answer":"\#(answer)"}"#
    }

    /// The peak resident size of `podium index build --memory 64`, in bytes.
    static func peakOfBuild(corpus: URL, index: URL) throws -> Int {
        let outcome = try PodiumProcess.runInShell(
            #"exec /usr/bin/time -f "peak-kb %M" "$@""#,
            ["index", "build", "--corpus", corpus.path, "--index", index.path, "--memory", "64"]
        )
        #expect(outcome.succeeded, "\(outcome.stderr)")
        let line = outcome.stderr.split(separator: "\n").last { $0.hasPrefix("peak-kb ") }
        let kilobytes = try #require(line.flatMap { Int($0.dropFirst("peak-kb ".count)) })
        return kilobytes << 10
    }
}
