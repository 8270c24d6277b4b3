/// The members of the one required group that MaxScore searches, as the current window splits them, with
/// the orders the split is chosen in (kept from window to window to spare an allocation per window).
struct MaxScoreSplit {
    /// The scoring clauses outside the group, always probed.
    let outside: [Int]
    /// The members, sorted by bound in the last window split, weakest first.
    var byBound: [Int]
    /// The same members, sorted by postings per unit of bound in the last window split.
    var byDensity: [Int]
    /// By slot: whether the member is non-essential in the window.
    var leftOut: [Bool]
    /// The members that give candidates in the window, in `byBound` order.
    var essential: [Int] = []
    /// By slot, for the members: the bound in the window with the bounds of the clauses of several words
    /// charged to it (see `SegmentSearch+Pairs.swift`); what the split is chosen by.
    var effective: [Float]
    /// Clauses of several words outside the group (pairs of near words, whole CJK runs) whose words' term
    /// clauses are all members, with those members' slots as bits.
    var attached: [(clause: Int, mask: UInt64)] = []
    /// The clauses outside the group that any statement may have: all but the attached ones.
    var unattached: [Int]

    init(group: [Int], outside: [Int], slotCount: Int) {
        self.outside = outside
        byBound = group
        byDensity = group
        leftOut = Array(repeating: false, count: slotCount)
        effective = Array(repeating: 0, count: slotCount)
        unattached = outside
        essential.reserveCapacity(group.count)
    }
}

// MARK: - One group: block-max MaxScore

extension SegmentSearch {

    /// Statements in `group` (ranked OR, a single word, a phrase), window by window. Members whose bounds
    /// together cannot beat the k-th score are non-essential in the window and only probed; candidates come
    /// from the others: one clause is read in a tight loop, several are summed from their decoded blocks
    /// when the condition says no more than the group, or merged in document order otherwise.
    mutating func maxScore(group: [Int], into collector: inout TopKCollector) {
        var inGroup = Array(repeating: false, count: cursorCount)
        for slot in group { inGroup[slot] = true }
        var split = MaxScoreSplit(group: group, outside: scorers.filter { !inGroup[$0] }, slotCount: cursorCount)
        split.attach(wordMasks: wordMasks, inGroup: inGroup)
        var state = CandidateState(capacity: cursorCount)
        var windowScratch: WindowScores? = nil
        var doc: Int32 = 0
        while doc < maxDoc {
            let (windowEnd, total) = window(from: doc)
            state.threshold = collector.threshold
            guard total > state.threshold, splitGroup(&split, &state) else {
                doc = windowEnd &+ 1
                continue
            }
            if split.essential.count == 1 {
                single(split.essential[0], from: doc, through: windowEnd, &state, &collector)
                doc = windowEnd &+ 1
            } else if conditionIsGroups {
                let scratch = windowScratch ?? WindowScores(tracksPresence: !severalWords.isEmpty)
                windowScratch = scratch
                doc = sumEssential(split.essential, from: doc, through: windowEnd, in: scratch, &state, &collector)
            } else {
                mergeEssential(split.essential, from: doc, through: windowEnd, &state, &collector)
                doc = windowEnd &+ 1
            }
        }
    }

    /// Splits the group for the current window: members whose bounds together, with everything outside
    /// the group, cannot beat the threshold are non-essential (a statement with nothing else cannot make
    /// it), so candidates come from the essential members only, and the others join the clauses outside
    /// the group in `state.remaining`, ranked.
    /// - Returns: Whether any member is essential: if none, no statement of the window can make it.
    @inline(__always)
    private func splitGroup(_ split: inout MaxScoreSplit, _ state: inout CandidateState) -> Bool {
        let budget = split.chargeAttached(bounds)
        partition(&split, budget: budget, threshold: state.threshold)
        split.essential.removeAll(keepingCapacity: true)
        state.remaining.removeAll(keepingCapacity: true)
        for slot in split.byBound {
            if split.leftOut[slot] {
                if cursors[slot].weight > 0 { state.remaining.append(slot) }
            } else {
                split.essential.append(slot)
            }
        }
        if split.essential.isEmpty { return false }
        state.remaining.append(contentsOf: split.outside)
        rankRemaining(&state)
        return true
    }

