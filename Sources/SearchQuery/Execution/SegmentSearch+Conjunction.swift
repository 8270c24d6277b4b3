/// The required groups of a conjunction (`+a +b`, AND): the lead, the cheapest, whose postings give the
/// candidates, and the followers, kept as one flat array of slots with the index where each group ends, so
/// that probing a candidate retains no inner array.
struct ConjunctionGroups {
    /// The lead group's slots.
    let lead: [Int]
    /// The follower groups' slots, one group after the other.
    let followerSlots: [Int]
    /// Where each follower group ends in `followerSlots`.
    let followerEnds: [Int]
    /// Per follower group `g`, in the current window: the bounds of groups `g` and after, and of the
    /// scoring clauses outside the groups; the last entry is those outside alone.
    var followerBounds: [Float]

    init(_ groups: [[Int]]) {
        lead = groups[0]
        var ends: [Int] = []
        for group in groups.dropFirst() { ends.append((ends.last ?? 0) + group.count) }
        followerSlots = groups.dropFirst().flatMap { $0 }
        followerEnds = ends
        followerBounds = Array(repeating: 0, count: ends.count + 1)
    }
}

// MARK: - Several groups: conjunctions

extension SegmentSearch {

    /// Statements in every group, one candidate at a time: the lead's next statement, unless its score
    /// with the other clauses' bounds cannot beat the k-th, is probed in the other groups with leapfrog
    /// skips, then checked against the condition.
    mutating func conjunction(into collector: inout TopKCollector) {
        let required = ConjunctionGroups(groups)
        var isLead = Array(repeating: false, count: cursorCount)
        for slot in required.lead { isLead[slot] = true }
        let others = scorers.filter { !isLead[$0] }
        var state = CandidateState(capacity: others.count)
        var doc: Int32 = 0
        while doc < maxDoc {
            let (windowEnd, total) = window(from: doc)
            guard beginsWindow(bound: total, threshold: collector.threshold, scoring: others, &state) else {
                doc = windowEnd &+ 1
                continue
            }
            while doc <= windowEnd {
                var candidate = Int32.max
                for slot in required.lead { candidate = min(candidate, cursors[slot].advance(to: doc)) }
                if candidate > windowEnd {
                    doc = candidate
                    break
                }
                // The lead's exact score plus the others' block bounds: most candidates stop here, before
                // the other groups' postings are touched.
                var partial: Float = 0
                for slot in required.lead where cursors[slot].doc == candidate && cursors[slot].weight > 0 {
                    partial += cursors[slot].score()
                }
                if !state.canWin(partial) {
                    doc = candidate &+ 1
                    continue
                }
                if let skipTo = firstMissingGroup(required, at: candidate) {
                    doc = skipTo
                    continue
                }
                offerCandidate(candidate, partial: partial, &state, to: &collector)
                doc = candidate &+ 1
            }
            doc = max(doc, windowEnd &+ 1)
        }
    }

    /// `nil` when every follower group has a clause on `doc`; otherwise the first document the missing
    /// group has.
    @inline(__always)
    private func firstMissingGroup(_ required: ConjunctionGroups, at doc: Int32) -> Int32? {
        var start = 0
        for end in required.followerEnds {
            var next = Int32.max
            var found = false
            for index in start..<end {
                let slot = required.followerSlots[index]
                if cursors[slot].probe(doc) {
                    found = true
                    break
                }
                next = min(next, cursors[slot].doc)
            }
            if !found { return next }
            start = end
        }
        return nil
    }

    /// Statements in every group, found window by window. The lead's postings in the window are read in
    /// one pass straight from their decoded blocks, summing its clauses' scores per statement in a buffer.
    /// Where the followers are dense, their postings in the window are read along the same way; elsewhere,
    /// in document order, a statement whose score with the followers' bounds can still beat the k-th is
    /// probed in the followers, one group at a time, and dropped at the first it lacks.
    mutating func windowedConjunction(into collector: inout TopKCollector) {
        var required = ConjunctionGroups(groups)
        let scratch = WindowScores(tracksPresence: !severalWords.isEmpty)
        var inGroup = Array(repeating: false, count: cursorCount)
        for group in groups { for slot in group { inGroup[slot] = true } }
        let outside = scorers.filter { !inGroup[$0] }
        var state = CandidateState(capacity: outside.count)
        // Followers can be read along when they are terms (a phrase is checked at its candidates only);
        // their postings per statement tell whether a window is cheaper read along or probed.
        let followersAreTerms = required.followerSlots.allSatisfy { !cursors[$0].isPhrase }
        let followerDensity =
            required.followerSlots.reduce(0.0) { $0 + Double(cursors[$1].postingsCount) } / Double(max(1, maxDoc))
        var doc: Int32 = 0
        while doc < maxDoc {
            var (windowEnd, total) = window(from: doc)
            windowEnd = min(windowEnd, doc &+ Int32(WindowScores.capacity - 1))
            guard beginsWindow(bound: total, threshold: collector.threshold, scoring: outside, &state) else {
                doc = windowEnd &+ 1
                continue
            }
            boundFollowers(&required, outside: state.remainingTotal)
            let count = accumulate(required.lead, from: doc, through: windowEnd, into: scratch)
            if count > 0, followersAreTerms,
                readsAlong(postingsPerStatement: followerDensity, length: windowEnd &- doc &+ 1, candidates: count)
            {
                // Followers dense in this window: their postings are read once, in order, instead of a probe
                // per candidate.
                addFollowers(required, from: doc, through: windowEnd, into: scratch)
                // With no clause outside the groups, every score is complete and order does not matter;
                // otherwise those clauses are probed, in document order.
                if !state.remaining.isEmpty {
                    putInOrder(count, of: required.lead, from: doc, through: windowEnd, in: scratch)
                }
                offerReadAlong(count, required, from: doc, in: scratch, &state, &collector)
            } else {
                putInOrder(count, of: required.lead, from: doc, through: windowEnd, in: scratch)
                probeFollowers(count, required, from: doc, in: scratch, &state, &collector)
            }
            doc = windowEnd &+ 1
        }
    }

