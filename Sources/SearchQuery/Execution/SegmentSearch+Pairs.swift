// MARK: - Clauses of several words in the pruning

/// A clause of several words scored beside the words themselves (a pair of near words, the whole string of
/// a CJK run) scores only where all its words are, in its fields: a statement that lacks one of them gains
/// nothing from it. The pruning uses that three ways:
/// - its bound in a window comes from its words' bounds (see ``SegmentSearch/boundFromWords()``), so no skip
///   data of its own postings is read per window;
/// - MaxScore's split charges its bound to one of its words' term clauses, so a statement made only of
///   non-essential clauses is bounded with it only when all its words are among them, instead of with every
///   such clause in every window;
/// - a candidate that lacks one of its words is not probed for it.
extension MaxScoreSplit {

    /// Finds the clauses outside the group whose words' term clauses are all members.
    mutating func attach(wordMasks: [UInt64], inGroup: [Bool]) {
        attached.removeAll()
        unattached.removeAll()
        for slot in outside {
            let mask = wordMasks[slot]
            if mask != 0, SlotMask(mask).allSatisfy({ inGroup[$0] }) {
                attached.append((slot, mask))
            } else {
                unattached.append(slot)
            }
        }
    }

    /// Sets the members' effective bounds for the window: each member's bound, plus, for each attached
    /// clause, the clause's bound on the strongest of its words (the weaker are left out first, so the clause
    /// counts only once all would be). Returns the bound of what any statement may have from outside.
    ///
    /// This holds whichever word is charged: a statement whose clauses in the group are all left out has
    /// an attached clause's score only if all its words are left out, and then the clause's bound is in the
    /// sum of their effective bounds.
    @inline(__always)
    mutating func chargeAttached(_ bounds: [Float]) -> Float {
        for slot in byBound { effective[slot] = bounds[slot] }
        for (clause, mask) in attached {
            var strongest = -1
            for word in SlotMask(mask) where strongest < 0 || bounds[word] > bounds[strongest] { strongest = word }
            effective[strongest] += bounds[clause]
        }
        var budget: Float = 0
        for slot in unattached { budget += bounds[slot] }
        return budget
    }
}

/// The slots set in a mask of at most 64 slots, lowest first.
struct SlotMask: Sequence, IteratorProtocol {
    private var bits: UInt64

    init(_ bits: UInt64) { self.bits = bits }

    @inline(__always)
    mutating func next() -> Int? {
        if bits == 0 { return nil }
        let slot = bits.trailingZeroBitCount
        bits &= bits &- 1
        return slot
    }
}

extension SegmentSearch {

    /// By slot, for a scoring clause of several words outside the required groups: the slots of its words'
    /// term clauses as bits (0 for other clauses, or when a word has no scoring term clause of its own over
    /// every field of the clause, or one numbered 64 or more). A word's clause combines the same fields with
    /// the same weights and length normalizations, and more of them, so its score bounds the clause's once
    /// scaled by their weights (see ``boundFromWords()``).
    static func wordMasks(_ plan: QueryPlan, slots: [Int], clauseOfSlot: [Int], grouped: Set<Int>) -> [UInt64] {
        var terms: [String: [Int]] = [:]
        for (index, clause) in plan.clauses.enumerated() where !clause.isPhrase && clause.boost > 0 {
            terms[clause.key.terms[0], default: []].append(index)
        }
        return clauseOfSlot.enumerated().map { slot, index in
            let clause = plan.clauses[index]
            guard clause.isPhrase, clause.boost > 0, !grouped.contains(slot) else { return 0 }
            var mask: UInt64 = 0
            for term in clause.key.terms {
                let covering = terms[term]?.first { candidate in
                    let fields = plan.clauses[candidate].key.fields
                    return clause.key.fields.allSatisfy { fields.contains($0) }
                }
                guard let covering, slots[covering] >= 0, slots[covering] < 64 else { return 0 }
                mask |= 1 &<< UInt64(slots[covering])
            }
            return mask
        }
    }

