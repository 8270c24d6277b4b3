import Dispatch
import Foundation

/// Runs work on several threads and hands the results to one consumer in input order: sources are read
/// and analyzed on every core while a single writer adds them to the index in a deterministic order.
///
/// Producers never run more than `window` items ahead of the consumer, which bounds the memory held by
/// finished but not yet consumed results.
enum OrderedPipeline {
    /// Calls `produce(i)` for every `i` in `0..<count` on `workers` threads and `consume(i, result)` on the
    /// calling thread in increasing `i`.
    ///
    /// - Throws: what `consume` throws; the producers then stop taking new items and are waited for.
    static func run<T: Sendable>(
        count: Int,
        workers: Int,
        window: Int,
        produce: @escaping @Sendable (Int) -> T,
        consume: (Int, T) throws -> Void
    ) rethrows {
        try run(
            count: count,
            workers: workers,
            window: window,
            isHeavy: { _ in false },
            beforeHeavy: { _ in },
            produce: produce,
            consume: consume
        )
    }

    /// Calls `produce(i)` and `consume(i, result)` as the other `run`, except that a heavy item (`isHeavy(i)`) is produced only once every item before it was consumed and
    /// `beforeHeavy(i)` has run on the consumer's thread: the consumer can let go of what it holds (the
    /// index writer flushes) before a producer takes the memory such an item needs.
    ///
    /// - Throws: what `consume` or `beforeHeavy` throws; the producers then stop taking new items and are
    ///   waited for.
    static func run<T: Sendable>(
        count: Int,
        workers: Int,
        window: Int,
        isHeavy: @escaping @Sendable (Int) -> Bool,
        beforeHeavy: (Int) throws -> Void,
        produce: @escaping @Sendable (Int) -> T,
        consume: (Int, T) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let state = SharedState<T>(window: max(1, window))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                while let index = state.claim(below: count) {
                    if isHeavy(index) && !state.waitForTurn(index) { return }
                    state.deliver(produce(index), at: index)
                }
            }
        }
        defer {
            state.cancel()
            group.wait()
        }
        for index in 0..<count {
            if isHeavy(index) {
                try beforeHeavy(index)
                state.allow(index)
            }
            try consume(index, state.take(index))
        }
    }

    private final class SharedState<T>: @unchecked Sendable {
        private let condition = NSCondition()
        private var ready: [Int: T] = [:]
        private var nextToClaim = 0
        private var consumed = 0
        private var cancelled = false
        private let window: Int
        /// The last heavy item whose production the consumer allowed.
        private var allowed = -1

        init(window: Int) { self.window = window }

        /// The next index to produce, waiting while the window is full; `nil` when done or cancelled.
        func claim(below count: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !cancelled && nextToClaim < count && nextToClaim - consumed >= window { condition.wait() }
            guard !cancelled, nextToClaim < count else { return nil }
            defer { nextToClaim += 1 }
            return nextToClaim
        }

        /// Waits until the consumer allows heavy item `index`; `false` when cancelled first.
        func waitForTurn(_ index: Int) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while !cancelled && allowed < index { condition.wait() }
            return !cancelled
        }

        func allow(_ index: Int) {
            condition.lock()
            allowed = index
            condition.broadcast()
            condition.unlock()
        }

        func deliver(_ value: T, at index: Int) {
            condition.lock()
            ready[index] = value
            condition.broadcast()
            condition.unlock()
        }

        func take(_ index: Int) -> T {
            condition.lock()
            defer { condition.unlock() }
            while ready[index] == nil { condition.wait() }
            consumed = index + 1
            condition.broadcast()
            return ready.removeValue(forKey: index)!
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
