// MARK: - Reading along a window

extension FieldsCursor {

    /// Adds to `parts` (indexed from `start`) the clause's combined frequency in each statement from `start`
    /// through `last` that `wanted` marks, marks it in `met` and lists its offset in `hits` once; other
    /// statements are passed over unscored. Returns how many offsets it listed, and leaves the cursor on its
    /// first match after `last`. For reading a clause of terms along the statements that other clauses
    /// found in a window: ``saturated(_:)`` then scores each hit once, where
    /// ``forEachScore(through:atLeast:ordered:_:)`` would score every posting.
    @inline(__always)
    mutating func addParts(
        from start: Int32,
        through last: Int32,
        wanted: UnsafePointer<Bool>,
        into parts: UnsafeMutablePointer<Float>,
        met: UnsafeMutablePointer<Bool>,
        hits: UnsafeMutablePointer<Int32>
    ) -> Int {
        var count = 0
        for i in 0..<legCount where legs[i].doc <= last {
            // A leg that missed a probe stands on a lower bound: it is moved to a confirmed match first.
            if legs[i].advance(to: start) > last { continue }
            let scorer = legs[i].scorer
            legs[i].forEach(through: last) { at, frequency in
                let k = Int(at &- start)
                if wanted[k] {
                    parts[k] += scorer.score(frequency: frequency, at: at)
                    hits[count] = Int32(truncatingIfNeeded: k)
                    count &+= met[k] ? 0 : 1
                    met[k] = true
                }
            }
        }
        var next = Int32.max
        for i in 0..<legCount { next = min(next, legs[i].doc) }
        doc = next
        isMatch = true
        return count
    }

    /// The score of a combined frequency summed by ``addParts(from:through:wanted:into:met:)``.
    @inline(__always)
    func saturated(_ combined: Float) -> Float {
        BM25.saturate(weight: weight, frequency: combined, k1: k1)
    }
}

// MARK: - Block-max bounds

extension FieldsCursor {

    /// Leg `i`'s bound, in combined-frequency units, over the region of the last
    /// ``regionBound(from:through:)``.
    @inline(__always)
    func legBound(_ i: Int) -> Float { legBounds[i] }

    /// The last document of a region of whole blocks that holds `target` and reaches `wanted` (or the end
    /// of the postings), and a bound of the clause's score on every document from `target` to there: the
    /// saturation of the legs' bounds summed (see the type's comment). Targets must not decrease.
    @inline(__always)
    mutating func regionBound(from target: Int32, through wanted: Int32) -> (lastDoc: Int32, bound: Float) {
        if target <= regionLastDoc { return (regionLastDoc, regionValue) }
        var last = Int32.max
        var combined: Float = 0
        for i in 0..<legCount {
            let (legLast, legBound) = legs[i].regionBound(from: target, through: wanted)
            legBounds[i] = legBound
            combined += legBound
            last = min(last, legLast)
        }
        let bound = BM25.saturate(weight: weight, frequency: combined, k1: k1) * Leg.boundSlack
        (regionLastDoc, regionValue) = (last, bound)
        return (last, bound)
    }
}
