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
    /// The bigrams a lone CJK character of the query was expanded to, each with that character: a snippet
    /// marks the character, not the whole bigram (`低**碳**`, not `**低碳**`).
    public var highlightCharacters: [String: String] = [:]
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