    /// Marks in `split.leftOut` the members left non-essential: a set whose bounds sum, with `budget`, to
    /// no more than `threshold`. Choosing it is a knapsack that would leave the fewest postings to read;
    /// two greedy fills are tried, the weakest bounds first (the most members) and, for a small group, the
    /// most postings per unit of bound first (a costly member with a modest bound, as an answer field beside
    /// a rarer question field), and the one leaving out more postings wins.
    @inline(__always)
    private func partition(_ split: inout MaxScoreSplit, budget: Float, threshold: Float) {
        for slot in split.byBound { split.leftOut[slot] = false }
        split.byBound.sortSlots { [effective = split.effective] in effective[$0] < effective[$1] }
        var spent = budget
        var weakestCost = 0
        var weakestCount = 0
        for slot in split.byBound {
            if spent + split.effective[slot] > threshold { break }
            spent += split.effective[slot]
            weakestCost += costs[slot]
            weakestCount += 1
        }
        if split.byBound.count > 1 && split.byBound.count <= 8 {
            // Most postings per unit of bound first (cross-multiplied: a zero bound comes first).
            split.byDensity.sortSlots { [effective = split.effective] in
                Float(costs[$0]) * effective[$1] > Float(costs[$1]) * effective[$0]
            }
            spent = budget
            var densestCost = 0
            for slot in split.byDensity where spent + split.effective[slot] <= threshold {
                spent += split.effective[slot]
                densestCost += costs[slot]
                split.leftOut[slot] = true
            }
            if densestCost > weakestCost { return }
            for slot in split.byDensity { split.leftOut[slot] = false }
        }
        for slot in split.byBound.prefix(weakestCount) { split.leftOut[slot] = true }
    }

    /// The common case of one essential clause: a tight loop over its postings in the window.
    @inline(__always)
    private mutating func single(
        _ slot: Int,
        from doc: Int32,
        through windowEnd: Int32,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) {
        // A phrase skips, without reading positions, the documents whose bound cannot make it.
        var candidate = cursors[slot].advance(
            to: doc,
            atLeast: state.threshold - state.remainingTotal,
            through: windowEnd
        )
        let scores = cursors[slot].weight > 0
        let isPhrase = cursors[slot].isPhrase
        if conditionIsGroups && !isPhrase && scores {
            // Every posting matches: score them straight from the decoded block.
            if candidate > windowEnd { return }
            let dependents = DependentBound(of: slot, in: self, state)
            // Statements that cannot make it even in the window's shortest fields are not scored.
            cursors[slot].forEachScore(through: windowEnd, atLeast: dependents.least(state)) { doc, partial in
                if dependents.canWin(partial, state) { offerMatch(doc, partial: partial, &state, to: &collector) }
            }
            return
        }
        while candidate <= windowEnd {
            let partial = scores ? cursors[slot].score() : 0
            if state.canWin(partial) { offerCandidate(candidate, partial: partial, &state, to: &collector) }
            candidate =
                isPhrase
                ? cursors[slot].advance(
                    to: candidate &+ 1,
                    atLeast: state.threshold - state.remainingTotal,
                    through: windowEnd
                )
                : cursors[slot].next()
        }
    }

