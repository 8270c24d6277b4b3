import ArgumentParser
import Foundation

@_spi(Benchmarks) import TranscriptIngest

/// `ParseBenchmark PATH ...`: the throughput of the full parse and split of HTML pages against bare
/// `htmlReadMemory` + `xmlFreeDoc` over the same bytes, in the same run, with the same parallelism.
@main
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ParseBenchmark",
        abstract: "Parse throughput of TranscriptIngest against bare libxml2 over the same pages.",
        discussion: """
            Every source is read into memory first; then each round times a bare libxml2 parse of every \
            page and the reader's full parse and split, the best round of each reported.

            Examples:
              .build/release/ParseBenchmark ../../shared/corpus/raw-html
              .build/release/ParseBenchmark ../../shared/corpus/raw-html --jobs 1 --rounds 9
            """
    )

    @Argument(help: "Pages, or folders searched for .html .htm .shtml .jsonl.")
    var paths: [String]

    @Option(help: "Pages parsed at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Timed rounds; the best is reported.")
    var rounds = 5

    func validate() throws {
        guard jobs >= 1, rounds >= 1 else { throw ValidationError("--jobs and --rounds must be at least 1") }
    }

    func run() throws {
        let loaded = try SourceFiles.list(paths).compactMap { path in
            FileManager.default.contents(atPath: path).map { (path: path, bytes: [UInt8]($0)) }
        }
        let files = loaded.map(\.path)
        let pages = loaded.map(\.bytes)
        let totalBytes = pages.reduce(0) { $0 + $1.count }
        let megabytes = Double(totalBytes) / 1_048_576
        let reader = TranscriptReader()

        var bestBare = Double.infinity
        var bestFull = Double.infinity
        var statements = 0
        for _ in 0..<rounds {
            bestBare = min(
                bestBare,
                time(pages.count) { index in pages[index].withUnsafeBytes { TranscriptReader.parseOnly($0) } }
            )
            let counter = Counter()
            bestFull = min(
                bestFull,
                time(pages.count) { index in
                    counter.add(reader.read(bytes: pages[index], path: files[index]).statements.count)
                }
            )
            statements = counter.total
        }
        let bareRate = megabytes / bestBare
        let fullRate = megabytes / bestFull
        print(
            String(
                format: "%d files, %.1f MB, %d statements, %d jobs, best of %d rounds",
                pages.count,
                megabytes,
                statements,
                jobs,
                rounds
            )
        )
        print(String(format: "bare htmlReadMemory + xmlFreeDoc: %8.1f MB/s  (%.3f s)", bareRate, bestBare))
        print(String(format: "full parse + split:               %8.1f MB/s  (%.3f s)", fullRate, bestFull))
        print(String(format: "full / bare: %.0f%%", 100 * fullRate / bareRate))
    }

    /// Seconds to run `work` over pages `0..<count`, `jobs` pages at a time.
    private func time(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) -> Double {
        let next = Counter()
        let started = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while true {
                let index = next.next()
                guard index < count else { return }
                work(index)
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    }
}

/// A locked counter shared by the benchmark's workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func add(_ amount: Int) {
        lock.lock()
        value += amount
        lock.unlock()
    }

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
