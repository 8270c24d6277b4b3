import TextAnalysis

/// Turns a syntax tree into a ``QueryPlan``: analyzes words, expands prefixes and topics, merges repeated
/// clauses (a word typed twice counts twice, as in Lucene), and computes IDFs from the index.
struct QueryPlanner<Index: QueryIndex> {
    /// The most terms one `prefix*` word expands to per field; the most frequent are kept.
    static var prefixLimit: Int { 64 }
    /// The most bigrams a lone CJK character expands to per field, of those that start with it and of those
    /// that end with it; the most frequent are kept.
    static var characterLimit: Int { 512 }

    let index: Index
    let analyzer: Analyzer
    let topics: TopicSet
    let weights: FieldWeights
    let query: String
    private(set) var plan = QueryPlan()
    /// Where the clauses' document frequencies come from; the postings opened for them are kept there.
    let opened: OpenedPostings<Index.Segment>
    private var clauseIndex: [PlanClause.Key: Int] = [:]
    private var dropsStopWords = true
    /// Pairs of near words and whole CJK runs to score (see `QueryPlanner+Runs.swift`).
    var proximity = Proximity.off
    /// Whether the words being planned are required (`--every-word`, `+word`): a CJK run then requires its
    /// two end bigrams, and the parts of one word (`华为5G网络`) are all required.
    var wordsRequired = false
    /// The query's scoring words in order, for proximity pairs.
    var sequence: [SequenceItem] = []

    init(
        index: Index,
        analyzer: Analyzer,
        topics: TopicSet,
        weights: FieldWeights,
        query: String,
        opened: OpenedPostings<Index.Segment>
    ) {
        self.index = index
        self.opened = opened
        self.analyzer = analyzer
        self.topics = topics
        self.weights = weights
        self.query = query
    }

    /// Plans `node`; when `topic` is given, its entries add to the score without changing what matches.
    static func plan(
        _ node: QueryNode?,
        topic: Topic?,
        dates: DateRange?,
        index: Index,
        analyzer: Analyzer,
        topics: TopicSet,
        weights: FieldWeights,
        query: String,
        opened: OpenedPostings<Index.Segment>,
        proximity: Proximity = .off,
        mode: DefaultMode = .any
    ) throws(SearchError) -> QueryPlan {
        var fresh = QueryPlanner(
            index: index,
            analyzer: analyzer,
            topics: topics,
            weights: weights,
            query: query,
            opened: opened
        )
        fresh.proximity = proximity
        fresh.wordsRequired = mode == .all
        var planner = fresh
        var predicate = try planner.build(node, topic: topic)
        if planner.plan.clauses.isEmpty, node != nil {
            // Nothing but stop words ("to be or not to be"): search them after all.
            planner = fresh
            planner.dropsStopWords = false
            predicate = try planner.build(node, topic: topic)
        }
        if let dates { predicate = .all([predicate, .date(dates)]) }
        try planner.addPairs()
        planner.plan.condition = predicate
        try planner.computeStatistics()
        return planner.plan
    }

    private mutating func build(_ node: QueryNode?, topic: Topic?) throws(SearchError) -> MatchCondition {
        let topicPredicate = topic.map { self.topic($0, scoring: true) }
        guard let node else { return topicPredicate ?? .matchNone }
        return try self.node(node, scoring: true) ?? .matchNone
    }

    // MARK: - Nodes

    private mutating func node(_ node: QueryNode, scoring: Bool) throws(SearchError) -> MatchCondition? {
        switch node {
        case .word(let text, let field, let isPrefix, _):
            let fields = self.fields(field)
            if isPrefix {
                breakSequence()
                return try prefix(text, fields: fields, scoring: scoring)
            }
            var predicates: [MatchCondition] = []
            let units = self.units(of: analyzer.tokens(text), splitAtGaps: true)
            let parts = scoring ? units.flatMap(Self.splitAtScripts) : units
            for unit in parts {
                if unit.terms.count == 1, dropsStopWords, analyzer.isStopWord(unit.terms[0]) { continue }
                if unit.terms.count == 1, Self.isOneCJKCharacter(unit.terms[0]) {
                    breakSequence()
                    predicates.append(try character(unit.terms[0], fields: fields, scoring: scoring))
                    continue
                }
                if scoring, Self.isCJKRun(unit) {
                    predicates.append(run(unit, fields: fields, inSequence: field == nil))
                    continue
                }
                if scoring && field == nil { record(unit) } else { breakSequence() }
                predicates.append(clause(fields: fields, unit, scoring: scoring, origin: "query"))
            }
            return combine(predicates, splitAtScripts: parts.count > units.count)
        case .phrase(let text, let field, _):
            breakSequence()
            guard let unit = units(of: analyzer.tokens(text), splitAtGaps: false).first else { return nil }
            return clause(fields: fields(field), unit, scoring: scoring, origin: "query")
        case .keyword(let keyword, let value, _):
            breakSequence()
            guard let field = index.fieldNumber(named: keyword.indexField) else { return .matchNone }
            return clause(
                fields: [(field, 0, keyword.indexField)],
                Unit(terms: [value], offsets: [0]),
                scoring: false,
                origin: "filter"
            )
        case .date(let range, _):
            return .date(range)
        case .topic(let name, let range):
            breakSequence()
            guard let topic = topics[name] else {
                let known = topics.names.joined(separator: ", ")
                throw .syntax(
                    QuerySyntaxError(
                        .unknownTopic,
                        "no topic named '\(name)'" + (known.isEmpty ? "" : " (the topics are: \(known))"),
                        byteOffset: range.lowerBound,
                        in: query
                    )
                )
            }
            return self.topic(topic, scoring: scoring)
        case .boolean(let clauses):
            return try boolean(clauses, scoring: scoring)
        }
    }

