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