    /// Sets `required.followerBounds` for the current window, given `outside`, the bound of the scoring
    /// clauses outside the groups.
    @inline(__always)
    private func boundFollowers(_ required: inout ConjunctionGroups, outside: Float) {
        let ends = required.followerEnds
        required.followerBounds[ends.count] = outside
        for g in ends.indices.reversed() {
            var sum: Float = 0
            for k in (g == 0 ? 0 : ends[g - 1])..<ends[g] {
                let slot = required.followerSlots[k]
                if cursors[slot].weight > 0 { sum += bounds[slot] }
            }
            required.followerBounds[g] = required.followerBounds[g + 1] + sum
        }
    }

    /// After ``accumulate(_:from:through:into:)`` of the lead group: adds the follower groups' scores to the
    /// statements of the window that the lead and every earlier follower group have, and counts in
    /// `scratch.levels` how many follower groups each has (all of them: a match).
    private mutating func addFollowers(
        _ required: ConjunctionGroups,
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) {
        let (scores, levels) = (scratch.scores, scratch.levels)
        var start = 0
        for g in required.followerEnds.indices {
            // A statement with the lead and the `g` groups before is at level g; found in this group, g + 1.
            let level = UInt8(truncatingIfNeeded: g)
            for k in start..<required.followerEnds[g] {
                // A clause that does not score (weight 0) scores 0 and still counts for the level.
                readAlong(required.followerSlots[k], from: doc, through: windowEnd, in: scratch) { i, score in
                    guard levels[i] &- level <= 1 else { return }
                    levels[i] = level &+ 1
                    scores[i] += score
                }
            }
            start = required.followerEnds[g]
        }
    }

    /// After ``addFollowers(_:from:through:into:)``: offers the `count` statements of the window that every
    /// follower group has. With no scoring clause outside the groups, their scores are complete and offered
    /// in any order; otherwise those clauses are probed, in document order.
    @inline(__always)
    private mutating func offerReadAlong(
        _ count: Int,
        _ required: ConjunctionGroups,
        from doc: Int32,
        in scratch: WindowScores,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) {
        let complete = UInt8(truncatingIfNeeded: required.followerEnds.count)
        let offsets = UnsafeBufferPointer(start: scratch.offsets, count: count)
        // Two loops rather than a test per statement: each keeps its few pointers in registers.
        if state.remaining.isEmpty {
            for offset in offsets {
                let score = scratch.scores[Int(offset)]
                let isComplete = scratch.levels[Int(offset)] == complete
                scratch.reset(offset)
                if isComplete && state.mayEnterOutOfOrder(score) {
                    offerOutOfOrder(doc &+ offset, score: score, &state, to: &collector)
                }
            }
        } else {
            for offset in offsets {
                let partial = scratch.scores[Int(offset)]
                let isComplete = scratch.levels[Int(offset)] == complete
                scratch.reset(offset)
                if isComplete && state.canWin(partial) {
                    offerMatch(doc &+ offset, partial: partial, &state, to: &collector)
                }
            }
        }
    }

    /// Offers the `count` statements of the lead in the window, in document order, that the follower groups
    /// have: each is probed in the followers one group at a time, while its score with the bounds of the
    /// groups left can still beat the threshold, and dropped at the first group it lacks.
    @inline(__always)
    private mutating func probeFollowers(
        _ count: Int,
        _ required: ConjunctionGroups,
        from doc: Int32,
        in scratch: WindowScores,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) {
        candidates: for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
            var partial = scratch.scores[Int(offset)]
            scratch.reset(offset)
            let candidate = doc &+ offset
            var start = 0
            for g in 0..<required.followerEnds.count {
                if partial + required.followerBounds[g] <= state.threshold { continue candidates }
                var found = false
                for k in start..<required.followerEnds[g] {
                    let slot = required.followerSlots[k]
                    if cursors[slot].probe(candidate) {
                        found = true
                        if cursors[slot].weight > 0 { partial += cursors[slot].score() }
                    }
                }
                if !found { continue candidates }
                start = required.followerEnds[g]
            }
            offerMatch(candidate, partial: partial, &state, to: &collector)
        }
    }
}
