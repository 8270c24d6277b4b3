import ArgumentParser
import Foundation
import TextAnalysis

extension Language: @retroactive ExpressibleByArgument {}

/// `AnalyzeBenchmark FILE`: throughput of the analyzer over the `question` and `answer` texts of a JSONL
/// corpus, on one thread.
@main
struct AnalyzeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "AnalyzeBenchmark",
        abstract: "Analyzer throughput over the question and answer fields of a JSONL file, one thread.",
        discussion: """
            A first, untimed pass warms the stem cache; the timed passes report the median and best wall \
            time and the median thread CPU time.

            Examples:
              .build/release/AnalyzeBenchmark ../../shared/corpus/mfa-presscon.jsonl
              .build/release/AnalyzeBenchmark ../../shared/corpus/mfa-presscon-zh.jsonl --lang zh --passes 9
            """
    )

    @Argument(help: "A JSONL file of statements.")
    var path: String

    @Option(name: .customLong("lang"), help: "The language to analyze in: auto, en or zh.")
    var language: Language = .auto

    @Option(help: "Timed passes.")
    var passes = 5

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1") }
    }

    func run() throws {
        let texts = try loadTexts()
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let analyzer = Analyzer()
        var buffer = TokenBuffer(minimumCapacity: 4096, termBytes: 32_768)
        var wallTimes: [Double] = []
        var cpuTimes: [Double] = []
        var tokens = 0
        // A first, untimed pass warms the stem cache the way a long indexing run would.
        for pass in 0...passes {
            tokens = 0
            let cpuStart = threadCPUSeconds()
            let elapsed = ContinuousClock().measure {
                for text in texts {
                    analyzer.analyze(text, language: language, into: &buffer)
                    tokens += buffer.count
                }
            }
            if pass > 0 {
                wallTimes.append(seconds(elapsed))
                cpuTimes.append(threadCPUSeconds() - cpuStart)
            }
        }
        print("texts: \(texts.count), bytes: \(bytes), tokens per pass: \(tokens), passes: \(passes)")
        // On a shared machine the wall clock also counts time the thread waited for a processor;
        // the thread's CPU time does not.
        for (label, times) in [("wall, median", wallTimes), ("wall, best", wallTimes), ("cpu, median", cpuTimes)] {
            let sorted = times.sorted()
            let time = label.hasSuffix("best") ? sorted[0] : sorted[sorted.count / 2]
            let line = String(
                format: "%@: %.1f MB/s, %.2f M tokens/s (%.3f s a pass)",
                label,
                Double(bytes) / 1e6 / time,
                Double(tokens) / 1e6 / time,
                time
            )
            print(line)
        }
    }

    /// The CPU time this thread has used.
    private func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
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
