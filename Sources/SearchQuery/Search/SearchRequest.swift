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

    /// A request; every part but the query or topic is optional.
    public init(
        query: String? = nil,
        mode: DefaultMode = .any,
        topic: String? = nil,
        dates: DateRange? = nil,
        limit: Int = 10,
        explain: Bool = false
    ) {
        self.query = query
        self.mode = mode
        self.topic = topic
        self.dates = dates
        self.limit = limit
        self.explain = explain
    }
}
