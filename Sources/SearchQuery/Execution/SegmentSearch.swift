/// Runs one plan over one segment: candidate generation from postings, block-max pruning, the full
/// matching condition, and collection into a shared top-k.
///
/// Documents are taken a window at a time: whole postings blocks of every scoring clause, at least
/// ``WindowScores/capacity`` statements long by default where the postings last, each clause with a bound
/// from its blocks' impacts. Candidates come from the plan's required groups (see
/// ``MatchCondition/requiredGroups(cost:)``), one strategy per shape:
/// - One group (ranked OR, a single word, a phrase): block-max MaxScore (`SegmentSearch+MaxScore.swift`).
///   Per window, group members whose bounds together cannot beat the current k-th score are
///   *non-essential*: they never produce candidates, and are only probed (or read along, where dense) while
///   the running score can still make it.
/// - Several groups (`+a +b`, AND): the cheapest group leads, the others are probed with leapfrog skips
///   or, where dense, read along; windows whose summed bounds cannot beat the k-th score are skipped whole
///   (`SegmentSearch+Conjunction.swift`).
/// - No group (only exclusions or dates): every live statement is a candidate (``scan(into:)``).
///
/// Only statements that could enter the top k are checked against the full condition. When the condition
/// says no more than the groups (plain words, `+a +b`, phrases, dates), a statement found in the postings
/// needs no check, and the candidate clauses are read a window at a time straight from their decoded
/// blocks, without a call per posting (`SegmentSearch+Windows.swift`). Every strategy completes and offers
/// its candidates the same way, through a ``CandidateState`` (`SegmentSearch+Candidates.swift`).
struct SegmentSearch<Segment: QuerySegment> {
    typealias Cursor = FieldsCursor<Segment.Postings>

