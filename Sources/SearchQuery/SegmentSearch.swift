/// Runs one plan over one segment: candidate generation from postings, block-max pruning, the full
/// matching condition, and collection into a shared top-k.
///
/// Candidates come from the plan's required groups (see ``MatchCondition/requiredGroups(cost:)``):
/// - One group (ranked OR, a single word, a phrase): block-max MaxScore. Per window of documents (up to the
///   nearest end of a postings block), clauses are ordered by their block bound; the weakest ones whose
///   bounds together cannot beat the current k-th score are *non-essential*: they never produce
///   candidates, and are only probed while the running score can still make it.
/// - Several groups (`+a +b`, AND): the cheapest group leads, the others are probed with leapfrog skips,
///   and windows whose summed block bounds cannot beat the k-th score are skipped whole.
/// - No group (only exclusions or dates): every live statement is a candidate.
/// Only statements that could enter the top k are checked against the full condition.
final class SegmentSearch<Segment: QuerySegment> {
    typealias Cursor = ClauseCursor<Segment.Postings>

    private let segment: Segment
    private let segmentNumber: Int
    private let predicate: MatchCondition
    private let dates: DateRange?
    private let maxDoc: Int32
    private var cursors: [Cursor?]
    private let scorers: [Int]
    private let groups: [[Int]]
    /// Whether some required group has no clause in this segment, so nothing here can match.
    private let isEmpty: Bool
    private var bounds: [Float]

    init(plan: QueryPlan, segment: Segment, number: Int, lengthFactors: LengthFactors) throws(SearchError) {
        self.segment = segment
        segmentNumber = number
        predicate = plan.predicate
        dates = plan.predicate.requiredDates
        maxDoc = Int32(clamping: segment.maxDoc)
        var cursors: [Cursor?] = []
        cursors.reserveCapacity(plan.clauses.count)
        for clause in plan.clauses {
            var postings: [Segment.Postings] = []
            for term in clause.key.terms {
                guard let found = try segment.postings(field: clause.key.field, term: term) else { break }
                postings.append(found)
            }
            guard postings.count == clause.key.terms.count else {
                cursors.append(nil)
                continue
            }
            let norms = segment.normBytes(field: clause.key.field).baseAddress
            cursors.append(
                Cursor(
                    postings: postings,
                    offsets: clause.key.offsets,
                    weight: clause.weight,
                    norms: norms,
                    lengthFactors: lengthFactors.table(for: clause.key.field)
                )
            )
        }
        self.cursors = cursors
        scorers = plan.clauses.indices.filter { plan.clauses[$0].boost > 0 && cursors[$0] != nil }
        let allGroups = plan.predicate.requiredGroups { plan.clauses[$0].cost }
        let present = allGroups.map { group in group.filter { cursors[$0] != nil } }
        isEmpty = present.contains { $0.isEmpty }
        // The cheapest group leads.
        groups = present.sorted { a, b in
            a.reduce(0) { $0 + plan.clauses[$1].cost } < b.reduce(0) { $0 + plan.clauses[$1].cost }
        }
        bounds = Array(repeating: 0, count: plan.clauses.count)
    }

    /// The first read error met by any cursor.
    var failure: String? { cursors.lazy.compactMap { $0?.readFailure }.first }

    // MARK: - Top k

    /// Offers every statement of the segment that can still enter `collector`.
    func collect(into collector: inout TopKCollector) {
        if isEmpty || maxDoc == 0 { return }
        if groups.isEmpty {
            scan(into: &collector)
        } else if groups.count == 1 {
            maxScore(group: groups[0], into: &collector)
        } else {
            conjunction(into: &collector)
        }
    }

    private func maxScore(group: [Int], into collector: inout TopKCollector) {
        let inGroup = Set(group)
        var essential: [Int] = []
        var remaining: [Int] = []
        var doc: Int32 = 0
        while doc < maxDoc {
            let (windowEnd, total) = window(from: doc)
            var threshold = collector.threshold
            if total <= threshold {
                doc = windowEnd &+ 1
                continue
            }
            // Partition: the weakest group members whose bounds, with everything outside the group, cannot
            // beat the threshold are non-essential in this window.
            var budget: Float = 0
            for scorer in scorers where !inGroup.contains(scorer) { budget += bounds[scorer] }
            essential.removeAll(keepingCapacity: true)
            remaining.removeAll(keepingCapacity: true)
            for member in group.sorted(by: { bounds[$0] < bounds[$1] }) {
                if essential.isEmpty, budget + bounds[member] <= threshold {
                    budget += bounds[member]
                    remaining.append(member)
                } else {
                    essential.append(member)
                }
            }
            if essential.isEmpty {
                doc = windowEnd &+ 1
                continue
            }
            for scorer in scorers where !inGroup.contains(scorer) { remaining.append(scorer) }
            remaining.removeAll { cursors[$0]!.weight == 0 }
            remaining.sort { bounds[$0] > bounds[$1] }
            let remainingTotal = remaining.reduce(Float(0)) { $0 + bounds[$1] }
            for member in essential { cursors[member]!.advance(to: doc) }
            while true {
                var candidate = Int32.max
                for member in essential { candidate = min(candidate, cursors[member]!.doc) }
                if candidate > windowEnd { break }
                var partial: Float = 0
                for member in essential {
                    let cursor = cursors[member]!
                    if cursor.doc == candidate, cursor.weight > 0 { partial += cursor.score() }
                }
                process(candidate, partial: partial, remaining: remaining, remainingTotal: remainingTotal, threshold: &threshold, collector: &collector)
                for member in essential where cursors[member]!.doc == candidate { cursors[member]!.next() }
            }
            doc = windowEnd &+ 1
        }
    }

