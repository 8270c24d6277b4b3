/// Scratch memory of the searches that read whole postings blocks at once: per offset in a window of
/// documents, the summed score of the clauses read so far and whether any of them had the statement, and
/// the offsets met, in order of first sight.
///
/// Between windows every entry is back to zero: readers reset the offsets they met (``reset(_:)``).
final class WindowScores {
    /// The widest window, in documents.
    static let capacity = 4096

    let scores: UnsafeMutablePointer<Float>
    let seen: UnsafeMutablePointer<Bool>
    /// For a conjunction read window by window: how many follower groups have a statement so far.
    let levels: UnsafeMutablePointer<UInt8>
    let offsets: UnsafeMutablePointer<Int32>

    init() {
        scores = .allocate(capacity: Self.capacity)
        seen = .allocate(capacity: Self.capacity)
        offsets = .allocate(capacity: Self.capacity)
        levels = .allocate(capacity: Self.capacity)
        levels.initialize(repeating: 0, count: Self.capacity)
        scores.initialize(repeating: 0, count: Self.capacity)
        seen.initialize(repeating: false, count: Self.capacity)
    }

    deinit {
        scores.deallocate()
        seen.deallocate()
        offsets.deallocate()
        levels.deallocate()
    }

    /// Clears the entry of `offset` for the next window.
    @inline(__always)
    func reset(_ offset: Int32) {
        scores[Int(offset)] = 0
        seen[Int(offset)] = false
        levels[Int(offset)] = 0
    }
}
