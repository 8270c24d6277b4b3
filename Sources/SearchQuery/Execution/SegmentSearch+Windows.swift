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
        for slot in scorers where wordMasks[slot] == 0 {
            let (last, bound) = cursors[slot].regionBound(from: doc, through: wanted)
            bounds[slot] = bound
            total += bound
            end = min(end, last)
        }
        if !severalWords.isEmpty { total += boundFromWords() }
        return (end, total)
    }

    /// The bit of `slot` in a mask of slots, 0 from 64 on.
    @inline(__always)
    static func bit(_ slot: Int) -> UInt64 { slot < 64 ? 1 &<< UInt64(slot) : 0 }

    /// The bits of `slots` (those below 64).
    func presentBits(_ slots: [Int]) -> UInt64 { slots.reduce(0) { $0 | Self.bit($1) } }

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
        let present = scratch.present
        var count = 0
        for slot in slots {
            if cursors[slot].advance(to: doc) > windowEnd { continue }
            // No branch on the data: whether a statement was seen is a coin toss. Term clauses that
            // several-word clauses need are noted per statement (see ``presentBits(_:)``).
            let bit = severalWords.isEmpty ? 0 : Self.bit(slot)
            cursors[slot].forEachScore(through: windowEnd, atLeast: -.infinity, ordered: false) { at, score in
                let i = Int(at &- doc)
                offsets[count] = at &- doc
                count &+= seen[i] ? 0 : 1
                seen[i] = true
                scores[i] += score
                present?[i] |= bit
            }
        }
        return count
    }

    /// Adds the scores of `slots` from `doc` through `windowEnd` to the statements of the window already
    /// in `scratch` (by ``accumulate(_:from:through:into:)``), reading their postings in one pass: each
    /// clause's parts are summed for those statements only, and saturated once per statement.
    mutating func addScores(
        _ slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) {
        let (scores, present) = (scratch.scores, scratch.present)
        for slot in slots {
            let bit = severalWords.isEmpty ? 0 : Self.bit(slot)
            readAlong(slot, from: doc, through: windowEnd, in: scratch) { i, score in
                scores[i] += score
                present?[i] |= bit
            }
        }
    }

    /// Reads `slot`'s postings from `doc` through `windowEnd` for the statements of the window already in
    /// `scratch` (see ``FieldsCursor/addParts(from:through:wanted:into:met:hits:)``), and calls `body` once
    /// for each of them that has the clause, with its offset and the clause's score there.
    @inline(__always)
    mutating func readAlong(
        _ slot: Int,
        from doc: Int32,
        through windowEnd: Int32,
        in scratch: WindowScores,
        _ body: (_ offset: Int, _ score: Float) -> Void
    ) {
        if cursors[slot].advance(to: doc) > windowEnd { return }
        let (parts, met, hits) = scratch.readAlong
        let count = cursors[slot].addParts(
            from: doc,
            through: windowEnd,
            wanted: scratch.seen,
            into: parts,
            met: met,
            hits: hits
        )
        for hit in UnsafeBufferPointer(start: hits, count: count) {
            let i = Int(hit)
            body(i, cursors[slot].saturated(parts[i]))
            parts[i] = 0
            met[i] = false
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
        // A clause over several fields gives its statements in order of first sight, too.
        guard slots.count > 1 || cursors[slots[0]].legCount > 1 else { return }
        let length = Int(windowEnd &- doc) &+ 1
        if count &* 64 >= length {
            _ = WindowScores.collectSeen(scratch.seen, length: length, into: scratch.offsets)
        } else {
            var met = UnsafeMutableBufferPointer(start: scratch.offsets, count: count)
            met.sort()
        }
    }
}
