// MARK: - Pairs of near words in the pruning

/// A pair of near words scores only where both its words are, in its field: a statement that lacks one of
/// them gains nothing from it. MaxScore's split uses that: a pair's bound is charged to one of its words'
/// term clauses, so a statement made only of non-essential clauses is bounded with the pair only when that
/// word is among them, instead of with every pair in every window.
extension MaxScoreSplit {

    /// Finds the pairs outside the group whose two words' term clauses are members.
    mutating func attach(pairTerms: [(a: Int, b: Int)?], inGroup: [Bool]) {
        attached.removeAll()
        unattached.removeAll()
        for slot in outside {
            if let (a, b) = pairTerms[slot], inGroup[a], inGroup[b] {
                attached.append((slot, a, b))
            } else {
                unattached.append(slot)
            }
        }
    }

    /// Sets the members' effective bounds for the window: each member's bound, plus, for each attached
    /// pair, the pair's bound on the stronger of its two words (the weaker is left out first, so the pair
    /// counts only once both would be). Returns the bound of what any statement may have from outside.
    ///
    /// This holds: a statement whose clauses in the group are all left out has a pair's score only if both
    /// its words are left out, and then the pair's bound is in the sum of their effective bounds.
    @inline(__always)
    mutating func chargePairs(_ bounds: [Float]) -> Float {
        for slot in byBound { effective[slot] = bounds[slot] }
        for (pair, a, b) in attached {
            effective[bounds[a] >= bounds[b] ? a : b] += bounds[pair]
        }
        var budget: Float = 0
        for slot in unattached { budget += bounds[slot] }
        return budget
    }
}

extension SegmentSearch {

    /// By slot, the slots of a pair's two words' term clauses (`nil` for other clauses, or when a word has no
    /// scoring term clause of its own over every field of the pair, as inside a phrase). A word's clause
    /// combines the same fields with the same weights and length normalizations, and more of them, so its
    /// score bounds the pair's once scaled by their weights (see ``boundPairs()``).
    static func pairTerms(_ plan: QueryPlan, slots: [Int], clauseOfSlot: [Int]) -> [(a: Int, b: Int)?] {
        var terms: [String: [Int]] = [:]
        for (index, clause) in plan.clauses.enumerated()
        where !clause.isPhrase && !clause.isPair && clause.boost > 0 {
            terms[clause.key.terms[0], default: []].append(index)
        }
        return clauseOfSlot.map { index in
            let key = plan.clauses[index].key
            guard key.window > 0 else { return nil }
            let slotsOfTerms = key.terms.map { term -> Int in
                let covering = terms[term]?.first { candidate in
                    let fields = plan.clauses[candidate].key.fields
                    return key.fields.allSatisfy { fields.contains($0) }
                }
                return covering.map { slots[$0] } ?? -1
            }
            guard slotsOfTerms.count == 2, slotsOfTerms.allSatisfy({ $0 >= 0 }) else { return nil }
            return (slotsOfTerms[0], slotsOfTerms[1])
        }
    }

    /// Sets the window's bound of every pair whose words have term clauses of their own in its field, from
    /// theirs, and returns their sum. A pair occurs in a statement at most as often as each of its words
    /// and is scored in the same field with the same length factors, so its score is at most a word's
    /// bound times the ratio of the weights: no skip data of the pair's own postings is read per window.
    @inline(__always)
    mutating func boundPairs() -> Float {
        var total: Float = 0
        for slot in scorers {
            guard let (a, b) = pairTerms[slot] else { continue }
            let weight = cursors[slot].weight
            let fromA = bounds[a] * (weight / cursors[a].weight)
            let fromB = bounds[b] * (weight / cursors[b].weight)
            bounds[slot] = min(fromA, fromB) * ClauseCursor<Segment.Postings>.boundSlack
            total += bounds[slot]
        }
        return total
    }

    /// Whether `slot` is a pair one of whose words' term clauses was probed for the current candidate and
    /// missed (a bit per slot below 64 in `missed`): the pair cannot occur there, its postings need not move.
    @inline(__always)
    func lacksPairWord(_ slot: Int, missed: UInt64) -> Bool {
        guard missed != 0, let (a, b) = pairTerms[slot], a < 64, b < 64 else { return false }
        return (missed >> UInt64(a)) & 1 != 0 || (missed >> UInt64(b)) & 1 != 0
    }

    /// The other clauses of a window whose essential clauses were summed are read along, but pairs of near
    /// words cannot be (their positions are checked per statement): the scores summed so far are taken in
    /// document order and the pairs probed for the statements that could still make it.
    /// - Returns: The first statement after the window.
    mutating func readAlongThenPairs(
        _ essential: [Int],
        _ count: Int,
        from doc: Int32,
        through end: Int32,
        _ scratch: WindowScores,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) -> Int32 {
        addScores(state.remaining.filter { !cursors[$0].isPair }, from: doc, through: end, into: scratch)
        state.remaining.removeAll { !cursors[$0].isPair }
        rankRemaining(&state)
        putInOrder(count, of: essential, from: doc, through: end, in: scratch)
        for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
            let partial = scratch.scores[Int(offset)]
            scratch.reset(offset)
            if state.canWin(partial) { offerMatch(doc &+ offset, partial: partial, &state, to: &collector) }
        }
        return end &+ 1
    }
}
