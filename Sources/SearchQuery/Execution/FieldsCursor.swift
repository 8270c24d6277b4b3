/// Walks the statements of one segment that contain a plan clause in any of its fields, and scores them
/// with BM25F: each field's part of the combined frequency (a ``ClauseCursor`` per field, a "leg") is
/// added up and the sum saturated once, `weight · T / (T + k1)`.
///
/// Its block-max bound over a region is the saturation of the legs' region bounds summed: each leg's bound
/// covers every statement of the region that has the term in that field, a statement without it there
/// gets 0 from that leg, and saturation is monotone, so the bound is never below a statement's score. The
/// region ends where the first leg's region ends.
struct FieldsCursor<Postings: QueryPostings> {
    typealias Leg = ClauseCursor<Postings>

    // The moving state is set only by the cursor's own methods, here and in `FieldsCursor+Windows.swift`.

    /// The current document: the smallest of the legs'. After a failed ``probe(_:)``, only a lower bound of
    /// the next match (see `isMatch`).
    var doc: Int32 = -1
    /// Whether `doc` is a confirmed match.
    var isMatch = true
    /// `boost · idf`: the score of an unbounded combined frequency.
    let weight: Float
    /// An upper bound of the clause's score in any statement.
    let maxScore: Float
    /// Term-frequency saturation.
    let k1: Float
    private let storage: LegStorage<Postings>
    let legs: UnsafeMutablePointer<Leg>
    /// The legs' bounds in the last region, for pruning inside ``forEachScore(through:atLeast:_:)``.
    let legBounds: UnsafeMutablePointer<Float>
    let legCount: Int
    /// Which field of the plan clause each leg reads (an index into its fields).
    let legFields: [Int]
    /// The last answer of ``regionBound(from:through:)``: it holds for every target up to its last document.
    var regionLastDoc: Int32 = -1
    var regionValue: Float = 0

    /// - Parameters:
    ///   - legs: One cursor per field that has the term (or all of the phrase's terms) in this segment.
    ///   - fields: For each leg, its index among the clause's fields.
    ///   - weight: `boost · idf`.
    ///   - k1: Term-frequency saturation.
    init(legs: [Leg], fields: [Int], weight: Float, k1: Float) {
        precondition(!legs.isEmpty && legs.count == fields.count)
        storage = LegStorage(legs)
        self.legs = storage.legs
        legBounds = storage.bounds
        legCount = legs.count
        legFields = fields
        self.weight = weight
        self.k1 = k1
        isPhrase = legs[0].isPhrase
        maxScore = weight * Leg.boundSlack
    }

    /// Whether the clause is a phrase or a pair of near words (see ``Proximity``), whose matches are
    /// checked from positions (its legs all have the same terms, so all are or none).
    let isPhrase: Bool

    /// The postings of the legs (for a phrase, its rarest term's): the cost of reading the clause.
    var postingsCount: Int {
        var count = 0
        for i in 0..<legCount { count += legs[i].postingsCount }
        return count
    }

    /// For a clause of single terms, a lower bound of its statements read from the dictionary (the largest
    /// field's document frequency), exact when it has one field; `nil` for a phrase.
    var documentCountBound: (count: Int, isExact: Bool)? {
        var largest = 0
        for i in 0..<legCount {
            guard legs[i].isSingleTerm else { return nil }
            largest = max(largest, legs[i].documentFrequency)
        }
        return (largest, legCount == 1)
    }

    /// The first read error of any leg.
    var readFailure: String? { (0..<legCount).lazy.compactMap { legs[$0].readFailure }.first }

    // MARK: - Scores

    /// The BM25F score of the current document.
    @inline(__always)
    func score() -> Float {
        var combined: Float = 0
        for i in 0..<legCount where legs[i].doc == doc { combined += legs[i].score() }
        return BM25.saturate(weight: weight, frequency: combined, k1: k1)
    }

