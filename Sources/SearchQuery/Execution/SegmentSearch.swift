/// Runs one plan over one segment: candidate generation from postings, block-max pruning, the full
/// matching condition, and collection into a shared top-k.
///
/// Candidates come from the plan's required groups (see ``MatchCondition/requiredGroups(cost:)``):
/// Documents are taken a window at a time: whole postings blocks of every scoring clause, at least
/// ``WindowScores/capacity`` statements long by default where the postings last, each clause with a bound
/// from its blocks' impacts.
/// - One group (ranked OR, a single word, a phrase): block-max MaxScore. Per window, group members whose
///   bounds together cannot beat the current k-th score are *non-essential*: they never produce
///   candidates, and are only probed (or read along, where dense) while the running score can still make it.
/// - Several groups (`+a +b`, AND): the cheapest group leads, the others are probed with leapfrog skips
///   or, where dense, read along; windows whose summed bounds cannot beat the k-th score are skipped whole.
/// - No group (only exclusions or dates): every live statement is a candidate.
/// Only statements that could enter the top k are checked against the full condition. When the condition
/// says no more than the groups (plain words, `+a +b`, phrases, dates), a statement found in the postings
/// needs no check, and the candidate clauses are read a window at a time straight from their decoded
/// blocks, without a call per posting.
struct SegmentSearch<Segment: QuerySegment> {
    typealias Cursor = ClauseCursor<Segment.Postings>

    private let segment: Segment
    private let segmentNumber: Int
    private let condition: MatchCondition
    private let dates: DateRange?
    private let hasDeletions: Bool
    private let maxDoc: Int32
    /// The cursors of the clauses present in this segment, densely numbered ("slots"), behind a pointer:
    /// mutating one in place costs no uniqueness or exclusivity check. `storage` owns the memory.
    private let storage: CursorStorage<Cursor>
    private let cursors: UnsafeMutablePointer<Cursor>
    private let cursorCount: Int
    /// Clause index → slot, `-1` when the segment lacks the clause.
    private let slots: [Int]
    /// Slot → clause index.
    private let clauseOfSlot: [Int]
    /// Slots of the clauses that add to the score.
    private let scorers: [Int]
    /// Required groups as slots, cheapest first.
    private let groups: [[Int]]
    /// Whether no clause belongs to two required groups.
    private let groupsAreDisjoint: Bool
    /// Whether some required group has no clause in this segment, so nothing here can match.
    private let isEmpty: Bool
    /// Whether the condition says no more than the groups (and dates): a statement in every group
    /// matches, so candidates need no check of the condition, and groups may be read window by window.
    private let conditionIsGroups: Bool
    /// Block bounds by slot, for the current window.
    private var bounds: [Float]
    /// How many postings of other clauses a window may hold per candidate and still be read in one pass
    /// rather than probed per candidate: reading a posting from a decoded block costs a few instructions,
    /// a probe a call and a search.
    private let scanPerProbe: Double
    /// The fewest statements a window spans where the postings last, at most ``WindowScores/capacity``.
    private let windowLength: Int32
    /// The cost of reading each slot's postings (its clause's document frequency).
    private let costs: [Int]

