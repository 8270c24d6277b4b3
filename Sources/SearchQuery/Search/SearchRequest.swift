/// What to search for.
public struct SearchRequest: Hashable, Sendable {
    /// The query text; `nil` ranks by `topic` alone.
    public var query: String?
    /// What juxtaposed words mean.
    public var mode: DefaultMode
    /// A topic whose entries reorder the matches (the query still decides what matches), or, without a
    /// query, rank the statements on their own.
    public var topic: String?
    /// Only statements dated inside (a start and an end date: see ``DateRange/init(since:until:)``).
    public var dates: DateRange?
    /// How many hits to return.
    public var limit: Int
    /// Whether to say which clauses gave each score.
    public var explain: Bool
    /// The order of the hits.
    public var sort: SearchSort
    /// How many hits of that order to pass over before the `limit` returned: pages follow one total order
    /// (ties broken by score, then address), so they neither skip nor repeat a statement.
    public var offset: Int
    /// What to count over every match.
    public var facets: [Facet]
    /// Whether ``SearchResults/total`` must be exact even for a plain ranked search (which otherwise may
    /// give a lower bound where pruning skipped statements). Facets, a date sort and an offset always
    /// count exactly.
    public var exactTotal: Bool
    /// Also search words by their synonyms across languages (the set's cross-language groups).
    public var crossLanguage = false
    /// BM25F's parameters for this request; `nil` for the searcher's own (a tuning knob).
    public var ranking: RankingParameters?
    /// How statements gain where the query's words stand near each other (and how CJK runs rank).
    public var proximity: Proximity

    /// A request; every part but the query or topic is optional.
    public init(
        query: String? = nil,
        mode: DefaultMode = .any,
        topic: String? = nil,
        dates: DateRange? = nil,
        limit: Int = 10,
        explain: Bool = false,
        sort: SearchSort = .relevance,
        offset: Int = 0,
        facets: [Facet] = [],
        exactTotal: Bool = false,
        ranking: RankingParameters? = nil,
        proximity: Proximity = Proximity()
    ) {
        self.ranking = ranking
        self.proximity = proximity
        self.sort = sort
        self.offset = max(0, offset)
        self.facets = facets
        self.exactTotal = exactTotal
        self.query = query
        self.mode = mode
        self.topic = topic
        self.dates = dates
        self.limit = limit
        self.explain = explain
    }
}

/// The order of a search's hits.
public enum SearchSort: Hashable, Sendable {
    /// The best score first; equal scores in address order.
    case relevance
    /// The latest date first; undated statements last; equal dates by score, then address.
    case newestFirst
    /// The earliest date first; undated statements last; equal dates by score, then address.
    case oldestFirst
}

/// What a facet counts over the matches of a search.
public enum Facet: Hashable, Sendable {
    /// The values of a keyword column of the index's schema (by its name).
    case column(String)
    /// The year of the date; undated statements have none.
    case year
}
