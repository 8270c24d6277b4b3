import ArgumentParser
import Foundation
import Podium

/// Acceptance figures of did-you-mean: how often the first suggestion for a misspelt frequent word is the
/// intended word, and the median time of one lookup, in process.
@main
struct SpellingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hit rate and lookup time of spelling suggestions over misspellings of an index's words."
    )

    @Option(help: "The index directory (build it first: podium index build --corpus ../shared/corpus --index DIR).")
    var index: String

    @Option(help: "How many misspellings.")
    var count = 200

    @Option(help: "The seed of the misspellings.")
    var seed: UInt64 = 15

    @Option(help: "Timed passes over the misspellings (the median is over every lookup of every pass).")
    var passes = 5

    func run() throws {
        let podium = try PodiumIndex(directory: index)
        let counts = try podium.surfaceWordCounts()
        let cases = MisspellingTrial.cases(from: counts, count: count, seed: seed)
        let clock = ContinuousClock()
        let built = try clock.measure { _ = try podium.spellingCandidates(for: "warm") }
        var hits = 0
        for trial in cases where try podium.spellingCandidates(for: trial.misspelt, limit: 1).first == trial.intended {
            hits += 1
        }
        var times: [Double] = []
        for _ in 0..<passes {
            for trial in cases {
                let elapsed = try clock.measure { _ = try podium.spellingCandidates(for: trial.misspelt) }
                times.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
            }
        }
        times.sort()
        let median = times.isEmpty ? 0 : times[times.count / 2]
        let p99 = times.isEmpty ? 0 : times[min(times.count - 1, times.count * 99 / 100)]
        print("words in the index's lexicon: \(counts.count)")
        print("lexicon and deletes index built in \(built)")
        print(
            "misspellings: \(cases.count); first suggestion is the intended word: \(hits) "
                + "(\(String(format: "%.1f", 100 * Double(hits) / Double(max(1, cases.count))))%)"
        )
        print(String(format: "lookup: median %.1f µs, p99 %.1f µs over %d lookups", median, p99, times.count))
    }
}