    /// - Parameter opened: Where the clauses' postings come from: those opened for the plan when unused.
    init(
        plan: QueryPlan,
        segment: Segment,
        number: Int,
        lengthFactors: LengthFactors,
        opened: OpenedPostings<Segment>,
        scanPerProbe: Double,
        windowLength: Int
    ) throws(SearchError) {
        self.scanPerProbe = scanPerProbe
        self.windowLength = Int32(clamping: max(1, min(windowLength, WindowScores.capacity)))
        self.segment = segment
        segmentNumber = number
        condition = plan.condition
        dates = plan.condition.requiredDates
        hasDeletions = segment.hasDeletions
        maxDoc = Int32(clamping: segment.maxDoc)
        var slots: [Int] = []
        var clauseOfSlot: [Int] = []
        var cursors: [Cursor] = []
        for (index, clause) in plan.clauses.enumerated() {
            var postings: [Segment.Postings] = []
            for term in clause.key.terms {
                guard let found = try opened.postings(segment: number, field: clause.key.field, term: term) else {
                    break
                }
                postings.append(found)
            }
            guard postings.count == clause.key.terms.count else {
                slots.append(-1)
                continue
            }
            slots.append(cursors.count)
            clauseOfSlot.append(index)
            cursors.append(
                Cursor(
                    postings: postings,
                    offsets: clause.key.offsets,
                    weight: clause.weight,
                    norms: segment.normBytes(field: clause.key.field).baseAddress,
                    lengthFactors: lengthFactors.table(for: clause.key.field)
                )
            )
        }
        storage = CursorStorage(cursors)
        self.cursors = storage.base
        cursorCount = cursors.count
        self.slots = slots
        self.clauseOfSlot = clauseOfSlot
        scorers = clauseOfSlot.indices.filter { plan.clauses[clauseOfSlot[$0]].boost > 0 }
        let cost = { (slot: Int) in plan.clauses[clauseOfSlot[slot]].cost }
        let present = plan.condition.requiredGroups { plan.clauses[$0].cost }.map { group in
            group.map { slots[$0] }.filter { $0 >= 0 }
        }
        isEmpty = present.contains { $0.isEmpty }
        conditionIsGroups = plan.condition.isPlainConjunction
        // A group repeated (`+a +a`) says nothing more; groups that share a clause (`+a +(a b)`) cannot be
        // read window by window, where the lead's postings are read past the statements the others probe.
        var distinct: [[Int]] = []
        for group in present.map({ $0.sorted() }) where !distinct.contains(group) { distinct.append(group) }
        groups = distinct.sorted { a, b in a.reduce(0) { $0 + cost($1) } < b.reduce(0) { $0 + cost($1) } }
        groupsAreDisjoint = Set(distinct.joined()).count == distinct.reduce(0) { $0 + $1.count }
        bounds = Array(repeating: 0, count: clauseOfSlot.count)
        costs = clauseOfSlot.map { plan.clauses[$0].cost }
    }
}

/// Owns the memory of a segment search's cursors.
final class CursorStorage<Cursor> {
    let base: UnsafeMutablePointer<Cursor>
    private let count: Int

