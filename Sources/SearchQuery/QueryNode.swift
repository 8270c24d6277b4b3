/// A parsed query: the syntax tree the parser builds and the searcher plans from.
///
/// Words and phrases keep their raw text; the analyzer turns them into index terms when the query is
/// planned, so that parsing stays independent of the analyzer and of the index. Every leaf keeps the
/// UTF-8 byte range it came from, so later stages (an unknown topic, say) can still point at the spot.
public indirect enum QueryNode: Hashable, Sendable {
    /// A word of free text, searched in `field` or, when `nil`, in the default content fields.
    /// With `isPrefix` (`patent*`) it stands for every indexed term that starts with it.
    case word(String, field: TextField?, isPrefix: Bool, at: Range<Int>)
    /// An exact phrase (`"new energy"`), searched in `field` or in the default content fields.
    case phrase(String, field: TextField?, at: Range<Int>)
    /// An exact keyword value: `lang:en`, `kind:release`. A filter: it never adds to the score.
    case keyword(KeywordField, String, at: Range<Int>)
    /// The statement's date within an inclusive range (`date:2019-05`). A filter.
    case date(DateRange, at: Range<Int>)
    /// A named topic profile from the topics file (`topic:ip`), scored as its weighted entries.
    case topic(String, at: Range<Int>)
    /// A combination of clauses, each required, optional or excluded (see ``QueryClause``).
    case boolean([QueryClause])

    /// Whether the node only restricts which statements match and never scores: keyword and date values,
    /// speaker and outlet names, and groups made only of those.
    ///
    /// The parser makes such clauses required by default, because `speaker:hua trade` means "Hua's
    /// statements about trade", not "Hua's statements, or statements about trade".
    public var isFilter: Bool {
        switch self {
        case .keyword, .date: return true
        case .word(_, let field, _, _), .phrase(_, let field, _): return field?.isFilter ?? false
        case .topic: return false
        case .boolean(let clauses):
            let positive = clauses.filter { $0.occur != .mustNot }
            return !positive.isEmpty && positive.allSatisfy { $0.node.isFilter }
        }
    }
}

/// One member of a ``QueryNode/boolean(_:)`` group and how it takes part.
///
/// The semantics are Lucene's, with one change for filters: a statement matches the group when it matches
/// every `must` clause and no `mustNot` clause, and — when no `must` clause is a word or phrase (required
/// filters such as `date:2019` do not count) — at least one `should` clause. A group made only of
/// `mustNot` clauses and filters matches every statement that passes them. Every matching non-filter leaf
/// under a non-excluded clause adds its BM25 score.
public struct QueryClause: Hashable, Sendable {
    public var occur: Occur
    public var node: QueryNode

    public init(_ occur: Occur, _ node: QueryNode) {
        self.occur = occur
        self.node = node
    }
}

/// How a clause takes part in its group.
public enum Occur: Hashable, Sendable {
    /// Required (`+word`, `AND`, or every word with `--all`).
    case must
    /// Optional: adds to the score; at least one must match when nothing is required.
    case should
    /// Excluded (`-word`, `NOT`).
    case mustNot
}

/// What juxtaposed words mean when they carry no operator.
public enum DefaultMode: Hashable, Sendable {
    /// Ranked OR: a statement needs any of the words, more and rarer words rank higher.
    case any
    /// Every word is required (`--all`).
    case all
}

/// The analyzed text fields a query can name.
public enum TextField: String, CaseIterable, Hashable, Sendable {
    case title, question, answer, speaker, outlet

    /// Speaker and outlet names restrict the match rather than rank it.
    public var isFilter: Bool { self == .speaker || self == .outlet }
}

/// The exact-value fields a query can name, with the index field each one reads.
public enum KeywordField: String, CaseIterable, Hashable, Sendable {
    /// `lang:` — the statement's language code (`en`, `zh`).
    case language
    /// `kind:` — the kind of briefing (press conference, release, remarks…).
    case kind

    /// The name of the field in the index.
    public var indexField: String { rawValue }
}

/// An inclusive range of dates as `yyyymmdd` integers, the form of the index's `date` column.
///
/// A month is stored as `yyyymm00...yyyymm99` and a year as `yyyy0000...yyyy9999`, so that every real
/// day in them is inside without calendar arithmetic. An unknown date (`0` in the index) matches no range.
public struct DateRange: Hashable, Sendable {
    public var lower: Int32
    public var upper: Int32

    public init(lower: Int32, upper: Int32) {
        self.lower = lower
        self.upper = upper
    }

    /// Every known date.
    public static let unbounded = DateRange(lower: 1, upper: Int32.max)

    /// Whether `date` (`yyyymmdd`, `0` unknown) is inside.
    @inline(__always)
    public func contains(_ date: Int32) -> Bool { date != 0 && date >= lower && date <= upper }

    /// The overlap of two ranges (empty ranges have `lower > upper`).
    public func intersection(_ other: DateRange) -> DateRange {
        DateRange(lower: max(lower, other.lower), upper: min(upper, other.upper))
    }
}