    /// Several essential clauses whose every posting matches (the condition says no more than the group):
    /// their scores are summed per statement straight from their decoded blocks, at most
    /// ``WindowScores/capacity`` statements at a time. The remaining clauses are then read along where
    /// dense, or probed per candidate in document order.
    /// - Returns: The first statement after the ones read.
    @inline(__always)
    private mutating func sumEssential(
        _ essential: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        in scratch: WindowScores,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) -> Int32 {
        let end = min(windowEnd, doc &+ Int32(WindowScores.capacity - 1))
        let count = accumulate(essential, from: doc, through: end, into: scratch)
        if count > 0, !state.remaining.isEmpty {
            var postings = 0.0
            for slot in state.remaining where !cursors[slot].isPhrase {
                postings += Double(cursors[slot].postingsCount)
            }
            if readsAlong(postingsPerStatement: postings / Double(maxDoc), length: end &- doc &+ 1, candidates: count) {
                if state.remaining.contains(where: { cursors[$0].isPhrase }) {
                    return readAlongThenPositional(
                        essential,
                        count,
                        from: doc,
                        through: end,
                        scratch,
                        &state,
                        &collector
                    )
                }
                // The other clauses dense here: their postings are read once, not probed per candidate.
                // Every score is complete: no clause is left to probe, so order does not matter.
                addScores(state.remaining, from: doc, through: end, into: scratch)
                for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
                    let score = scratch.scores[Int(offset)]
                    scratch.reset(offset)
                    if state.mayEnterOutOfOrder(score) {
                        offerOutOfOrder(doc &+ offset, score: score, &state, to: &collector)
                    }
                }
                return end &+ 1
            }
        }
        putInOrder(count, of: essential, from: doc, through: end, in: scratch)
        let known = severalWords.isEmpty ? 0 : presentBits(essential)
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

    /// Several essential clauses where a statement in them may still fail the condition: their cursors
    /// are merged in document order, and each candidate is checked.
    @inline(__always)
    private mutating func mergeEssential(
        _ essential: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) {
        for slot in essential { cursors[slot].advance(to: doc) }
        while true {
            var candidate = Int32.max
            for slot in essential { candidate = min(candidate, cursors[slot].doc) }
            if candidate > windowEnd { break }
            var partial: Float = 0
            for slot in essential where cursors[slot].doc == candidate && cursors[slot].weight > 0 {
                partial += cursors[slot].score()
            }
            offerCandidate(candidate, partial: partial, &state, to: &collector)
            for slot in essential where cursors[slot].doc == candidate { cursors[slot].next() }
        }
    }
}

/// The clauses of several words among a candidate's remaining ones that need the one essential term clause
/// it came from: each scores at most its weight over the term's times the term's exact score there, since
/// it occurs in each field at most as often as the term (see `SegmentSearch+Pairs.swift`). A candidate
/// with a low score of the term is judged with that tighter bound before any clause is probed.
struct DependentBound {
    /// The dependents' bounds in the window, summed.
    let bound: Float
    /// Their weights over the term's, summed.
    let ratio: Float

    init<Segment: QuerySegment>(of slot: Int, in search: SegmentSearch<Segment>, _ state: CandidateState) {
        var bound: Float = 0
        var ratio: Float = 0
        if !search.severalWords.isEmpty, slot < 64, search.cursors[slot].weight > 0 {
            let bit: UInt64 = 1 &<< UInt64(slot)
            for other in state.remaining where search.wordMasks[other] & bit != 0 {
                bound += search.bounds[other]
                ratio += search.cursors[other].weight / search.cursors[slot].weight
            }
        }
        self.bound = bound
        self.ratio = ratio
    }

    /// Whether a candidate whose term scored `partial` can beat the threshold with every remaining clause at
    /// its bound, the dependents at the tighter one.
    @inline(__always)
    func canWin(_ partial: Float, _ state: CandidateState) -> Bool {
        partial + state.remainingTotal - bound + min(bound, partial * ratio) > state.threshold
    }

    /// The largest score of the term with which no candidate can win (``canWin(_:_:)`` is increasing).
    func least(_ state: CandidateState) -> Float {
        let plain = state.threshold - state.remainingTotal
        guard bound > 0 else { return plain }
        let steep = (plain + bound) / (1 + ratio)
        return steep * ratio < bound ? steep : plain
    }
}