    let segment: Segment
    let segmentNumber: Int
    let condition: MatchCondition
    let dates: DateRange?
    let hasDeletions: Bool
    let maxDoc: Int32
    /// The cursors of the clauses present in this segment, densely numbered ("slots"), behind a pointer:
    /// mutating one in place costs no uniqueness or exclusivity check. `storage` owns the memory.
    private let storage: CursorStorage<Cursor>
    let cursors: UnsafeMutablePointer<Cursor>
    let cursorCount: Int
    /// Clause index → slot, `-1` when the segment lacks the clause.
    let slots: [Int]
    /// Slot → clause index.
    let clauseOfSlot: [Int]
    /// Slots of the clauses that add to the score.
    let scorers: [Int]
    /// Required groups as slots, cheapest first.
    let groups: [[Int]]
    /// Whether no clause belongs to two required groups.
    let groupsAreDisjoint: Bool
    /// Whether some required group has no clause in this segment, so nothing here can match.
    let isEmpty: Bool
    /// Whether the condition says no more than the groups (and dates): a statement in every group
    /// matches, so candidates need no check of the condition, and groups may be read window by window.
    let conditionIsGroups: Bool
    /// Block bounds by slot, for the current window.
    var bounds: [Float]
    /// How many postings of other clauses a window may hold per candidate and still be read in one pass
    /// rather than probed per candidate: reading a posting from a decoded block costs a few instructions,
    /// a probe a call and a search.
    let scanPerProbe: Double
    /// The fewest statements a window spans where the postings last, at most ``WindowScores/capacity``.
    let windowLength: Int32
    /// The cost of reading each slot's postings (its clause's document frequency).
    let costs: [Int]
    /// By slot, for a clause of several words outside the required groups: its words' term clauses' slots as
    /// bits, when each has one (see `SegmentSearch+Pairs.swift`); else 0.
    let wordMasks: [UInt64]
    /// The slots with a word mask: the clauses whose bounds come from their words' (see
    /// ``boundFromWords()``).
    let severalWords: [Int]
    /// For the clauses of `severalWords`, in order: for each of its legs, for each of its words (in slot
    /// order), the word's leg in the same field, or -1.
    let wordLegs: [Int]

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
        let required = plan.condition.requiredGroups { plan.clauses[$0].cost }
        let grouped = Set(required.joined())
        // Phrases and pairs that only score (outside the required groups) are only ever probed, at
        // increasing statements: they can share one cursor per term and field, and each term is read once.
        var shared: [FieldTerm: Segment.Postings] = [:]
        for (index, clause) in plan.clauses.enumerated() {
            let sharing = clause.isPhrase && clause.boost > 0 && !grouped.contains(index)
            let (legs, fields) = try Self.legs(
                of: clause,
                segment: segment,
                number: number,
                lengthFactors,
                opened,
                sharing: sharing,
                &shared
            )
            guard !legs.isEmpty else {
                slots.append(-1)
                continue
            }
            slots.append(cursors.count)
            clauseOfSlot.append(index)
            cursors.append(Cursor(legs: legs, fields: fields, weight: clause.weight, k1: lengthFactors.parameters.k1))
        }
        storage = CursorStorage(cursors)
        self.cursors = storage.base
        cursorCount = cursors.count
        self.slots = slots
        self.clauseOfSlot = clauseOfSlot
        scorers = clauseOfSlot.indices.filter { plan.clauses[clauseOfSlot[$0]].boost > 0 }
        let cost = { (slot: Int) in plan.clauses[clauseOfSlot[slot]].cost }
        let present = required.map { group in
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
        let masks = Self.wordMasks(plan, slots: slots, clauseOfSlot: clauseOfSlot, grouped: Set(distinct.joined()))
        wordMasks = masks
        severalWords = masks.indices.filter { masks[$0] != 0 }
        wordLegs = Self.wordLegs(plan, severalWords, masks, clauseOfSlot: clauseOfSlot, cursors: cursors)
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

    /// No required group: every live statement that matches is scored, until no statement can beat the
    /// k-th score.
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

    /// The cursors of `clause`'s fields that have all its terms in the segment (the legs of its
    /// ``FieldsCursor``), and each one's index among the clause's fields.
    private static func legs(
        of clause: PlanClause,
        segment: Segment,
        number: Int,
        _ lengthFactors: LengthFactors,
        _ opened: OpenedPostings<Segment>,
        sharing: Bool,
        _ shared: inout [FieldTerm: Segment.Postings]
    ) throws(SearchError) -> ([ClauseCursor<Segment.Postings>], [Int]) {
        var legs: [ClauseCursor<Segment.Postings>] = []
        var fields: [Int] = []
        for (position, field) in clause.key.fields.enumerated() {
            var postings: [Segment.Postings] = []
            for term in clause.key.terms {
                let key = FieldTerm(field: field.number, term: term)
                if sharing, let found = shared[key] {
                    postings.append(found)
                    continue
                }
                guard let found = try opened.postings(segment: number, field: field.number, term: term) else { break }
                if sharing { shared[key] = found }
                postings.append(found)
            }
            guard postings.count == clause.key.terms.count else { continue }
            legs.append(
                ClauseCursor(
                    postings: postings,
                    offsets: clause.key.offsets,
                    weight: field.weight,
                    norms: segment.normBytes(field: field.number).baseAddress,
                    lengthFactors: lengthFactors.table(for: field.number),
                    window: clause.key.window
                )
            )
            fields.append(position)
        }
        return (legs, fields)
    }

    // MARK: - Explanations

    /// The scoring clauses present on `doc`, with their score and each field's frequency and part of the
    /// combined frequency, for explanations.
    mutating func contributions(
        at doc: Int32
    ) -> [(clause: Int, score: Float, parts: [(field: Int, frequency: UInt32, part: Float)])] {
        var result: [(clause: Int, score: Float, parts: [(field: Int, frequency: UInt32, part: Float)])] = []
        for slot in scorers where cursors[slot].probe(doc) {
            result.append((clauseOfSlot[slot], cursors[slot].score(), cursors[slot].parts()))
        }
        return result
    }
}
