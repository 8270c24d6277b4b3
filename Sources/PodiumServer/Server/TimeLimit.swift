import Podium

/// The per-request time limit on the work that reads the index.
///
/// The work runs in a child task; when the limit passes first, that task is cancelled, and the scoring
/// loops, which check for cancellation once per window of statements, stop and throw. The answer is given
/// once the work has returned, so nothing keeps reading after it.
struct TimeLimit: Sendable {
    let limit: Duration

    /// The result of `work`, or a 503 `time_limit` when it runs past the limit.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws(PodiumError) -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { () throws -> T? in
                do throws(PodiumError) { return try work() } catch { throw APIError(error) }
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            if let first = try await group.next(), let value = first { return value }
            throw APIError(.serviceUnavailable, "time_limit", "the request took longer than \(limit) and was stopped")
        }
    }
}
