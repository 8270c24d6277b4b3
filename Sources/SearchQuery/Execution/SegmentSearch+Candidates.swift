/// What a strategy of ``SegmentSearch`` carries while it offers the candidates of a window: the scoring
/// clauses whose scores a candidate still lacks, and the score it must beat.
///
/// A strategy keeps one for the whole segment, so that `remaining` keeps its memory from window to window,
/// and refreshes it at the start of each window.
struct CandidateState {
    /// Slots of the scoring clauses not read yet for a candidate, the strongest bound in the window first:
    /// probed in this order, a candidate is dropped as soon as the rest cannot lift it past `threshold`.
    var remaining: [Int] = []
    /// The bounds of `remaining` in the window, summed.
    var remainingTotal: Float = 0
    /// The collector's k-th score, refreshed after every offer: a candidate must beat it.
    var threshold: Float = -.infinity

    /// A state whose `remaining` holds up to `capacity` slots without growing.
    init(capacity: Int) {
        remaining.reserveCapacity(capacity)
    }

    /// Whether a candidate that scored `partial` so far can still beat the threshold with every remaining
    /// clause at its bound.
    @inline(__always)
    func canWin(_ partial: Float) -> Bool { partial + remainingTotal > threshold }

    /// Whether a statement met out of document order in its window, its score complete, may enter the top
    /// k: one scoring as much as the k-th may still win on its earlier address, which the collector decides.
    @inline(__always)
    func mayEnterOutOfOrder(_ score: Float) -> Bool { score >= threshold }
}

extension SegmentSearch {

    // MARK: - Offering candidates

    /// Starts a window whose clauses together are bounded by `total`: `false` when that cannot beat
    /// `threshold`, the collector's k-th score, and the window is passed over; otherwise `state` holds
    /// `scoring` as the clauses left to read for each candidate, ranked by ``rankRemaining(_:)``.
    @inline(__always)
    func beginsWindow(bound total: Float, threshold: Float, scoring: [Int], _ state: inout CandidateState) -> Bool {
        state.threshold = threshold
        guard total > threshold else { return false }
        state.remaining.removeAll(keepingCapacity: true)
        state.remaining.append(contentsOf: scoring)
        rankRemaining(&state)
        return true
    }

    /// Sorts `state.remaining` by bound in the current window, strongest first, clauses read from positions
    /// last (after their words, which tell whether to read positions at all), and sums their bounds.
    @inline(__always)
    func rankRemaining(_ state: inout CandidateState) {
        state.remaining.sortSlots { a, b in
            let (aLate, bLate) = (cursors[a].isPhrase, cursors[b].isPhrase)
            return aLate == bLate ? bounds[a] > bounds[b] : bLate
        }
        var total: Float = 0
        for slot in state.remaining { total += bounds[slot] }
        state.remainingTotal = total
    }

    /// Completes the score of `doc`, a candidate that may not match (the condition says more than the
    /// postings it came from), by probing the remaining clauses, and offers it to `collector` when it
    /// matches and beats the threshold.
    /// - Parameter partial: The score of the clauses already read for it.
    @inline(__always)
    mutating func offerCandidate(
        _ doc: Int32,
        partial: Float,
        _ state: inout CandidateState,
        to collector: inout TopKCollector
    ) {
        complete(doc, partial: partial, checkingCondition: true, &state, &collector)
    }

    /// Like ``offerCandidate(_:partial:_:to:)`` for a statement known to match: found in the postings of
    /// every required group, where the condition says no more than the groups.
    /// - Parameter lacking: Term clauses (slots below 64, as bits) already known not to have the statement:
    ///   the clauses of several words that need them are not probed.
    @inline(__always)
    mutating func offerMatch(
        _ doc: Int32,
        partial: Float,
        lacking: UInt64 = 0,
        _ state: inout CandidateState,
        to collector: inout TopKCollector
    ) {
        complete(doc, partial: partial, checkingCondition: false, lacking: lacking, &state, &collector)
    }

    /// Offers a statement met out of document order in its window, its score complete, when it is live.
    /// Callers first ask ``CandidateState/mayEnterOutOfOrder(_:)``, which most statements fail: kept out of
    /// line, the offer leaves the loops that read whole blocks their registers.
    @inline(never)
    mutating func offerOutOfOrder(
        _ doc: Int32,
        score: Float,
        _ state: inout CandidateState,
        to collector: inout TopKCollector
    ) {
        guard isLive(doc) else { return }
        collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        state.threshold = collector.threshold
    }

    /// The work of ``offerCandidate(_:partial:_:to:)`` and ``offerMatch(_:partial:_:to:)``: the remaining
    /// clauses are probed strongest first, and the candidate is dropped as soon as they cannot lift it past
    /// the threshold.
    @inline(__always)
    private mutating func complete(
        _ doc: Int32,
        partial: Float,
        checkingCondition: Bool,
        lacking: UInt64 = 0,
        _ state: inout CandidateState,
        _ collector: inout TopKCollector
    ) {
        guard isLive(doc) else { return }
        var score = partial
        var left = state.remainingTotal
        var missed = lacking
        if missed != 0 { left -= boundsRuledOut(by: missed, missed: 0) }
        for slot in state.remaining {
            if score + left <= state.threshold { return }
            // Its bound left `left` when the word it lacks was missed.
            if lacksWord(slot, missed: missed) { continue }
            left -= bounds[slot]
            if cursors[slot].probe(doc, above: state.threshold - score - left) {
                score += cursors[slot].score()
            } else if slot < 64 {
                // Clauses of several words are probed after their words (see `rankRemaining`); a lone one is
                // probed last, where ruling it out early saves nothing.
                if severalWords.count > 1 { left -= boundsRuledOut(by: 1 &<< UInt64(slot), missed: missed) }
                missed |= 1 &<< UInt64(slot)
            }
        }
        guard score > state.threshold, !checkingCondition || matches(condition, doc) else { return }
        collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        state.threshold = collector.threshold
    }

    // MARK: - Matching

    /// Whether `doc` is neither deleted nor outside the required dates.
    @inline(__always)
    func isLive(_ doc: Int32) -> Bool {
        if hasDeletions, segment.isDeleted(doc) { return false }
        if let dates, !dates.contains(segment.date(doc)) { return false }
        return true
    }

    /// Whether `doc` satisfies `condition`. Documents must be asked in increasing order.
    mutating func matches(_ condition: MatchCondition, _ doc: Int32) -> Bool {
        switch condition {
        case .clause(let index):
            let slot = slots[index]
            return slot >= 0 && cursors[slot].probe(doc)
        case .any(let children):
            for child in children where matches(child, doc) { return true }
            return false
        case .all(let children):
            for child in children where !matches(child, doc) { return false }
            return true
        case .not(let child): return !matches(child, doc)
        case .date(let range): return range.contains(segment.date(doc))
        case .matchAll: return true
        case .matchNone: return false
        }
    }
}

extension Array where Element == Int {
    /// Sorts a handful of slots by insertion: the orders are kept from window to window and change little,
    /// so this is close to one pass, where the standard library's merge sort would allocate and merge.
    @inline(__always)
    mutating func sortSlots(by areInIncreasingOrder: (Int, Int) -> Bool) {
        withUnsafeMutableBufferPointer { slots in
            var i = 1
            while i < slots.count {
                let slot = slots[i]
                var j = i
                while j > 0 && areInIncreasingOrder(slot, slots[j - 1]) {
                    slots[j] = slots[j - 1]
                    j -= 1
                }
                slots[j] = slot
                i += 1
            }
        }
    }
}
