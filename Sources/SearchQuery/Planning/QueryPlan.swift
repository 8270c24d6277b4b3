/// A query made ready to run: its scored and matched clauses, and the condition a statement must meet.
struct QueryPlan {
    /// Every distinct (field, term) or (field, phrase) the query touches, each once.
    var clauses: [PlanClause] = []
    /// The condition on clause matches, dates and deletions that decides whether a statement matches.
    var condition: MatchCondition = .matchNone
    /// What prefix expansion did, for the caller to report.
    var expansions: [PrefixExpansion] = []
}

/// A term or an exact phrase in one field.
struct PlanClause: Hashable {
    struct Key: Hashable {
        var field: UInt8
        var terms: [String]
        /// Position of each term relative to the first (phrases only; `[0]` for a term).
        var offsets: [Int32]
        /// For a pair of near words (two terms): how many positions apart they may stand, in either order.
        /// 0 for a term or an exact phrase.
        var window: Int32 = 0
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
    /// Whether the clause scores two words standing near each other (see ``Proximity``).
    var isPair: Bool { key.window > 0 }
    /// `boost · idf`: what a saturated frequency would score.
    var weight: Float { boost * idf }

    /// `answer:patent`, `answer:"new energy"`, or `answer:near(trade war, 8)` for a pair.
    var label: String {
        if isPair { return "\(fieldName):near(\(key.terms.joined(separator: " ")), \(key.window))" }
        return key.terms.count == 1
            ? "\(fieldName):\(key.terms[0])" : "\(fieldName):\"\(key.terms.joined(separator: " "))\""
    }
}
