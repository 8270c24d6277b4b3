/// Walks the statements of one segment that contain a term, or an exact phrase checked from positions, in
/// one field, and gives each its part of BM25F's combined frequency: the field's weight times the frequency
/// divided by the field's length normalization. ``FieldsCursor`` adds the parts of a clause's fields and
/// saturates the sum; every "score" and bound of this type is in those linear units.
///
/// Generic over the index's postings type and specialized for it, so the calls in the scoring loop are
/// direct. A value type kept in a local array and mutated in place: no reference counting and no dynamic
/// exclusivity checks per posting. A phrase moves its terms in step (leapfrog) and counts the positions
/// where all of them line up.
struct ClauseCursor<Postings: QueryPostings> {
    /// The current document, `-1` before the first move, `Int32.max` at the end. After a failed
    /// ``probe(_:)`` of a phrase, only a lower bound of the next match (see `isMatch`).
    private(set) var doc: Int32 = -1
    /// Whether `doc` is a confirmed match; `false` only for a phrase after a failed probe.
    private var isMatch = true
    /// The field's weight: what one occurrence in a field of average length adds.
    let weight: Float

    // The postings and the field's scoring are read by the bounds, in `ClauseCursor+Bounds.swift`.

    /// The rarest term's postings, which lead a phrase's leapfrog, and the other terms'.
    let lead: Postings
    let others: [Postings]
    /// `others` again, unretained: the hot loops borrow them (kept alive by `others`), paying no retain.
    private let otherRefs: [Unmanaged<Postings>]
    /// Each term's place in the phrase; for a pair of near words, how far apart they may stand.
    private let offsets: [Int32], window: Int32
    /// The field's norms and inverse length normalization (see ``init(postings:offsets:weight:norms:lengthFactors:window:)``).
    let norms: UnsafePointer<UInt8>?
    let lengthFactors: UnsafePointer<Float>
    private var phraseFrequency: UInt32 = 0
    private var leadPositions: [UInt32] = []
    private var otherPositions: [[UInt32]]
    private var scanIndices: [Int] = []
    private(set) var failure: String?
    /// The last answer of ``regionBound(from:through:)``: it holds for every target up to its last document.
    var regionLastDoc: Int32 = -1
    var regionValue: Float = 0
    /// The term's smallest norm over that region's blocks (256: none), for ``unscoredFrequencies(below:)``.
    var regionMinNorm = 256

    /// Bounds from block maxima are rounded up a little: float rounding in a sum cannot undercut them.
    static var boundSlack: Float { 1.0001 }

    /// - Parameters:
    ///   - postings: One cursor per term, in phrase order.
    ///   - offsets: The position of each term relative to the first.
    ///   - weight: The field's weight.
    ///   - norms: The field's norms in this segment, or `nil` for a keyword field.
    ///   - lengthFactors: 256 entries of the field's inverse length normalization, by norm byte.
    ///   - window: For a pair of near words (two postings), how far apart they may stand; else 0.
    init(
        postings: [Postings],
        offsets: [Int32],
        weight: Float,
        norms: UnsafePointer<UInt8>?,
        lengthFactors: UnsafePointer<Float>,
        window: Int32 = 0
    ) {
        self.window = window
        precondition(!postings.isEmpty && postings.count == offsets.count)
        // The rarest term leads the leapfrog; offsets keep every term's place in the phrase.
        let order = postings.indices.sorted { postings[$0].docFreq < postings[$1].docFreq }
        lead = postings[order[0]]
        others = order.dropFirst().map { postings[$0] }
        otherRefs = others.map { Unmanaged.passUnretained($0) }
        self.offsets = order.map { offsets[$0] }
        self.weight = weight
        self.norms = norms
        self.lengthFactors = lengthFactors
        otherPositions = Array(repeating: [], count: postings.count - 1)
    }

    /// Whether the clause is a phrase or a pair of near words, whose matches are checked from positions.
    var isPhrase: Bool { !others.isEmpty }

    /// How many statements of the segment have the term (for a phrase, its rarest term).
    var postingsCount: Int { lead.docFreq }

    /// The frequency of the term, or of the phrase, in the current document.
    @inline(__always)
    var frequency: UInt32 { others.isEmpty ? lead.freq : phraseFrequency }

    /// The field's part of the combined frequency in the current document.
    @inline(__always)
    func score() -> Float {
        scorer.score(frequency: frequency, at: doc)
    }

    /// What scoring the clause needs, apart from the cursor: for loops that score while the cursor moves.
    var scorer: Scorer { Scorer(weight: weight, norms: norms, lengthFactors: lengthFactors) }

    /// The field's part of the combined frequency: its weight times the frequency over its length
    /// normalization.
    struct Scorer {
        let weight: Float
        let norms: UnsafePointer<UInt8>?
        let lengthFactors: UnsafePointer<Float>

