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
    /// How the clause takes part.
    public var occur: Occur
    /// What the clause matches.
    public var node: QueryNode

    /// A clause of a group.
    public init(_ occur: Occur, _ node: QueryNode) {
        self.occur = occur
        self.node = node
    }
}

/// How a clause takes part in its group.
public enum Occur: Hashable, Sendable {
    /// Required (`+word`, `AND`, or every word with `--every-word`).
    case must
    /// Optional: adds to the score; at least one must match when nothing is required.
    case should
    /// Excluded (`-word`, `NOT`).
    case mustNot
}