    /// For explanations: each leg present on the current document, its frequency and its part of the
    /// combined frequency.
    func parts() -> [(field: Int, frequency: UInt32, part: Float)] {
        (0..<legCount).filter { legs[$0].doc == doc }.map { (legFields[$0], legs[$0].frequency, legs[$0].score()) }
    }

    // MARK: - Moving

    /// Moves to the first document ≥ `target` that has the clause in some field and returns it.
    @inline(__always)
    @discardableResult
    mutating func advance(to target: Int32) -> Int32 {
        if target <= doc && isMatch { return doc }
        var next = Int32.max
        for i in 0..<legCount { next = min(next, legs[i].advance(to: target)) }
        doc = next
        isMatch = true
        return doc
    }

    /// Like ``advance(to:)``, but documents up to `last` whose score cannot exceed `minimum` may be passed
    /// over: a phrase leg skips them before reading positions (see
    /// ``ClauseCursor/advance(to:atLeast:through:)``). With several legs, when the others' region bounds
    /// together cannot reach the combined frequency needed, one leg alone gives the candidates and the others
    /// are probed there. Only for the single clause that generates candidates, within the region of the last
    /// ``regionBound(from:through:)``.
    @inline(__always)
    mutating func advance(to target: Int32, atLeast minimum: Float, through last: Int32) -> Int32 {
        if target <= doc && isMatch { return doc }
        let needed = BM25.frequencyNeeded(toExceed: minimum, weight: weight, k1: k1)
        if legCount == 1 {
            doc = legs[0].advance(to: target, atLeast: needed > 0 ? needed : -.infinity, through: last)
            isMatch = true
            return doc
        }
        guard needed > 0, weight > 0, target <= last else { return advance(to: target) }
        let (outsideCount, outsideBound) = splitLegs(needed: needed)
        guard outsideCount == legCount - 1 else { return advance(to: target) }
        let lead = storage.order[legCount - 1]
        let candidate = legs[lead].advance(to: target, atLeast: needed - outsideBound, through: last)
        // Past the region, the others may have matches the lead does not: every leg moves on plainly.
        if candidate > last { return advance(to: last &+ 1) }
        for k in 0..<outsideCount { _ = legs[storage.order[k]].probe(candidate) }
        doc = candidate
        isMatch = true
        return doc
    }

    /// Orders the legs by their region bounds in `storage.order`, weakest first, and counts the weakest
    /// whose bounds sum to no more than `needed`: together they cannot make a statement reach it.
    @inline(__always)
    private func splitLegs(needed: Float) -> (count: Int, bound: Float) {
        let order = storage.order
        for i in 0..<legCount {
            var k = i
            while k > 0, legBounds[order[k - 1]] > legBounds[i] {
                order[k] = order[k - 1]
                k -= 1
            }
            order[k] = i
        }
        var bound: Float = 0
        var count = 0
        while count < legCount, bound + legBounds[order[count]] <= needed {
            bound += legBounds[order[count]]
            count += 1
        }
        return (count, bound)
    }

    /// Moves to the next document that has the clause in some field.
    @inline(__always)
    @discardableResult
    mutating func next() -> Int32 {
        if !isMatch { return advance(to: doc) }
        let current = doc
        var next = Int32.max
        for i in 0..<legCount {
            next = min(next, legs[i].doc == current ? legs[i].next() : legs[i].advance(to: current &+ 1))
        }
        doc = next
        return doc
    }