    private func conjunction(into collector: inout TopKCollector) {
        let lead = groups[0]
        let others = groups.dropFirst()
        var remaining: [Int] = []
        var doc: Int32 = 0
        while doc < maxDoc {
            let (windowEnd, total) = window(from: doc)
            var threshold = collector.threshold
            if total <= threshold {
                doc = windowEnd &+ 1
                continue
            }
            remaining = scorers.sorted { bounds[$0] > bounds[$1] }
            while doc <= windowEnd {
                var candidate = Int32.max
                for member in lead { candidate = min(candidate, cursors[member]!.advance(to: doc)) }
                if candidate > windowEnd {
                    doc = candidate
                    break
                }
                if let skipTo = firstMissingGroup(others, at: candidate) {
                    doc = skipTo
                    continue
                }
                process(candidate, partial: 0, remaining: remaining, remainingTotal: total, threshold: &threshold, collector: &collector)
                doc = candidate &+ 1
            }
            doc = max(doc, windowEnd &+ 1)
        }
    }

    /// `nil` when every group has a clause on `doc`; otherwise the first document the missing group has.
    @inline(__always)
    private func firstMissingGroup(_ others: ArraySlice<[Int]>, at doc: Int32) -> Int32? {
        for group in others {
            var next = Int32.max
            var found = false
            for member in group {
                let at = cursors[member]!.advance(to: doc)
                if at == doc {
                    found = true
                    break
                }
                next = min(next, at)
            }
            if !found { return next }
        }
        return nil
    }

    private func scan(into collector: inout TopKCollector) {
        let ceiling = scorers.reduce(Float(0)) { $0 + cursors[$1]!.maxScore }
        for doc in 0..<maxDoc {
            if ceiling <= collector.threshold { return }
            guard isLive(doc), matches(predicate, doc) else { continue }
            var score: Float = 0
            for scorer in scorers {
                let cursor = cursors[scorer]!
                if cursor.advance(to: doc) == doc { score += cursor.score() }
            }
            collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        }
    }

    /// The window from `doc` to the nearest block end of any scoring clause, and the sum of their bounds.
    @inline(__always)
    private func window(from doc: Int32) -> (end: Int32, total: Float) {
        var end = maxDoc &- 1
        var total: Float = 0
        for scorer in scorers {
            let (last, bound) = cursors[scorer]!.blockBound(from: doc)
            bounds[scorer] = bound
            total += bound
            end = min(end, last)
        }
        return (end, total)
    }

    @inline(__always)
    private func process(
        _ doc: Int32,
        partial: Float,
        remaining: [Int],
        remainingTotal: Float,
        threshold: inout Float,
        collector: inout TopKCollector
    ) {
        guard isLive(doc) else { return }
        var score = partial
        var left = remainingTotal
        for scorer in remaining {
            if score + left <= threshold { return }
            let cursor = cursors[scorer]!
            if cursor.advance(to: doc) == doc { score += cursor.score() }
            left -= bounds[scorer]
        }
        guard score > threshold, matches(predicate, doc) else { return }
        collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        threshold = collector.threshold
    }

    // MARK: - Matching

    @inline(__always)
    private func isLive(_ doc: Int32) -> Bool {
        if segment.isDeleted(doc) { return false }
        if let dates, !dates.contains(segment.date(doc)) { return false }
        return true
    }

    /// Whether `doc` satisfies `predicate`. Documents must be asked in increasing order.
    private func matches(_ predicate: MatchCondition, _ doc: Int32) -> Bool {
        switch predicate {
        case .clause(let index):
            guard let cursor = cursors[index] else { return false }
            return cursor.advance(to: doc) == doc
        case .any(let children): return children.contains { matches($0, doc) }
        case .all(let children): return children.allSatisfy { matches($0, doc) }
        case .not(let child): return !matches(child, doc)
        case .date(let range): return range.contains(segment.date(doc))
        case .matchAll: return true
        case .matchNone: return false
        }
    }

    // MARK: - Every match

    /// Every live statement of the segment that matches, in order, without scoring or pruning.
    func allMatches(into result: inout [DocumentAddress]) {
        if isEmpty || maxDoc == 0 { return }
        guard let lead = groups.first else {
            for doc in 0..<maxDoc where isLive(doc) && matches(predicate, doc) {
                result.append(DocumentAddress(segment: segmentNumber, document: doc))
            }
            return
        }
        var doc: Int32 = 0
        while doc < maxDoc {
            var candidate = Int32.max
            for member in lead { candidate = min(candidate, cursors[member]!.advance(to: doc)) }
            if candidate >= maxDoc { return }
            if isLive(candidate), matches(predicate, candidate) {
                result.append(DocumentAddress(segment: segmentNumber, document: candidate))
            }
            doc = candidate &+ 1
        }
    }

    /// The scoring clauses present on `doc`, with their frequency and score, for explanations.
    func contributions(at doc: Int32) -> [(clause: Int, frequency: UInt32, score: Float)] {
        scorers.compactMap { index in
            let cursor = cursors[index]!
            guard cursor.advance(to: doc) == doc else { return nil }
            return (index, cursor.frequency, cursor.score())
        }
    }
}