    init(_ cursors: [Cursor]) {
        count = cursors.count
        base = .allocate(capacity: max(1, count))
        base.initialize(from: cursors, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

extension SegmentSearch {

    /// The first read error met by any cursor.
    var failure: String? { (0..<cursorCount).lazy.compactMap { cursors[$0].readFailure }.first }

    // MARK: - Top k

    /// Offers every statement of the segment that can still enter `collector`.
    mutating func collect(into collector: inout TopKCollector) {
        if isEmpty || maxDoc == 0 { return }
        if groups.isEmpty {
            scan(into: &collector)
        } else if groups.count == 1 {
            maxScore(group: groups[0], into: &collector)
        } else {
            if conditionIsGroups && groupsAreDisjoint && groups.count < Int(UInt8.max) {
                windowedConjunction(into: &collector)
            } else {
                conjunction(into: &collector)
            }
        }
    }

    private mutating func maxScore(group: [Int], into collector: inout TopKCollector) {
        var inGroup = Array(repeating: false, count: cursorCount)
        for slot in group { inGroup[slot] = true }
        let outside = scorers.filter { !inGroup[$0] }
        var sortedGroup = group
        var byDensity = group
        var leftOut = Array(repeating: false, count: cursorCount)
        var windowScratch: WindowScores? = nil
        var essential: [Int] = []
        var remaining: [Int] = []
        essential.reserveCapacity(group.count)
        remaining.reserveCapacity(cursorCount)
        var doc: Int32 = 0
        while doc < maxDoc {
            let (windowEnd, total) = window(from: doc)
            var threshold = collector.threshold
            if total <= threshold {
                doc = windowEnd &+ 1
                continue
            }
            // Partition: group members whose bounds together, with everything outside the group, cannot beat
            // the threshold are non-essential in this window: a statement with nothing else cannot make it,
            // so candidates come from the essential members only, and the others are probed.
            var budget: Float = 0
            for slot in outside { budget += bounds[slot] }
            partition(
                sortedGroup: &sortedGroup,
                byDensity: &byDensity,
                budget: budget,
                threshold: threshold,
                into: &leftOut
            )
            essential.removeAll(keepingCapacity: true)
            remaining.removeAll(keepingCapacity: true)
            for slot in sortedGroup {
                if leftOut[slot] {
                    if cursors[slot].weight > 0 { remaining.append(slot) }
                } else {
                    essential.append(slot)
                }
            }
            if essential.isEmpty {
                doc = windowEnd &+ 1
                continue
            }
            remaining.append(contentsOf: outside)
            let remainingTotal = rankByBound(&remaining)
            if essential.count == 1 {
                single(
                    essential[0],
                    to: windowEnd,
                    from: doc,
                    remaining: remaining,
                    remainingTotal: remainingTotal,
                    threshold: &threshold,
                    collector: &collector
                )
                doc = windowEnd &+ 1
                continue
            }
            if conditionIsGroups {
                // Every posting matches: sum the essential clauses' scores from their decoded blocks.
                let scratch = windowScratch ?? WindowScores()
                windowScratch = scratch
                let end = min(windowEnd, doc &+ Int32(WindowScores.capacity - 1))
                let count = accumulate(essential, from: doc, through: end, into: scratch)
                if count > 0, !remaining.isEmpty, remaining.allSatisfy({ !cursors[$0].isPhrase }) {
                    var postings = 0.0
                    for slot in remaining { postings += Double(cursors[slot].postingsCount) }
                    if readsAlong(
                        postingsPerStatement: postings / Double(maxDoc),
                        length: end &- doc &+ 1,
                        candidates: count
                    ) {
                        // The other clauses dense here: their postings are read once, not probed per candidate.
                        // Every score is complete: no clause is left to probe, so order does not matter.
                        addScores(remaining, from: doc, through: end, into: scratch)
                        for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
                            let score = scratch.scores[Int(offset)]
                            scratch.reset(offset)
                            offerOutOfOrder(doc &+ offset, score: score, threshold: &threshold, collector: &collector)
                        }
                        doc = end &+ 1
                        continue
                    }
                }
                putInOrder(count, of: essential, from: doc, through: end, in: scratch)
                for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
                    let partial = scratch.scores[Int(offset)]
                    scratch.reset(offset)
                    if partial + remainingTotal <= threshold { continue }
                    process(
                        doc &+ offset,
                        partial: partial,
                        remaining: remaining,
                        remainingTotal: remainingTotal,
                        threshold: &threshold,
                        collector: &collector,
                        checkingCondition: false
                    )
                }
                doc = end &+ 1
                continue
            }
            for slot in essential { cursors[slot].advance(to: doc) }
            while true {
                var candidate = Int32.max
                for slot in essential { candidate = min(candidate, cursors[slot].doc) }
                if candidate > windowEnd { break }
                var partial: Float = 0
                for slot in essential where cursors[slot].doc == candidate && cursors[slot].weight > 0 {
                    partial += cursors[slot].score()
                }
                process(
                    candidate,
                    partial: partial,
                    remaining: remaining,
                    remainingTotal: remainingTotal,
                    threshold: &threshold,
                    collector: &collector
                )
                for slot in essential where cursors[slot].doc == candidate { cursors[slot].next() }
            }
            doc = windowEnd &+ 1
        }
    }

    /// Marks in `leftOut` the members of `sortedGroup` left non-essential: a set whose bounds sum, with
    /// `budget`, to no more than `threshold`. Choosing it is a knapsack that would leave the fewest
    /// postings to read; two greedy fills are tried, the weakest bounds first (the most members) and, for a
    /// small group, the most postings per unit of bound first (a costly member with a modest bound, as an
    /// answer field beside a rarer question field), and the one leaving out more postings wins.
    ///
    /// `byDensity` holds the same members (in any order); it is sorted here, kept to spare an allocation
    /// per window.
    @inline(__always)
    private func partition(
        sortedGroup: inout [Int],
        byDensity: inout [Int],
        budget: Float,
        threshold: Float,
        into leftOut: inout [Bool]
    ) {
        for slot in sortedGroup { leftOut[slot] = false }
        sortedGroup.sort { bounds[$0] < bounds[$1] }
        var spent = budget
        var weakestCost = 0
        var weakestCount = 0
        for slot in sortedGroup {
            if spent + bounds[slot] > threshold { break }
            spent += bounds[slot]
            weakestCost += costs[slot]
            weakestCount += 1
        }
        if sortedGroup.count > 1 && sortedGroup.count <= 8 {
            // Most postings per unit of bound first (cross-multiplied: a zero bound comes first).
            byDensity.sort { Float(costs[$0]) * bounds[$1] > Float(costs[$1]) * bounds[$0] }
            spent = budget
            var densestCost = 0
            for slot in byDensity where spent + bounds[slot] <= threshold {
                spent += bounds[slot]
                densestCost += costs[slot]
                leftOut[slot] = true
            }
            if densestCost > weakestCost { return }
            for slot in byDensity { leftOut[slot] = false }
        }
        for slot in sortedGroup.prefix(weakestCount) { leftOut[slot] = true }
    }

    /// Whether reading clauses with `postingsPerStatement` postings per statement of the segment along a
    /// window of `length` statements costs less than probing them for `candidates` statements.
    @inline(__always)
    private func readsAlong(postingsPerStatement: Double, length: Int32, candidates: Int) -> Bool {
        Double(length) * postingsPerStatement <= Double(candidates) * scanPerProbe
    }

    /// The common case of one essential clause: a tight loop over its postings in the window.
    @inline(__always)
    private mutating func single(
        _ slot: Int,
        to windowEnd: Int32,
        from doc: Int32,
        remaining: [Int],
        remainingTotal: Float,
        threshold: inout Float,
        collector: inout TopKCollector
    ) {
        // A phrase skips, without reading positions, the documents whose bound cannot make it.
        var candidate = cursors[slot].advance(to: doc, atLeast: threshold - remainingTotal, through: windowEnd)
        let scores = cursors[slot].weight > 0
        let isPhrase = cursors[slot].isPhrase
        if conditionIsGroups && !isPhrase && scores {
            // Every posting matches: score them straight from the decoded block.
            if candidate > windowEnd { return }
            let scorer = cursors[slot].scorer
            // Low frequencies that cannot make it even in the window's shortest field are not scored.
            let unscored = cursors[slot].unscoredFrequencies(below: threshold - remainingTotal)
            cursors[slot].forEach(through: windowEnd) { doc, frequency in
                if frequency <= unscored { return }
                let partial = scorer.score(frequency: frequency, at: doc)
                if partial + remainingTotal > threshold {
                    process(
                        doc,
                        partial: partial,
                        remaining: remaining,
                        remainingTotal: remainingTotal,
                        threshold: &threshold,
                        collector: &collector,
                        checkingCondition: false
                    )
                }
            }
            return
        }
        while candidate <= windowEnd {
            let partial = scores ? cursors[slot].score() : 0
            if partial + remainingTotal > threshold {
                process(
                    candidate,
                    partial: partial,
                    remaining: remaining,
                    remainingTotal: remainingTotal,
                    threshold: &threshold,
                    collector: &collector
                )
            }
            candidate =
                isPhrase
                ? cursors[slot].advance(to: candidate &+ 1, atLeast: threshold - remainingTotal, through: windowEnd)
                : cursors[slot].next()
        }
    }

    /// Statements in every group, found window by window. The cheapest group's postings in the window are
    /// read in one pass straight from their decoded blocks, summing its clauses' scores per statement in a
    /// buffer. Where the other groups are dense, their postings in the window are read along the same way;
    /// elsewhere, in document order, a statement whose score with the other groups' bounds can still beat
    /// the k-th is probed in the other groups, one group at a time, and dropped at the first it lacks.
    private mutating func windowedConjunction(into collector: inout TopKCollector) {
        let lead = groups[0]
        let followers = Array(groups.dropFirst())
        let (followerSlots, followerEnds) = Self.flattened(followers)
        let scratch = WindowScores()
        var inGroup = Array(repeating: false, count: cursorCount)
        for group in groups { for slot in group { inGroup[slot] = true } }
        let outside = scorers.filter { !inGroup[$0] }
        var remaining: [Int] = []
        remaining.reserveCapacity(outside.count)
        // Followers can be scanned when they are terms (a phrase is checked at its candidates only);
        // their postings per statement tell whether a window is cheaper scanned or probed.
        let followersScannable = followerSlots.allSatisfy { !cursors[$0].isPhrase }
        let followerDensity =
            followerSlots.reduce(0.0) { $0 + Double(cursors[$1].postingsCount) } / Double(max(1, maxDoc))
        // Bounds of the follower groups from each one on, and of the clauses outside the groups.
        var followerBounds = Array(repeating: Float(0), count: followers.count + 1)
        var doc: Int32 = 0
        while doc < maxDoc {
            var (windowEnd, total) = window(from: doc)
            windowEnd = min(windowEnd, doc &+ Int32(WindowScores.capacity - 1))
            var threshold = collector.threshold
            if total <= threshold {
                doc = windowEnd &+ 1
                continue
            }
            remaining.removeAll(keepingCapacity: true)
            remaining.append(contentsOf: outside)
            let outsideTotal = rankByBound(&remaining)
            followerBounds[followers.count] = outsideTotal
            for g in followers.indices.reversed() {
                var sum: Float = 0
                for slot in followers[g] where cursors[slot].weight > 0 { sum += bounds[slot] }
                followerBounds[g] = followerBounds[g + 1] + sum
            }
            let count = accumulate(lead, from: doc, through: windowEnd, into: scratch)
            if count > 0, followersScannable,
                readsAlong(postingsPerStatement: followerDensity, length: windowEnd &- doc &+ 1, candidates: count)
            {
                // Followers dense in this window: their postings are read once, in order, instead of a probe
                // per candidate.
                scanFollowers(followerSlots, ends: followerEnds, from: doc, through: windowEnd, into: scratch)
                let complete = UInt8(truncatingIfNeeded: followerEnds.count)
                // With no clause outside the groups, every score is complete and order does not matter;
                // otherwise those clauses are probed, in document order.
                if !remaining.isEmpty { putInOrder(count, of: lead, from: doc, through: windowEnd, in: scratch) }
                for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
                    let partial = scratch.scores[Int(offset)]
                    let isComplete = scratch.levels[Int(offset)] == complete
                    scratch.reset(offset)
                    guard isComplete else { continue }
                    if remaining.isEmpty {
                        offerOutOfOrder(doc &+ offset, score: partial, threshold: &threshold, collector: &collector)
                        continue
                    }
                    guard partial + outsideTotal > threshold else { continue }
                    process(
                        doc &+ offset,
                        partial: partial,
                        remaining: remaining,
                        remainingTotal: outsideTotal,
                        threshold: &threshold,
                        collector: &collector,
                        checkingCondition: false
                    )
                }
                doc = windowEnd &+ 1
                continue
            }
            putInOrder(count, of: lead, from: doc, through: windowEnd, in: scratch)
            candidateLoop: for offset in UnsafeBufferPointer(start: scratch.offsets, count: count) {
                var partial = scratch.scores[Int(offset)]
                scratch.reset(offset)
                let candidate = doc &+ offset
                var start = 0
                for g in 0..<followerEnds.count {
                    if partial + followerBounds[g] <= threshold { continue candidateLoop }
                    var found = false
                    for k in start..<followerEnds[g] {
                        let slot = followerSlots[k]
                        if cursors[slot].probe(candidate) {
                            found = true
                            if cursors[slot].weight > 0 { partial += cursors[slot].score() }
                        }
                    }
                    if !found { continue candidateLoop }
                    start = followerEnds[g]
                }
                process(
                    candidate,
                    partial: partial,
                    remaining: remaining,
                    remainingTotal: outsideTotal,
                    threshold: &threshold,
                    collector: &collector,
                    checkingCondition: false
                )
            }
            doc = windowEnd &+ 1
        }
    }

