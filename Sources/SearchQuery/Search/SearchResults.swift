/// The ranked answer to a ``SearchRequest``.
public struct SearchResults: Sendable {
    /// The best statements, best first; ties go to the earlier address.
    public var hits: [SearchHit]
    /// How each `prefix*` word was expanded.
    public var expansions: [PrefixExpansion]
    /// The analyzed terms of the query's and topic's scoring clauses, for snippets to highlight.
    public var highlightTerms: Set<String>
    /// The query's and topic's scoring phrases, highlighted only where they occur whole.
    public var highlightPhrases: [PhrasePattern]
    /// How many statements match; a lower bound (never above the true count) when `totalIsExact` is false.
    public var total: Int
    /// Whether `total` is the exact count. A ranked search without facets, date sort or offset may stop
    /// short of counting where pruning skipped statements that could not enter the top k.
    public var totalIsExact: Bool
    /// The counts of each requested facet over every match, in the order asked.
    public var facets: [FacetCounts]
    /// The bigrams a lone CJK character of the query was expanded to, each with that character: a snippet
    /// marks the character, not the whole bigram (`低**碳**`, not `**低碳**`).
    public var highlightCharacters: [String: String] = [:]
    /// The words of the query that were also searched as their synonyms, and as what.
    public var synonyms: [SynonymExpansion] = []
}

/// The counts of one facet's values over the matches of a search.
public struct FacetCounts: Hashable, Sendable {
    /// One value and how many matches have it.
    public struct Value: Hashable, Sendable {
        /// The value (a year as four digits); `nil` for matches without one.
        public var value: String?
        /// The matches that have it.
        public var count: Int
    }

    /// What was counted.
    public var facet: Facet
    /// Every value met with its count, matches without a value included: the counts add up to the total.
    /// Years in chronological order (none last); other values by count, the largest first, then by value.
    public var values: [Value]
}

/// One ranked statement.
public struct SearchHit: Hashable, Sendable {
    /// Where the statement is in the snapshot.
    public var address: DocumentAddress
    /// Its BM25 score (query plus topic).
    public var score: Float
    /// The clauses behind the score, when asked for.
    public var explanation: Explanation?
}
