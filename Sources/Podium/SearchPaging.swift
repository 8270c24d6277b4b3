import SearchQuery

/// The order of a search's hits (`--sort`).
public enum SortOrder: String, Sendable, CaseIterable {
    /// The best match first (`relevance`).
    case relevance
    /// The earliest statement first, undated ones last (`date`).
    case oldestFirst = "date"
    /// The latest statement first, undated ones last (`-date`).
    case newestFirst = "-date"

    var searchSort: SearchSort {
        switch self {
        case .relevance: return .relevance
        case .oldestFirst: return .oldestFirst
        case .newestFirst: return .newestFirst
        }
    }
}

/// What a facet counts over the matches (`--facet`).
public enum FacetField: String, Sendable, CaseIterable {
    /// The speaker, by the resolved name the statement holds.
    case speaker
    /// The journalist's outlet.
    case outlet
    /// The statement's language (`en`, `zh`).
    case language
    /// The kind of statement (`answer`, `statement`, ...).
    case kind
    /// The year of the statement's date; undated statements count as `undated`.
    case year

    var facet: Facet { self == .year ? .year : .column(rawValue) }

    /// The name a statement without a value of this field is counted under.
    public var missingValue: String { self == .year ? "undated" : "unknown" }
}

/// The counts of one facet's values over every match of a search.
public struct FacetResult: Sendable, Hashable {
    /// One value and how many matches have it.
    public struct Value: Sendable, Hashable {
        /// The value: a name, a language code, a year (`2019`), or the field's ``FacetField/missingValue``.
        public var value: String
        /// How many matching statements have it.
        public var count: Int
        /// Whether this counts the matches without a value (`value` is then the field's `missingValue`).
        public var isMissing: Bool
    }

    /// What was counted.
    public var field: FacetField
    /// Every value with its count; the counts add up to the search's total. Years in order (undated last),
    /// other values by count, the largest first.
    public var values: [Value]

    init(field: FacetField, counts: FacetCounts) {
        self.field = field
        values = counts.values.map {
            Value(value: $0.value ?? field.missingValue, count: $0.count, isMissing: $0.value == nil)
        }
    }
}