    /// After ``accumulate(_:from:through:into:)`` of the lead group: adds the follower groups' scores to the
    /// statements of the window that the lead and every earlier follower group have, and counts in
    /// `scratch.levels` how many follower groups each has (all of them: a match).
    private mutating func scanFollowers(
        _ slots: [Int],
        ends: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) {
        let scores = scratch.scores
        let seen = scratch.seen
        let levels = scratch.levels
        var start = 0
        for g in ends.indices {
            // A statement with the lead and the `g` groups before is at level g; found in this group, g + 1.
            let level = UInt8(truncatingIfNeeded: g)
            for k in start..<ends[g] {
                let slot = slots[k]
                if cursors[slot].advance(to: doc) > windowEnd { continue }
                let scoring = cursors[slot].weight > 0
                let scorer = cursors[slot].scorer
                cursors[slot].forEach(through: windowEnd) { at, frequency in
                    let i = Int(at &- doc)
                    guard seen[i], levels[i] &- level <= 1 else { return }
                    levels[i] = level &+ 1
                    if scoring { scores[i] += scorer.score(frequency: frequency, at: at) }
                }
            }
            start = ends[g]
        }
    }

    /// Adds the scores of `slots` from `doc` through `windowEnd` to the statements of the window already
    /// in `scratch` (by ``accumulate(_:from:through:into:)``), reading their postings in one pass.
    private mutating func addScores(
        _ slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) {
        let scores = scratch.scores
        let seen = scratch.seen
        for slot in slots {
            if cursors[slot].advance(to: doc) > windowEnd { continue }
            let scorer = cursors[slot].scorer
            cursors[slot].forEach(through: windowEnd) { at, frequency in
                let i = Int(at &- doc)
                if seen[i] { scores[i] += scorer.score(frequency: frequency, at: at) }
            }
        }
    }

