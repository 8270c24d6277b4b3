/// Owns the legs of a ``FieldsCursor`` and their bounds, reached by pointer: no uniqueness or exclusivity
/// check per move.
final class LegStorage<Postings: QueryPostings> {
    /// The most statements whose parts are summed at once.
    static var capacity: Int { 4096 }

    let legs: UnsafeMutablePointer<ClauseCursor<Postings>>
    let bounds: UnsafeMutablePointer<Float>
    /// Leg numbers, ordered by bound when the legs are split.
    let order: UnsafeMutablePointer<Int>
    private let count: Int
    private var scratch:
        (sums: UnsafeMutablePointer<Float>, seen: UnsafeMutablePointer<Bool>, offsets: UnsafeMutablePointer<Int32>)?

    init(_ legs: [ClauseCursor<Postings>]) {
        count = legs.count
        self.legs = .allocate(capacity: max(1, count))
        self.legs.initialize(from: legs, count: count)
        bounds = .allocate(capacity: max(1, count))
        bounds.initialize(repeating: 0, count: max(1, count))
        order = .allocate(capacity: max(1, count))
        order.initialize(repeating: 0, count: max(1, count))
    }

    /// Per statement of a stretch of documents: the summed parts, whether any leg had it, and the offsets
    /// met; all back to zero between stretches. Made on first use: a one-field clause never needs it.
    private func makeScratch() -> (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Bool>, UnsafeMutablePointer<Int32>)
    {
        if let scratch { return scratch }
        let made = (
            UnsafeMutablePointer<Float>.allocate(capacity: Self.capacity),
            UnsafeMutablePointer<Bool>.allocate(capacity: Self.capacity),
            UnsafeMutablePointer<Int32>.allocate(capacity: Self.capacity)
        )
        made.0.initialize(repeating: 0, count: Self.capacity)
        made.1.initialize(repeating: false, count: Self.capacity)
        // Offsets are written before they are read.
        scratch = made
        return made
    }

    var sums: UnsafeMutablePointer<Float> { makeScratch().0 }
    var seen: UnsafeMutablePointer<Bool> { makeScratch().1 }
    var offsets: UnsafeMutablePointer<Int32> { makeScratch().2 }

    deinit {
        legs.deinitialize(count: count)
        legs.deallocate()
        bounds.deallocate()
        order.deallocate()
        if let scratch {
            scratch.sums.deallocate()
            scratch.seen.deallocate()
            scratch.offsets.deallocate()
        }
    }
}