        /// The part of `doc`, where the term or phrase occurs `frequency` times.
        @inline(__always)
        func score(frequency: UInt32, at doc: Int32) -> Float {
            let factor = norms.map { lengthFactors[Int($0[Int(doc)])] } ?? lengthFactors[0]
            return weight * Float(frequency) * factor
        }
    }

    /// Whether the clause is one term (not a phrase): its postings are exactly its matches.
    var isSingleTerm: Bool { others.isEmpty }

    /// The document frequency of the clause's first term (of the term itself, for a single term).
    var documentFrequency: Int { lead.docFreq }

    // MARK: - Moving

    /// Moves to the first document ≥ `target` that has the term (or the whole phrase) and returns it.
    @inline(__always)
    @discardableResult
    mutating func advance(to target: Int32) -> Int32 {
        if target <= doc && isMatch { return doc }
        if others.isEmpty {
            doc = lead.advance(to: target)
            return doc
        }
        return advancePhrase(to: max(target, doc))
    }

    /// Whether the term or phrase occurs in `doc`, moving no further than needed to tell: a phrase checks
    /// positions at `doc` only (two-phase matching), and only if its terms' frequencies let it exceed
    /// `minimum` there (else its statement cannot make it). Documents must not decrease between calls.
    @inline(__always)
    mutating func probe(_ target: Int32, above minimum: Float = -Float.infinity) -> Bool {
        if others.isEmpty { return advance(to: target) == target }
        if doc > target || (doc == target && isMatch) { return doc == target }
        guard let bound = alignedBound(target) else { return false }
        if minimum > -Float.infinity, bound <= minimum {
            pass(target)
            return false
        }
        return confirm(target)
    }

    /// For a phrase or a pair, the first half of a probe that may stop before positions: whether all its
    /// terms are in `target`, and if so a bound of its part there from their frequencies (its part itself
    /// where `target` is a confirmed match already). After `nil` the cursor stands on a lower bound of its
    /// next match; after a bound, ``confirm(_:)`` reads positions or ``pass(_:)`` passes over the statement.
    /// Documents must not decrease between calls.
    @inline(__always)
    mutating func alignedBound(_ target: Int32) -> Float? {
        if doc > target { return nil }
        if doc == target && isMatch { return score() }
        let found = lead.advance(to: target)
        if found != target {
            _ = missed(found)
            return nil
        }
        for k in 0..<otherRefs.count {
            let at = otherRefs[k]._withUnsafeGuaranteedRef { $0.advance(to: target) }
            if at != target {
                _ = missed(at)
                return nil
            }
        }
        return bound(at: target)
    }

    /// After a bound from ``alignedBound(_:)``: whether the phrase or the pair occurs in `target`, from
    /// positions.
    @inline(__always)
    mutating func confirm(_ target: Int32) -> Bool {
        if doc == target && isMatch { return true }
        let frequency = countPhrase()
        if failure != nil { return missed(Int32.max) }
        guard frequency > 0 else { return missed(target &+ 1) }
        phraseFrequency = frequency
        doc = target
        isMatch = true
        return true
    }

    /// After a bound from ``alignedBound(_:)``: `target` is passed over unread, as a statement whose score
    /// cannot make it.
    @inline(__always)
    mutating func pass(_ target: Int32) {
        _ = missed(target &+ 1)
    }

    /// Records a failed probe: the next match is at `lowerBound` or later.
    private mutating func missed(_ lowerBound: Int32) -> Bool {
        if lowerBound == Int32.max {
            _ = finish()
        } else {
            doc = lowerBound
            isMatch = false
        }
        return false
    }

    /// Like ``advance(to:)``, but a phrase may pass over documents up to `last` whose score cannot exceed
    /// `minimum` (judged from the terms' frequencies, before positions are read). Only for the single
    /// clause that generates candidates, so that no other clause asks about a document passed over; and
    /// only up to `last`, the end of the window the minimum was computed for.
    @inline(__always)
    mutating func advance(to target: Int32, atLeast minimum: Float, through last: Int32) -> Int32 {
        if target <= doc && isMatch { return doc }
        if others.isEmpty {
            doc = lead.advance(to: target)
            return doc
        }
        return advancePhrase(to: max(target, doc), minimum: minimum, through: last)
    }

    /// Calls `body` with every document up to `last` that has the term or the phrase, and the frequency
    /// there, from the current document on (which must be a match, as after ``advance(to:)``); leaves the
    /// clause on the first match after `last` and returns it. A term reads its decoded block directly.
    @inline(__always)
    @discardableResult
    mutating func forEach(through last: Int32, _ body: (_ doc: Int32, _ frequency: UInt32) -> Void) -> Int32 {
        if others.isEmpty {
            doc = lead.forEach(through: last, body)
            return doc
        }
        while doc <= last {
            body(doc, phraseFrequency)
            next()
        }
        return doc
    }