    /// Reads the postings of `slots` from `doc` through `windowEnd` (at most ``WindowScores/capacity``
    /// documents) straight from their decoded blocks, summing their scores per statement into `scratch`;
    /// returns how many statements they have, whose offsets are then `scratch.offsets`, in order of first
    /// sight (see ``putInOrder(_:of:from:through:in:)``).
    private mutating func accumulate(
        _ slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        into scratch: WindowScores
    ) -> Int {
        let scores = scratch.scores
        let seen = scratch.seen
        let offsets = scratch.offsets
        var count = 0
        for slot in slots {
            if cursors[slot].advance(to: doc) > windowEnd { continue }
            let scoring = cursors[slot].weight > 0
            let scorer = cursors[slot].scorer
            // No branch on the data: whether a statement was seen is a coin toss.
            cursors[slot].forEach(through: windowEnd) { at, frequency in
                let i = Int(at &- doc)
                offsets[count] = at &- doc
                count &+= seen[i] ? 0 : 1
                seen[i] = true
                if scoring { scores[i] += scorer.score(frequency: frequency, at: at) }
            }
        }
        return count
    }

    /// Puts the `count` offsets that ``accumulate(_:from:through:into:)`` left in `scratch` for `slots` in
    /// document order (several clauses leave them in order of first sight): dense windows are rescanned
    /// (no branch per offset), sparse ones sorted.
    private func putInOrder(
        _ count: Int,
        of slots: [Int],
        from doc: Int32,
        through windowEnd: Int32,
        in scratch: WindowScores
    ) {
        guard slots.count > 1 else { return }
        let length = Int(windowEnd &- doc) &+ 1
        if count &* 2 >= length {
            var k = 0
            for i in 0..<length {
                scratch.offsets[k] = Int32(truncatingIfNeeded: i)
                k &+= scratch.seen[i] ? 1 : 0
            }
        } else {
            var met = UnsafeMutableBufferPointer(start: scratch.offsets, count: count)
            met.sort()
        }
    }