    /// Like ``probe(_:)``, but a phrase or a pair of near words may answer no without reading positions
    /// where its terms' frequencies cannot make the score exceed `minimum`: its statement cannot make it
    /// (see ``ClauseCursor/alignedBound(_:)``).
    @inline(__always)
    mutating func probe(_ target: Int32, above minimum: Float) -> Bool {
        guard isPhrase, minimum > -Float.infinity, legCount <= 64 else { return probe(target) }
        if doc > target || (doc == target && isMatch) { return doc == target && isMatch }
        let needed = BM25.frequencyNeeded(toExceed: minimum, weight: weight, k1: k1)
        if legCount == 1 {
            let found = legs[0].probe(target, above: needed > 0 ? needed : -Float.infinity)
            doc = found ? target : legs[0].doc
            isMatch = found
            return found
        }
        // First every leg's terms, then positions only if their frequencies together can make it.
        var combined: Float = 0
        var aligned: UInt64 = 0
        var next = Int32.max
        for i in 0..<legCount {
            if let bound = legs[i].alignedBound(target) {
                combined += bound
                aligned |= 1 &<< UInt64(i)
            } else {
                next = min(next, legs[i].doc)
            }
        }
        var found = false
        if aligned != 0 && needed > 0 && combined <= needed {
            for i in SlotMask(aligned) { legs[i].pass(target) }
        } else {
            for i in SlotMask(aligned) where legs[i].confirm(target) { found = true }
        }
        for i in SlotMask(aligned) { next = min(next, legs[i].doc) }
        // A leg that missed stands on a lower bound of its next match, so `next` may be one too.
        doc = found ? target : next
        isMatch = found
        return found
    }

    /// Whether the clause occurs in `doc` in some field; every leg is asked, so that ``score()`` then has
    /// all of them. Documents must not decrease between calls.
    @inline(__always)
    mutating func probe(_ target: Int32) -> Bool {
        if doc > target || (doc == target && isMatch) { return doc == target && isMatch }
        var found = false
        var next = Int32.max
        for i in 0..<legCount {
            if legs[i].probe(target) { found = true }
            next = min(next, legs[i].doc)
        }
        // A leg that missed stands on a lower bound of its next match, so `next` may be one too.
        doc = found ? target : next
        isMatch = found
        return found
    }

    /// Calls `body` with every document up to `last` that has the clause and its score, from the current
    /// document on (which must be a match, as after ``advance(to:)``), except that documents whose score
    /// cannot exceed `minimum` may be passed over; leaves the cursor on the first match after `last` and
    /// returns it. `minimum` holds only up to the end of the region of the last
    /// ``regionBound(from:through:)``, which `last` must not pass when `minimum` is finite.
    /// - Parameter ordered: Whether `body` must see the documents in increasing order; if not, a clause of
    ///   several fields gives each stretch of ``LegStorage/capacity`` documents in order of first sight.
    @inline(__always)
    @discardableResult
    mutating func forEachScore(
        through last: Int32,
        atLeast minimum: Float,
        ordered: Bool = true,
        _ body: (_ doc: Int32, _ score: Float) -> Void
    ) -> Int32 {
        let (weight, k1) = (self.weight, k1)
        let needed = BM25.frequencyNeeded(toExceed: minimum, weight: weight, k1: k1)
        if legCount == 1 {
            let scorer = legs[0].scorer
            let unscored = needed > 0 ? legs[0].unscoredFrequencies(below: needed) : 0
            doc = legs[0].forEach(through: last) { at, frequency in
                if frequency <= unscored { return }
                body(at, BM25.saturate(weight: weight, frequency: scorer.score(frequency: frequency, at: at), k1: k1))
            }
            return doc
        }
        if needed > 0 && weight > 0 {
            pruned(through: last, needed: needed, body)
        } else {
            var start = doc
            while start <= last {
                let end = min(last, start &+ Int32(LegStorage<Postings>.capacity - 1))
                sumLegs(from: start, through: end, ordered: ordered, body)
                if end == Int32.max { break }
                start = end &+ 1
            }
            var next = Int32.max
            for i in 0..<legCount { next = min(next, legs[i].doc) }
            doc = next
        }
        return doc
    }

