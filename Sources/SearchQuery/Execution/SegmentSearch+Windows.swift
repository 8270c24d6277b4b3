// MARK: - Windows and their decoded blocks

// The helpers that the strategies call out of line are `mutating` although they change only the cursors
// (through a pointer): a `mutating` method gets `self` by address, while a non-mutating one, called from a
// strategy that holds `self` inout, gets a copy of the whole search (over 100 bytes) at every call.

extension SegmentSearch {

    /// The window from `doc` to the nearest region end of any scoring clause, and the sum of their bounds.
    /// Regions are whole postings blocks reaching at least `windowLength` statements on where the postings
    /// last (see ``ClauseCursor/regionBound(from:through:)``).
    @inline(__always)
    mutating func window(from doc: Int32) -> (end: Int32, total: Float) {
        var end = maxDoc &- 1
        // A cancelled task (a server's time limit) skips the rest of the segment; the engine then throws.
        if Task.isCancelled { return (end, -Float.infinity) }
        var total: Float = 0
        let wanted = min(end, doc &+ (windowLength &- 1))
        for slot in scorers {
            let (last, bound) = cursors[slot].regionBound(from: doc, through: wanted)
            bounds[slot] = bound
            total += bound
            end = min(end, last)
        }
        return (end, total)
    }

    /// Whether reading clauses with `postingsPerStatement` postings per statement of the segment along a
    /// window of `length` statements costs less than probing them for `candidates` statements.
    @inline(__always)
    func readsAlong(postingsPerStatement: Double, length: Int32, candidates: Int) -> Bool {
        Double(length) * postingsPerStatement <= Double(candidates) * scanPerProbe
    }

    /// Reads the postings of `slots` from `doc` through `windowEnd` (at most ``WindowScores/capacity``
    /// documents) straight from their decoded blocks, summing their scores per statement into `scratch`;
    /// returns how many statements they have, whose offsets are then `scratch.offsets`, in order of first
    /// sight (see ``putInOrder(_:of:from:through:in:)``).
    mutating func accumulate(
        _ slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) -> Int {
        let scores = scratch.scores
        let seen = scratch.seen
        let offsets = scratch.offsets
        var count = 0
        for slot in slots {
            if cursors[slot].advance(to: doc) > windowEnd { continue }
            let scoring = cursors[slot].weight > 0
            let scorer = cursors[slot].scorer
            // No branch on the data: whether a statement was seen is a coin toss.
            cursors[slot].forEach(through: windowEnd) { at, frequency in
                let i = Int(at &- doc)
                offsets[count] = at &- doc
                count &+= seen[i] ? 0 : 1
                seen[i] = true
                if scoring { scores[i] += scorer.score(frequency: frequency, at: at) }
            }
        }
        return count
    }

    /// Adds the scores of `slots` from `doc` through `windowEnd` to the statements of the window already
    /// in `scratch` (by ``accumulate(_:from:through:into:)``), reading their postings in one pass.
    mutating func addScores(
        _ slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) {
        let scores = scratch.scores
        let seen = scratch.seen
        for slot in slots {
            if cursors[slot].advance(to: doc) > windowEnd { continue }
            let scorer = cursors[slot].scorer
            cursors[slot].forEach(through: windowEnd) { at, frequency in
                let i = Int(at &- doc)
                if seen[i] { scores[i] += scorer.score(frequency: frequency, at: at) }
            }
        }
    }

    /// Puts the `count` offsets that ``accumulate(_:from:through:into:)`` left in `scratch` for `slots` in
    /// document order (several clauses leave them in order of first sight): dense windows are rescanned
    /// (no branch per offset), sparse ones sorted.
    mutating func putInOrder(
        _ count: Int,
        of slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        in scratch: WindowScores
    ) {
        guard slots.count > 1 else { return }
        let length = Int(windowEnd &- doc) &+ 1
        if count &* 2 >= length {
            var k = 0
            for i in 0..<length {
                scratch.offsets[k] = Int32(truncatingIfNeeded: i)
                k &+= scratch.seen[i] ? 1 : 0
            }
        } else {
            var met = UnsafeMutableBufferPointer(start: scratch.offsets, count: count)
            met.sort()
        }
    }
}