    /// Offers a statement met out of document order in its window, its score complete: one scoring as
    /// much as the k-th may still win on its earlier address, which the collector decides.
    @inline(__always)
    private func offerOutOfOrder(_ doc: Int32, score: Float, threshold: inout Float, collector: inout TopKCollector) {
        guard score >= threshold, isLive(doc) else { return }
        collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        threshold = collector.threshold
    }

    private mutating func conjunction(into collector: inout TopKCollector) {
        let lead = groups[0]
        let (otherSlots, otherEnds) = Self.flattened(groups.dropFirst())
        var isLead = Array(repeating: false, count: cursorCount)
        for slot in lead { isLead[slot] = true }
        let others = scorers.filter { !isLead[$0] }
        var remaining: [Int] = []
        remaining.reserveCapacity(others.count)
        var doc: Int32 = 0
        while doc < maxDoc {
            let (windowEnd, total) = window(from: doc)
            var threshold = collector.threshold
            if total <= threshold {
                doc = windowEnd &+ 1
                continue
            }
            remaining.removeAll(keepingCapacity: true)
            remaining.append(contentsOf: others)
            let othersTotal = rankByBound(&remaining)
            while doc <= windowEnd {
                var candidate = Int32.max
                for slot in lead { candidate = min(candidate, cursors[slot].advance(to: doc)) }
                if candidate > windowEnd {
                    doc = candidate
                    break
                }
                // The lead's exact score plus the others' block bounds: most candidates stop here, before
                // the other groups' postings are touched.
                var partial: Float = 0
                for slot in lead where cursors[slot].doc == candidate && cursors[slot].weight > 0 {
                    partial += cursors[slot].score()
                }
                if partial + othersTotal <= threshold {
                    doc = candidate &+ 1
                    continue
                }
                if let skipTo = firstMissingGroup(otherSlots, ends: otherEnds, at: candidate) {
                    doc = skipTo
                    continue
                }
                process(
                    candidate,
                    partial: partial,
                    remaining: remaining,
                    remainingTotal: othersTotal,
                    threshold: &threshold,
                    collector: &collector
                )
                doc = candidate &+ 1
            }
            doc = max(doc, windowEnd &+ 1)
        }
    }

