/// A query made ready to run: its scored and matched clauses, and the condition a statement must meet.
struct QueryPlan {
    /// Every distinct (field, term) or (field, phrase) the query touches, each once.
    var clauses: [PlanClause] = []
    /// The condition on clause matches, dates and deletions that decides whether a statement matches.
    var condition: MatchCondition = .matchNone
    /// What prefix expansion did, for the caller to report.
    var expansions: [PrefixExpansion] = []
    /// The words searched by their synonyms too (`SynonymRewriter`).
    var synonyms: [SynonymExpansion] = []
}

/// A term or an exact phrase over one or more fields, scored once with its frequencies combined (BM25F).
struct PlanClause: Hashable {
    /// A field the clause is searched in, with the weight of an occurrence there.
    struct Field: Hashable {
        var number: UInt8
        var name: String
        /// What an occurrence adds to the combined frequency (before length normalization); 0 matches only.
        var weight: Float
    }

    struct Key: Hashable {
        /// The fields, in the order the query names them; one for `field:value` and filters.
        var fields: [Field]
        var terms: [String]
        /// Position of each term relative to the first (phrases only; `[0]` for a term).
        var offsets: [Int32]
        /// For a pair of near words (two terms): how many positions apart they may stand, in either order.
        /// 0 for a term or an exact phrase.
        var window: Int32 = 0
    }

    var key: Key
    /// The sum of the weights of every scoring occurrence: repetitions × topic weight.
    /// `0` for clauses that only match (filters, exclusions).
    var boost: Float = 0
    /// Lucene's IDF, each term's taken over the field where it is most frequent (as `combined_fields`
    /// does); for a phrase, the sum of its terms' IDFs.
    var idf: Float = 0
    /// Where the clause comes from (`query`, `topic ip: "patent" ×2.5`), for explanations.
    var origins: [String] = []
    /// Summed document frequency over its terms and fields: the cost of iterating it.
    var cost: Int = 0

    var isPhrase: Bool { key.terms.count > 1 }
    /// `boost · idf`: what an unbounded combined frequency would score.
    var weight: Float { boost * idf }

    /// Whether the clause scores two words standing near each other (see ``Proximity``).
    var isPair: Bool { key.window > 0 }

    /// `answer:patent`, `answer:"new energy"`, `title×0.5+question×1+answer×1:patent` for a clause over
    /// several fields, or `answer:near(trade war, 8)` for a pair.
    var label: String {
        let text =
            isPair
            ? "near(\(key.terms.joined(separator: " ")), \(key.window))"
            : key.terms.count == 1 ? key.terms[0] : "\"\(key.terms.joined(separator: " "))\""
        if key.fields.count == 1 { return "\(key.fields[0].name):\(text)" }
        let fields = key.fields.map { "\($0.name)×\(Self.format($0.weight))" }.joined(separator: "+")
        return "\(fields):\(text)"
    }

    private static func format(_ value: Float) -> String {
        let rounded = (Double(value) * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