    /// See ``wordLegs``.
    static func wordLegs(
        _ plan: QueryPlan,
        _ severalWords: [Int],
        _ masks: [UInt64],
        clauseOfSlot: [Int],
        cursors: [Cursor]
    ) -> [Int] {
        // The field number of each leg of a slot's cursor.
        func legFields(_ slot: Int) -> [UInt8] {
            let fields = plan.clauses[clauseOfSlot[slot]].key.fields
            return cursors[slot].legFields.map { fields[$0].number }
        }
        var result: [Int] = []
        for slot in severalWords {
            let words = SlotMask(masks[slot]).map(legFields)
            for field in legFields(slot) {
                for wordFields in words { result.append(wordFields.firstIndex(of: field) ?? -1) }
            }
        }
        return result
    }

    /// Sets the window's bound of every clause whose words have term clauses of their own in its fields, from
    /// theirs, and returns their sum. A pair or a phrase occurs in a field at most as often as each of its
    /// words and is scored there with the same weight and length factors, so its part in each field is at
    /// most the smallest of its words' bounds there, and its score at most the saturation of those summed.
    @inline(__always)
    mutating func boundFromWords() -> Float {
        var total: Float = 0
        var next = 0
        for slot in severalWords {
            var combined: Float = 0
            for _ in 0..<cursors[slot].legCount {
                var part = Float.infinity
                for word in SlotMask(wordMasks[slot]) {
                    let leg = wordLegs[next]
                    next &+= 1
                    part = min(part, leg < 0 ? 0 : cursors[word].legBound(leg))
                }
                combined += part
            }
            bounds[slot] = cursors[slot].saturated(combined) * ClauseCursor<Segment.Postings>.boundSlack
            total += bounds[slot]
        }
        return total
    }

    /// Whether `slot` is a clause of several words one of whose words' term clauses was probed for the
    /// current candidate and missed (a bit per slot below 64 in `missed`): it cannot occur there.
    @inline(__always)
    func lacksWord(_ slot: Int, missed: UInt64) -> Bool {
        missed & wordMasks[slot] != 0
    }

    /// The bounds of the clauses of several words that the term clauses of `newly` (bits of slots below 64),
    /// just found missing, rule out, and that no earlier miss (`missed`) ruled out: they cannot occur in the
    /// candidate, so their bounds need not count in what it may still gain.
    @inline(__always)
    func boundsRuledOut(by newly: UInt64, missed: UInt64) -> Float {
        var total: Float = 0
        for clause in severalWords where wordMasks[clause] & newly != 0 && wordMasks[clause] & missed == 0 {
            total += bounds[clause]
        }
        return total
    }

    /// The other clauses of a window whose essential clauses were summed are read along, but pairs of near
    /// words and phrases cannot be (their positions are checked per statement): the scores summed so far are
    /// taken in document order and those clauses probed for the statements that could still make it.
    /// - Returns: The first statement after the window.
    mutating func readAlongThenPositional(
        _ essential: [Int],
        _ count: Int,
        from doc: Int32,
        through end: Int32,
        _ scratch: WindowScores,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) -> Int32 {
        let read = state.remaining.filter { !cursors[$0].isPhrase }
        addScores(read, from: doc, through: end, into: scratch)
        state.remaining.removeAll { !cursors[$0].isPhrase }
        rankRemaining(&state)
        putInOrder(count, of: essential, from: doc, through: end, in: scratch)
        // Every term clause was read: a statement lacks those not marked present.
        let known = severalWords.isEmpty ? 0 : presentBits(essential) | presentBits(read)
        for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
            let partial = scratch.scores[Int(offset)]
            let lacking = known == 0 ? 0 : known & ~scratch.present![Int(offset)]
            scratch.reset(offset)
            if state.canWin(partial) {
                offerMatch(doc &+ offset, partial: partial, lacking: lacking, &state, to: &collector)
            }
        }
        return end &+ 1
    }
}