    /// `nil` when every group has a clause on `doc`; otherwise the first document the missing group has.
    @inline(__always)
    private func firstMissingGroup(_ slots: [Int], ends: [Int], at doc: Int32) -> Int32? {
        var start = 0
        for end in ends {
            var next = Int32.max
            var found = false
            for index in start..<end {
                let slot = slots[index]
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

    private mutating func scan(into collector: inout TopKCollector) {
        var ceiling: Float = 0
        for slot in scorers { ceiling += cursors[slot].maxScore }
        for doc in 0..<maxDoc {
            if ceiling <= collector.threshold { return }
            guard isLive(doc), matches(condition, doc) else { continue }
            var score: Float = 0
            for slot in scorers where cursors[slot].probe(doc) { score += cursors[slot].score() }
            collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        }
    }

    /// Sorts `slots` by their bound in the current window, strongest first (the order in which `process`
    /// probes them, so it can stop early), and returns the sum of their bounds.
    @inline(__always)
    private func rankByBound(_ slots: inout [Int]) -> Float {
        slots.sort { bounds[$0] > bounds[$1] }
        var total: Float = 0
        for slot in slots { total += bounds[slot] }
        return total
    }

    /// Groups of slots as one flat array and the index where each group ends: probing a candidate then
    /// retains no inner array.
    private static func flattened<Groups: Collection<[Int]>>(_ groups: Groups) -> (slots: [Int], ends: [Int]) {
        var ends: [Int] = []
        for group in groups { ends.append((ends.last ?? 0) + group.count) }
        return (groups.flatMap { $0 }, ends)
    }

    /// The window from `doc` to the nearest region end of any scoring clause, and the sum of their bounds.
    /// Regions are whole postings blocks reaching at least `windowLength` statements on where the postings
    /// last (see ``ClauseCursor/regionBound(from:through:)``).
    @inline(__always)
    private mutating func window(from doc: Int32) -> (end: Int32, total: Float) {
        var end = maxDoc &- 1
        var total: Float = 0
        let wanted = min(end, doc &+ (windowLength &- 1))
        for slot in scorers {
            let (last, bound) = cursors[slot].regionBound(from: doc, through: wanted)
            bounds[slot] = bound
            total += bound
            end = min(end, last)
        }
        return (end, total)
    }

    @inline(__always)
    private mutating func process(
        _ doc: Int32,
        partial: Float,
        remaining: [Int],
        remainingTotal: Float,
        threshold: inout Float,
        collector: inout TopKCollector,
        checkingCondition: Bool = true
    ) {
        guard isLive(doc) else { return }
        var score = partial
        var left = remainingTotal
        for slot in remaining {
            if score + left <= threshold { return }
            if cursors[slot].probe(doc) { score += cursors[slot].score() }
            left -= bounds[slot]
        }
        guard score > threshold, !checkingCondition || matches(condition, doc) else { return }
        collector.offer(score: score, address: DocumentAddress(segment: segmentNumber, document: doc))
        threshold = collector.threshold
    }

    // MARK: - Matching

    @inline(__always)
    private func isLive(_ doc: Int32) -> Bool {
        if hasDeletions, segment.isDeleted(doc) { return false }
        if let dates, !dates.contains(segment.date(doc)) { return false }
        return true
    }

    /// Whether `doc` satisfies `condition`. Documents must be asked in increasing order.
    private mutating func matches(_ condition: MatchCondition, _ doc: Int32) -> Bool {
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

    // MARK: - Every match

    /// Every live statement of the segment that matches, in order, without scoring or pruning.
    mutating func allMatches(into result: inout [DocumentAddress]) {
        if isEmpty || maxDoc == 0 { return }
        guard let lead = groups.first else {
            for doc in 0..<maxDoc where isLive(doc) && matches(condition, doc) {
                result.append(DocumentAddress(segment: segmentNumber, document: doc))
            }
            return
        }
        var doc: Int32 = 0
        while doc < maxDoc {
            var candidate = Int32.max
            for slot in lead { candidate = min(candidate, cursors[slot].advance(to: doc)) }
            if candidate >= maxDoc { return }
            if isLive(candidate), matches(condition, candidate) {
                result.append(DocumentAddress(segment: segmentNumber, document: candidate))
            }
            doc = candidate &+ 1
        }
    }

    /// The scoring clauses present on `doc`, with their frequency and score, for explanations.
    mutating func contributions(at doc: Int32) -> [(clause: Int, frequency: UInt32, score: Float)] {
        var result: [(clause: Int, frequency: UInt32, score: Float)] = []
        for slot in scorers where cursors[slot].probe(doc) {
            result.append((clauseOfSlot[slot], cursors[slot].frequency, cursors[slot].score()))
        }
        return result
    }
}
