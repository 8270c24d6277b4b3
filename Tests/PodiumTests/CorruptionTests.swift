import Foundation
import TestSupport
import Testing

/// The 50-flip version of `Benchmarks/corruption.py` (500 flips on an index over 64 MB), on an index of the
/// project's `Corpus/`: after each random single-byte flip in a file of the index, 20 queries and an export
/// give exactly the undamaged answers, or fail with exit status 3 naming the damaged file.
@Suite("Damaged index files never change an answer")
struct CorruptionTests {
    static let queries = [
        "china", "cooperation", "trade", "development", "human rights", "trade AND cooperation",
        "taiwan OR hong kong", "\"belt and road\"", "\"south china sea\"", "develop*", "coop*",
        "cooperation -economic", "+china +africa", "(japan OR korea) AND relations", "date:2017..2018 china",
        "lang:zh 合作", "question:sovereignty", "investment economy growth", "speaker:qiao", "spokesperson",
    ]
    static let exportWord = "china"

    struct Answers: Equatable {
        var search: PodiumProcess.Outcome
        var export: PodiumProcess.Outcome

        var all: [PodiumProcess.Outcome] { [search, export] }

        static func == (a: Answers, b: Answers) -> Bool {
            zip(a.all, b.all).allSatisfy { $0.status == $1.status && $0.stdout == $1.stdout }
        }
    }

    static func answers(index: String, batch: String) throws -> Answers {
        Answers(
            search: try PodiumProcess.run(
                ["search", "--index", index, "--batch", batch, "--format", "trec", "--limit", "10"]
            ),
            export: try PodiumProcess.run(["export", exportWord, "--all", "--format", "jsonl", "--index", index])
        )
    }

    /// XORs the byte at `offset` of `path` with `mask`.
    static func flip(_ path: String, at offset: UInt64, mask: UInt8) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: [byte ^ mask])
    }

    @Test("50 random byte flips: each answer is the undamaged one, or exit 3 naming the damaged file")
    func randomFlips() throws {
        let dir = try TemporaryDirectory(prefix: "podium-flips")
        let index = dir.url.appendingPathComponent("index").path
        let build = try PodiumProcess.run(
            ["index", "build", "--corpus", SharedData.projectCorpus.path, "--index", index]
        )
        try #require(build.succeeded, "\(build.stderr)")
        let batch = dir.url.appendingPathComponent("queries.tsv").path
        let lines = Self.queries.enumerated().map { "q\($0.offset + 1)\t\($0.element)\n" }.joined()
        try Data(lines.utf8).write(to: URL(fileURLWithPath: batch))

        let started = Date()
        let clean = try Self.answers(index: index, batch: batch)
        try #require(clean.search.succeeded && clean.export.succeeded, "\(clean.search.stderr)\(clean.export.stderr)")
        try #require(clean.export.stdout.split(separator: "\n").count > 100, "the export word should be frequent")
        let flips = 50
        let estimate = Date().timeIntervalSince(started) * Double(flips)
        guard estimate < 120 else {
            print("skipped: \(flips) flips would take about \(Int(estimate)) s here; run Benchmarks/corruption.py")
            return
        }

        let names = try FileManager.default.contentsOfDirectory(atPath: index).sorted()
        let sizes = try names.map {
            try #require(FileManager.default.attributesOfItem(atPath: index + "/" + $0)[.size] as? Int)
        }
        var rng = SeededGenerator(seed: 2026)
        var caught = 0
        var unchanged = 0
        for _ in 0..<flips {
            var at = Int.random(in: 0..<sizes.reduce(0, +), using: &rng)
            var k = 0
            while at >= sizes[k] {
                at -= sizes[k]
                k += 1
            }
            let path = index + "/" + names[k]
            let mask = UInt8.random(in: 1...255, using: &rng)
            try Self.flip(path, at: UInt64(at), mask: mask)
            let got = try Self.answers(index: index, batch: batch)
            try Self.flip(path, at: UInt64(at), mask: mask)
            if got == clean {
                unchanged += 1
                continue
            }
            for (outcome, expected) in zip(got.all, clean.all)
            where outcome.status != 0 || outcome.stdout != expected.stdout {
                #expect(
                    outcome.status == 3,
                    "byte \(at) of \(names[k]) ^ \(mask): exit \(outcome.status) \(outcome.stderr)"
                )
                #expect(outcome.stderr.contains(names[k]), "byte \(at) of \(names[k]): \(outcome.stderr)")
            }
            caught += 1
        }
        print("\(flips) flips: \(caught) caught, \(unchanged) without effect")
        #expect(caught > 0)
    }
}
