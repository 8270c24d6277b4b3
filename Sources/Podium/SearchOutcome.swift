/// The answer to a search.
public struct SearchOutcome: Sendable {
    /// The hits, in the order asked (the best first, by default).
    public var hits: [Hit]
    /// How many statements match; when `totalIsExact` is false, a lower bound (never above the true count),
    /// left short where the ranked search skipped statements that could not enter its top hits.
    public var total: Int
    /// Whether `total` is exact: always with facets, a date sort, an offset or `exactTotal`.
    public var totalIsExact: Bool
    /// The facets asked for, in that order.
    public var facets: [FacetResult]
    /// Notes worth showing: how `prefix*` words were expanded (and whether the expansion was cut short).
    public var notes: [String]
    /// A spelling suggestion when the query found little (``PodiumIndex/suggestionThreshold``).
    public var suggestion: SpellingSuggestion? = nil
}