    private mutating func boolean(_ clauses: [QueryClause], scoring: Bool) throws(SearchError) -> MatchCondition? {
        var required: [MatchCondition] = []
        var filters: [MatchCondition] = []
        var optional: [MatchCondition] = []
        var excluded: [MatchCondition] = []
        let outerRequired = wordsRequired
        defer { wordsRequired = outerRequired }
        for clause in clauses {
            wordsRequired = clause.occur == .must
            switch clause.occur {
            case .must:
                guard let p = try node(clause.node, scoring: scoring) else { continue }
                if clause.node.isFilter { filters.append(p) } else { required.append(p) }
            case .should: if let p = try node(clause.node, scoring: scoring) { optional.append(p) }
            case .mustNot:
                breakSequence()
                if let p = try node(clause.node, scoring: false) { excluded.append(p) }
            }
        }
        // A required word makes the other words optional (they only add to the score), as in Lucene; a
        // required filter does not: `china date:2019` is China in 2019, not everything of 2019.
        var parts: [MatchCondition]
        if !required.isEmpty {
            parts = required
        } else if !optional.isEmpty {
            parts = [any(optional)]
        } else if !excluded.isEmpty || !filters.isEmpty {
            parts = filters.isEmpty ? [.matchAll] : []
        } else {
            return nil
        }
        parts += filters
        parts += excluded.map { .not($0) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func topic(_ topic: Topic, scoring: Bool) -> MatchCondition {
        var entries: [MatchCondition] = []
        for entry in topic.entries {
            guard let unit = units(of: analyzer.tokens(entry.text), splitAtGaps: false).first else { continue }
            let origin = "topic \(topic.name): \"\(entry.text)\" ×\(entry.weight)"
            entries.append(
                clause(fields: fields(nil), unit, scoring: scoring, boost: Float(entry.weight), origin: origin)
            )
        }
        return any(entries)
    }

    private mutating func prefix(
        _ text: String,
        fields: [(UInt8, Float, String)],
        scoring: Bool
    ) throws(SearchError) -> MatchCondition? {
        let prefix = text.lowercased()
        guard prefix.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        var expansion = PrefixExpansion(prefix: prefix, fields: [], terms: [], isTruncated: false)
        for (field, _, name) in fields {
            // Look at many candidates so that "the most frequent" is true of all but very broad prefixes.
            var terms = try index.terms(field: field, prefix: prefix, limit: 16 * Self.prefixLimit)
            let found = terms.count
            if found > Self.prefixLimit {
                var frequencies: [String: Int] = [:]
                for term in terms { frequencies[term] = try index.documentFrequency(field: field, term: term) }
                terms = Array(terms.sorted { (frequencies[$0]!, $1) > (frequencies[$1]!, $0) }.prefix(Self.prefixLimit))
                    .sorted()
            }
            if !terms.isEmpty { expansion.fields.append(name) }
            expansion.terms = Array(Set(expansion.terms).union(terms)).sorted()
            expansion.isTruncated = expansion.isTruncated || found > Self.prefixLimit
        }
        plan.expansions.append(expansion)
        // Each expanded term is one clause over every field searched, its frequencies combined.
        return any(
            expansion.terms.map { term in
                clause(fields: fields, Unit(terms: [term], offsets: [0]), scoring: scoring, origin: "query \(prefix)*")
            }
        )
    }

    /// A lone CJK character (`碳`): text is indexed as bigrams, so the character stands as a term of its own
    /// only where it stood alone; elsewhere it is inside the bigrams that start with it (`碳排`) or, at the
    /// end of a run, end with it (`低碳`). It matches its own term and those bigrams, which finds every
    /// statement that contains it, at most `characterLimit` bigrams of each side per field (the most
    /// frequent; the expansion says when more were left out).
    private mutating func character(
        _ term: String,
        fields: [(UInt8, Float, String)],
        scoring: Bool
    ) throws(SearchError) -> MatchCondition {
        var expansion = PrefixExpansion(prefix: term, fields: [], terms: [], isTruncated: false)
        expansion.isCharacter = true
        for (field, _, name) in fields {
            let limit = Self.characterLimit
            let starting = try index.terms(field: field, prefix: term, limit: 16 * limit)
            let ending = try index.terms(field: field, afterOneCharacter: term, limit: 16 * limit)
            var terms: [String] = []
            for side in [starting.filter { $0 != term }, ending] {
                var kept = side
                if side.count > limit {
                    var frequencies: [String: Int] = [:]
                    for t in side { frequencies[t] = try index.documentFrequency(field: field, term: t) }
                    kept = Array(side.sorted { (frequencies[$0]!, $1) > (frequencies[$1]!, $0) }.prefix(limit))
                    expansion.isTruncated = true
                }
                terms += kept
            }
            if starting.contains(term) { terms.append(term) }
            if !terms.isEmpty { expansion.fields.append(name) }
            expansion.terms = Array(Set(expansion.terms).union(terms)).sorted()
        }
        plan.expansions.append(expansion)
        return any(
            expansion.terms.map {
                clause(fields: fields, Unit(terms: [$0], offsets: [0]), scoring: scoring, origin: "query")
            }
        )
    }

    /// Whether `term` is one character of a CJK script (the analyzer's unigram for a lone character).
    static func isOneCJKCharacter(_ term: String) -> Bool {
        var scalars = term.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    // MARK: - Pieces

    struct Unit {
        var terms: [String]
        var offsets: [Int32]
        /// For a pair of near words, how far apart they may stand; 0 for a term or an exact phrase.
        var window: Int32 = 0
    }

    /// Tokens grouped into terms and phrases: a token joined to the previous one (`new-energy`, the bigrams
    /// of a CJK run) continues a phrase; with `splitAtGaps` a separator starts a new unit.
    func units(of tokens: [Token], splitAtGaps: Bool) -> [Unit] {
        var units: [Unit] = []
        var firstPosition = 0
        for token in tokens {
            if units.isEmpty || (splitAtGaps && !token.isJoinedToPrevious) {
                units.append(Unit(terms: [], offsets: []))
                firstPosition = token.position
            }
            units[units.count - 1].terms.append(token.term)
            units[units.count - 1].offsets.append(Int32(clamping: token.position - firstPosition))
        }
        return units
    }

    /// The fields to search a word in: the named one, or the content fields with their weights.
    func fields(_ field: TextField?) -> [(UInt8, Float, String)] {
        let wanted: [(TextField, Float)] = field.map { [($0, $0.isFilter ? 0 : 1)] } ?? weights.defaults
        return wanted.compactMap { field, weight in
            index.fieldNumber(named: field.rawValue).map { ($0, weight, field.rawValue) }
        }
    }

    /// The clause of `unit` over `fields`, merged with an equal one already planned: its scoring
    /// occurrences add up (`boost` each, when `scoring` and some field has a weight).
    mutating func clause(
        fields: [(UInt8, Float, String)],
        _ unit: Unit,
        scoring: Bool,
        boost occurrence: Float = 1,
        origin: String
    ) -> MatchCondition {
        if fields.isEmpty { return .matchNone }
        let boost = scoring && fields.contains { $0.1 > 0 } ? occurrence : 0
        let key = PlanClause.Key(
            fields: fields.map { PlanClause.Field(number: $0.0, name: $0.2, weight: $0.1) },
            terms: unit.terms,
            offsets: unit.offsets,
            window: unit.window
        )
        let position: Int
        if let existing = clauseIndex[key] {
            position = existing
        } else {
            position = plan.clauses.count
            clauseIndex[key] = position
            plan.clauses.append(PlanClause(key: key))
        }
        if boost > 0 {
            plan.clauses[position].boost += boost
            plan.clauses[position].origins.append(origin)
        }
        return .clause(position)
    }

    func any(_ predicates: [MatchCondition]) -> MatchCondition {
        let useful = predicates.filter { $0 != .matchNone }
        if useful.isEmpty { return .matchNone }
        return useful.count == 1 ? useful[0] : .any(useful)
    }

    private mutating func computeStatistics() throws(SearchError) {
        let count = index.liveDocumentCount
        for position in plan.clauses.indices {
            var idf: Float = 0
            var cost = 0
            let key = plan.clauses[position].key
            for term in key.terms {
                var largest = 0
                for field in key.fields {
                    let df = try opened.documentFrequency(field: field.number, term: term)
                    largest = max(largest, df)
                    cost += df
                }
                idf += BM25.idf(documentFrequency: largest, documentCount: count)
            }
            plan.clauses[position].idf = idf
            plan.clauses[position].cost = cost
        }
    }
}