    /// Every leg's parts from `start` through `end` (at most ``LegStorage/capacity`` documents), read from
    /// their decoded blocks and summed per statement, then saturated and given to `body` in document order.
    @inline(__always)
    private mutating func sumLegs(
        from start: Int32,
        through end: Int32,
        ordered: Bool,
        _ body: (_ doc: Int32, _ score: Float) -> Void
    ) {
        let (weight, k1) = (self.weight, k1)
        let sums = storage.sums
        let seen = storage.seen
        let offsets = storage.offsets
        var count = 0
        for i in 0..<legCount where legs[i].doc <= end {
            // A leg that missed a probe stands on a lower bound: it is moved to a confirmed match first.
            if legs[i].advance(to: start) > end { continue }
            let scorer = legs[i].scorer
            legs[i].forEach(through: end) { at, frequency in
                let k = Int(at &- start)
                offsets[count] = Int32(truncatingIfNeeded: k)
                count &+= seen[k] ? 0 : 1
                seen[k] = true
                sums[k] += scorer.score(frequency: frequency, at: at)
            }
        }
        let length = Int(end &- start) &+ 1
        if !ordered {
            for offset in UnsafeBufferPointer(start: offsets, count: count) {
                let k = Int(offset)
                body(start &+ offset, BM25.saturate(weight: weight, frequency: sums[k], k1: k1))
                sums[k] = 0
                seen[k] = false
            }
        } else {
            if count &* 64 >= length {
                _ = WindowScores.collectSeen(seen, length: length, into: offsets)
            } else {
                var met = UnsafeMutableBufferPointer(start: offsets, count: count)
                met.sort()
            }
            for offset in UnsafeBufferPointer(start: offsets, count: count) {
                let k = Int(offset)
                body(start &+ offset, BM25.saturate(weight: weight, frequency: sums[k], k1: k1))
                sums[k] = 0
                seen[k] = false
            }
        }
    }

    /// ``forEachScore(through:atLeast:_:)`` of several legs with a combined frequency to beat: MaxScore
    /// among the legs. Legs whose region bounds together reach no more than `needed` give no candidates;
    /// they are probed only for the others' candidates that could still beat it.
    private mutating func pruned(through last: Int32, needed: Float, _ body: (_ doc: Int32, _ score: Float) -> Void) {
        let (weight, k1) = (self.weight, k1)
        // Legs by bound, weakest first: the weakest whose bounds sum to no more than `needed` are left out.
        let (outsideCount, outsideBound) = splitLegs(needed: needed)
        let order = UnsafeBufferPointer(start: storage.order, count: legCount)
        // A leg that missed a probe stands on a lower bound: every leg is moved to a confirmed match first.
        for i in 0..<legCount { legs[i].advance(to: doc) }
        let outside = order[..<outsideCount]
        let essential = order[outsideCount...]
        let legs = self.legs
        if essential.count == 1, legs[essential.first!].doc <= last {
            let lead = essential.first!
            let scorer = legs[lead].scorer
            let unscored = legs[lead].unscoredFrequencies(below: needed - outsideBound)
            legs[lead].forEach(through: last) { at, frequency in
                if frequency <= unscored { return }
                var combined = scorer.score(frequency: frequency, at: at)
                if combined + outsideBound <= needed { return }
                // The strongest first: a statement is dropped as soon as the legs left cannot lift it.
                var rest = outsideBound
                for i in outside.reversed() {
                    rest -= legBounds[i]
                    if legs[i].probe(at) { combined += legs[i].score() }
                    if combined + rest <= needed { return }
                }
                body(at, BM25.saturate(weight: weight, frequency: combined, k1: k1))
            }
        } else if !essential.isEmpty {
            while true {
                var current = Int32.max
                for i in essential { current = min(current, legs[i].doc) }
                if current > last { break }
                var combined: Float = 0
                for i in essential where legs[i].doc == current {
                    combined += legs[i].score()
                    legs[i].next()
                }
                if combined + outsideBound <= needed { continue }
                for i in outside where legs[i].probe(current) { combined += legs[i].score() }
                if combined > needed { body(current, BM25.saturate(weight: weight, frequency: combined, k1: k1)) }
            }
        }
        // Every leg past `last`, on a confirmed match.
        var next = Int32.max
        for i in 0..<legCount { next = min(next, legs[i].advance(to: last &+ 1)) }
        doc = next
        isMatch = true
    }
}
