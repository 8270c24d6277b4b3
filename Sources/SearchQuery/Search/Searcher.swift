import SearchIndex
import TextAnalysis

/// Answers searches over one snapshot of a Podium index: the query language, BM25 with block-max pruning,
/// topics, and explanations.
///
/// ```swift
/// let snapshot = try IndexSnapshot.open(directory: "Index")
/// let searcher = Searcher(snapshot: snapshot, topics: try TopicSet.load(from: topicsURL))
/// let results = try searcher.search(SearchRequest(query: "patent* -trademark", topic: "ip", limit: 10))
/// ```
/// A searcher holds no mutable state after it is made; a search allocates its own cursors.
public final class Searcher: @unchecked Sendable {
    /// The snapshot searched.
    public let snapshot: IndexSnapshot
    private let engine: SearchEngine<IndexSnapshot>

    /// - Parameters:
    ///   - snapshot: An open index snapshot.
    ///   - analyzer: The analyzer the index was built with.
    ///   - topics: The topics `topic:NAME` and ``SearchRequest/topic`` may name.
    ///   - ranking: BM25F's field weights, saturation and length normalizations.
    ///   - synonyms: The synonyms a query's words are also searched as.
    public init(
        snapshot: IndexSnapshot,
        analyzer: Analyzer = Analyzer(),
        topics: TopicSet = TopicSet([]),
        ranking: RankingParameters = RankingParameters(),
        synonyms: SynonymSet = .empty
    ) {
        self.snapshot = snapshot
        engine = SearchEngine(index: snapshot, analyzer: analyzer, topics: topics, ranking: ranking, synonyms: synonyms)
    }

    /// The topics this searcher knows.
    public var topics: TopicSet { engine.topics }

    /// The best `request.limit` statements for a request.
    /// - Throws: ``SearchError``: a query without a reading (with the spot), an unknown topic, a damaged index.
    /// - Complexity: top-k with block-max pruning: most statements that cannot enter the top k are skipped
    ///   a postings block at a time, never scored.
    public func search(_ request: SearchRequest) throws(SearchError) -> SearchResults {
        try engine.search(request)
    }

    /// Every matching statement, in address order, without ranking.
    public func matches(_ request: SearchRequest) throws(SearchError) -> [DocumentAddress] {
        try engine.matches(request)
    }

    /// The stored fields of a hit's statement, as (name, value) pairs in schema order.
    public func storedFields(of address: DocumentAddress) throws(SearchError) -> [(name: String, value: String)] {
        guard address.segment >= 0, address.segment < snapshot.segments.count else {
            throw .index("no segment \(address.segment) in this snapshot")
        }
        return try snapshot.segments[address.segment].storedValues(address.document)
    }

    /// The best passage of `text` for a request, with the words it matched highlighted.
    public func snippet(of text: String, for results: SearchResults, maximumLength: Int = 300) -> Snippet {
        SnippetMaker(analyzer: engine.analyzer).snippet(
            of: text,
            terms: results.highlightTerms,
            phrases: results.highlightPhrases,
            characters: results.highlightCharacters,
            maximumLength: maximumLength
        )
    }
}
