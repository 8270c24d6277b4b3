import Foundation
import TextAnalysis

/// Throughput of the analyzer over the `question` and `answer` texts of a JSONL corpus, one thread.
struct AnalyzeBenchmark {
    let path: String
    let language: Language
    let passes: Int

    func run() throws {
        let texts = try loadTexts()
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let analyzer = Analyzer()
        var buffer = TokenBuffer(minimumCapacity: 4096, termBytes: 32_768)
        var rates: [Double] = []
        var tokens = 0
        // A first, untimed pass warms the stem cache the way a long indexing run would.
        for pass in 0...passes {
            tokens = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for text in texts {
                    analyzer.analyze(text, language: language, into: &buffer)
                    tokens += buffer.count
                }
            }
            if pass > 0 { rates.append(seconds(elapsed)) }
        }
        rates.sort()
        let median = rates[rates.count / 2]
        let best = rates[0]
        let megabytes = Double(bytes) / 1_000_000
        print("texts: \(texts.count), bytes: \(bytes), tokens per pass: \(tokens), passes: \(passes)")
        print(
            String(
                format: "median: %.1f MB/s, %.2f M tokens/s (%.3f s)",
                megabytes / median,
                Double(tokens) / median / 1e6,
                median
            )
        )
        print(
            String(
                format: "best:   %.1f MB/s, %.2f M tokens/s (%.3f s)",
                megabytes / best,
                Double(tokens) / best / 1e6,
                best
            )
        )
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The non-empty `question` and `answer` strings of every line.
    private func loadTexts() throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BenchmarkError(message: "cannot read \(path): \(error.localizedDescription)")
        }
        var texts: [String] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                throw BenchmarkError(message: "\(path):\(number + 1): not a JSON object")
            }
            for field in ["question", "answer"] {
                if let text = object[field] as? String, !text.isEmpty { texts.append(text) }
            }
        }
        guard !texts.isEmpty else { throw BenchmarkError(message: "\(path): no question or answer text") }
        return texts
    }
}

/// Why the benchmark could not run, said in one line.
struct BenchmarkError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
