/// A query made ready to run: its scored and matched clauses, and the condition a statement must meet.
struct QueryPlan {
    /// Every distinct (field, term) or (field, phrase) the query touches, each once.
    var clauses: [PlanClause] = []
    /// The condition on clause matches, dates and deletions that decides whether a statement matches.
    var condition: MatchCondition = .matchNone
    /// What prefix expansion did, for the caller to report.
    var expansions: [PrefixExpansion] = []

    /// Indexes of the clauses that add to the score.
    var scoringClauses: [Int] { clauses.indices.filter { clauses[$0].boost > 0 } }
}

/// A term or an exact phrase in one field.
struct PlanClause: Hashable {
    struct Key: Hashable {
        var field: UInt8
        var terms: [String]
        /// Position of each term relative to the first (phrases only; `[0]` for a term).
        var offsets: [Int32]
    }

    var key: Key
    /// The field's name, for explanations.
    var fieldName: String
    /// The sum of the weights of every scoring occurrence: field weight × repetitions × topic weight.
    /// `0` for clauses that only match (filters, exclusions).
    var boost: Float = 0
    /// Lucene's IDF; for a phrase, the sum of its terms' IDFs.
    var idf: Float = 0
    /// Where the clause comes from (`query`, `topic ip: "patent" ×2.5`), for explanations.
    var origins: [String] = []
    /// Summed document frequency over its terms: the cost of iterating it.
    var cost: Int = 0

    var isPhrase: Bool { key.terms.count > 1 }
    /// `boost · idf`: what a saturated frequency would score.
    var weight: Float { boost * idf }

    /// `answer:patent` or `answer:"new energy"`.
    var label: String {
        key.terms.count == 1 ? "\(fieldName):\(key.terms[0])" : "\(fieldName):\"\(key.terms.joined(separator: " "))\""
    }
}

/// The matching condition of a plan.
indirect enum MatchCondition: Hashable {
    /// The clause occurs in the statement.
    case clause(Int)
    case any([MatchCondition])
    case all([MatchCondition])
    case not(MatchCondition)
    case date(DateRange)
    case matchAll
    case matchNone

    /// Clause indexes such that any matching statement contains at least one of them, cheapest choice
    /// first; `nil` when no such set exists (negations, dates, match-all). This is what lets the search
    /// generate candidates from postings instead of scanning every statement.
    func necessaryClauses(cost: (Int) -> Int) -> [Int]? {
        switch self {
        case .clause(let index): return [index]
        case .any(let children):
            var union: [Int] = []
            for child in children {
                guard let set = child.necessaryClauses(cost: cost) else { return nil }
                union.append(contentsOf: set)
            }
            return Array(Set(union)).sorted()
        case .all(let children):
            let sets = children.compactMap { $0.necessaryClauses(cost: cost) }
            return sets.min { a, b in a.reduce(0) { $0 + cost($1) } < b.reduce(0) { $0 + cost($1) } }
        case .matchNone: return []
        case .not, .date, .matchAll: return nil
        }
    }

    /// The groups candidates must belong to: one per required part of a top-level conjunction, or one for
    /// the whole predicate. A statement matches only if it is in (the union of) every group.
    func requiredGroups(cost: (Int) -> Int) -> [[Int]] {
        if case .all(let children) = self {
            return children.compactMap { $0.necessaryClauses(cost: cost) }
        }
        return necessaryClauses(cost: cost).map { [$0] } ?? []
    }

    /// Every date range the predicate requires at its top level, intersected: checked before scoring.
    var requiredDates: DateRange? {
        switch self {
        case .date(let range): return range
        case .all(let children):
            let ranges = children.compactMap(\.requiredDates)
            return ranges.isEmpty ? nil : ranges.dropFirst().reduce(ranges[0]) { $0.intersection($1) }
        default: return nil
        }
    }
}

/// How a `prefix*` word was expanded.
public struct PrefixExpansion: Hashable, Sendable {
    /// The prefix as typed, without the `*`.
    public var prefix: String
    /// The fields where terms were found.
    public var fields: [String]
    /// The terms used, over all fields, in order.
    public var terms: [String]
    /// Whether, in some field, more terms start with the prefix than the bound allows (the rarest were
    /// left out there).
    public var isTruncated: Bool
}
