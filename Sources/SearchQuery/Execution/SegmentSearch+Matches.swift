/// Every match of a segment, without pruning: what exact totals, facets and date sorts read.
extension SegmentSearch {
    /// Calls `body` with every live statement of the segment that matches, in increasing order, without
    /// scoring or pruning. `body` may ask ``score(of:)`` for the statement it is given.
    ///
    /// Candidates come from the union of the cheapest required group (advanced document by document, as
    /// Lucene's count collector walks a conjunction's lead) and are checked against the whole condition;
    /// with no required group, every live statement is checked.
    @inline(__always)
    mutating func forEachMatch(_ body: (inout Self, Int32) -> Void) {
        if isEmpty || maxDoc == 0 { return }
        guard let lead = groups.first else {
            for doc in 0..<maxDoc where isLive(doc) && matches(condition, doc) { body(&self, doc) }
            return
        }
        let checks = !conditionIsGroups || groups.count > 1
        var doc: Int32 = 0
        while doc < maxDoc {
            var candidate = Int32.max
            for slot in lead { candidate = min(candidate, cursors[slot].advance(to: doc)) }
            if candidate >= maxDoc { return }
            if isLive(candidate), !checks || matches(condition, candidate) { body(&self, candidate) }
            doc = candidate &+ 1
        }
    }

    /// Every live statement of the segment that matches, in order, without scoring or pruning.
    mutating func allMatches(into result: inout [DocumentAddress]) {
        let number = segmentNumber
        forEachMatch { _, doc in result.append(DocumentAddress(segment: number, document: doc)) }
    }

    /// The score of `doc`, a statement met in increasing order by ``forEachMatch(_:)``.
    mutating func score(of doc: Int32) -> Float {
        var score: Float = 0
        for slot in scorers where cursors[slot].probe(doc) { score += cursors[slot].score() }
        return score
    }

    /// A lower bound of the segment's matches read from the dictionary alone, and whether it is exact:
    /// for a condition that is one union of terms, in a segment without deletions or date limits, the
    /// largest document frequency of its single terms (exact when the union has one term).
    func matchCountBound() -> (count: Int, isExact: Bool) {
        if isEmpty || maxDoc == 0 { return (0, true) }
        guard groups.count == 1, conditionIsGroups, dates == nil, !hasDeletions else { return (0, false) }
        var largest = 0
        var terms = 0
        var isExact = false
        for slot in groups[0] {
            guard let bound = cursors[slot].documentCountBound else { continue }
            largest = max(largest, bound.count)
            terms += 1
            isExact = bound.isExact
        }
        return (largest, terms == 1 && groups[0].count == 1 && isExact)
    }
}
