import Foundation
import TranscriptIngest

/// `podium parse --benchmark FILES`: the throughput of the full parse and split against bare
/// `htmlReadMemory` + `xmlFreeDoc` over the same bytes, in the same run, with the same parallelism.
struct ParseBenchmark {
    let files: [String]
    let jobs: Int
    var rounds = 5

    func run() throws {
        let pages: [[UInt8]] = files.compactMap { path in
            FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        let totalBytes = pages.reduce(0) { $0 + $1.count }
        let megabytes = Double(totalBytes) / 1_048_576
        let reader = TranscriptReader()
        let paths = files

        var bestBare = Double.infinity
        var bestFull = Double.infinity
        var statements = 0
        for _ in 0..<rounds {
            bestBare = min(bestBare, time { index in pages[index].withUnsafeBytes { TranscriptReader.parseOnly($0) } })
            let counter = Counter()
            bestFull = min(
                bestFull,
                time { index in counter.add(reader.read(bytes: pages[index], path: paths[index]).statements.count) }
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

    /// Seconds to run `work` over every page, `jobs` pages at a time.
    private func time(_ work: @escaping @Sendable (Int) -> Void) -> Double {
        let count = files.count
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