    /// Moves to the next document that has the term or the phrase.
    @inline(__always)
    @discardableResult
    mutating func next() -> Int32 {
        if others.isEmpty {
            doc = lead.next()
            return doc
        }
        return advancePhrase(to: isMatch ? doc &+ 1 : doc)
    }

    private mutating func advancePhrase(
        to start: Int32,
        minimum windowMinimum: Float = -Float.infinity,
        through last: Int32 = Int32.max
    ) -> Int32 {
        var target = start
        while true {
            let candidate = lead.advance(to: target)
            if candidate == Int32.max { return finish() }
            let minimum = candidate <= last ? windowMinimum : -Float.infinity
            // The lead's frequency alone bounds the phrase's: a document it rules out needs no other term
            // moved (no block of theirs decoded). Slack once more, so float rounding cannot make this
            // looser bound fall below the one from all terms.
            if minimum > -Float.infinity, bound(at: candidate, frequency: lead.freq) * Self.boundSlack <= minimum {
                target = candidate &+ 1
                continue
            }
            var aligned = true
            for k in 0..<otherRefs.count {
                let found = otherRefs[k]._withUnsafeGuaranteedRef { $0.advance(to: candidate) }
                if found == Int32.max { return finish() }
                if found != candidate {
                    target = found
                    aligned = false
                    break
                }
            }
            if !aligned { continue }
            if minimum > -Float.infinity, bound(at: candidate) <= minimum {
                target = candidate &+ 1
                continue
            }
            let frequency = countPhrase()
            if failure != nil { return finish() }
            if frequency > 0 {
                phraseFrequency = frequency
                doc = candidate
                isMatch = true
                return doc
            }
            target = candidate &+ 1
        }
    }

    /// A bound of the phrase's score on `doc`, where all its terms are: the phrase occurs at most as often
    /// as its rarest term there.
    @inline(__always)
    private func bound(at doc: Int32) -> Float {
        var frequency = lead.freq
        for k in 0..<otherRefs.count {
            frequency = min(frequency, otherRefs[k]._withUnsafeGuaranteedRef { $0.freq })
        }
        return bound(at: doc, frequency: frequency)
    }

    /// A bound of the score on `doc` of a phrase that occurs there at most `frequency` times.
    @inline(__always)
    private func bound(at doc: Int32, frequency: UInt32) -> Float {
        let factor = norms.map { lengthFactors[Int($0[Int(doc)])] } ?? lengthFactors[0]
        return weight * Float(frequency) * factor * Self.boundSlack
    }

    /// Counts the positions of the lead term where every other term sits at its offset.
    private mutating func countPhrase() -> UInt32 {
        do {
            try lead.positions(into: &leadPositions)
            for k in others.indices { try others[k].positions(into: &otherPositions[k]) }
        } catch {
            failure = error.description
            return 0
        }
        if window > 0 { return ProximityCount.near(leadPositions, otherPositions[0], window: window) }
        if others.count == 1 {
            return Self.countPairs(leadPositions, otherPositions[0], shift: Int64(offsets[1]) - Int64(offsets[0]))
        }
        // Where each other term's scan stands; reused, so counting allocates nothing.
        if scanIndices.count != others.count { scanIndices = Array(repeating: 0, count: others.count) }
        for k in scanIndices.indices { scanIndices[k] = 0 }
        var count: UInt32 = 0
        outer: for start in leadPositions {
            let base = Int64(start) - Int64(offsets[0])
            for k in others.indices {
                let wanted = base + Int64(offsets[k + 1])
                let positions = otherPositions[k]
                var index = scanIndices[k]
                while index < positions.count, Int64(positions[index]) < wanted { index += 1 }
                scanIndices[k] = index
                if index == positions.count { break outer }
                if Int64(positions[index]) != wanted { continue outer }
            }
            count &+= 1
        }
        return count
    }

    /// The two-term case of ``countPhrase()``: positions `p` of `lead` with `p + shift` in `other`.
    @inline(__always)
    private static func countPairs(_ lead: [UInt32], _ other: [UInt32], shift: Int64) -> UInt32 {
        lead.withUnsafeBufferPointer { lead in
            other.withUnsafeBufferPointer { other in
                var count: UInt32 = 0
                var index = 0
                for start in lead {
                    let wanted = Int64(start) &+ shift
                    while index < other.count, Int64(other[index]) < wanted { index &+= 1 }
                    if index == other.count { break }
                    if Int64(other[index]) == wanted { count &+= 1 }
                }
                return count
            }
        }
    }

    private mutating func finish() -> Int32 {
        if failure == nil { failure = lead.failure ?? others.lazy.compactMap(\.failure).first }
        doc = Int32.max
        isMatch = true
        return doc
    }

    /// The first read error of any of the clause's postings.
    var readFailure: String? { failure ?? lead.failure ?? others.lazy.compactMap(\.failure).first }
}
