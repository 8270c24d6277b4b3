import TextAnalysis

/// Words and phrases that a query may use for one another: `IP` for "intellectual property", `WHO` for
/// "World Health Organization", and pairs across languages (`知识产权` for "intellectual property").
///
/// Each group's members are matched as analyzed terms, so `IP`, `ip` and `I.P.` are one key and `WHO`
/// (the acronym, `w.h.o`) is not the word "who". A member found in a query is also searched as each other
/// member of its group (``SynonymRewriter``). Cross-language groups apply only when a search asks for them.
public struct SynonymSet: Sendable {
    /// A member of a group as written, with its analyzed terms.
    struct Member: Sendable, Hashable {
        var text: String
        var terms: [String]
    }

    /// Per analyzed key (terms joined by U+001F), the other members of its groups.
    private var same: [String: [Member]] = [:]
    private var across: [String: [Member]] = [:]
    /// The most terms a key has: how far a run of query words is tried.
    private(set) var longestKey = 0

    /// No synonyms.
    public static let empty = SynonymSet()

    /// An empty set.
    public init() {}

    /// A set of groups: each `synonyms` group's members stand for one another in every search, each
    /// `crossLanguage` group's only in searches that ask for it. Members that analyze to no term are
    /// left out (a file reader reports them first).
    public init(synonyms: [[String]], crossLanguage: [[String]], analyzer: Analyzer = Analyzer()) {
        for group in synonyms { Self.add(group, to: &same, longest: &longestKey, analyzer: analyzer) }
        for group in crossLanguage { Self.add(group, to: &across, longest: &longestKey, analyzer: analyzer) }
    }

    /// Whether there are no groups.
    public var isEmpty: Bool { same.isEmpty && across.isEmpty }

    /// The other members for the query terms `terms`, the same-language ones first; cross-language ones
    /// only when `crossLanguage`.
    func alternatives(for terms: [String], crossLanguage: Bool) -> [Member] {
        let key = Self.key(terms)
        var found = same[key] ?? []
        if crossLanguage, let more = across[key] {
            for member in more where !found.contains(member) { found.append(member) }
        }
        return found
    }

    static func key(_ terms: [String]) -> String { terms.joined(separator: "\u{1F}") }

    private static func add(
        _ group: [String],
        to table: inout [String: [Member]],
        longest: inout Int,
        analyzer: Analyzer
    ) {
        let members = group.map { Member(text: $0, terms: analyzer.tokens($0).map(\.term)) }.filter {
            !$0.terms.isEmpty
        }
        for member in members {
            longest = max(longest, member.terms.count)
            let key = key(member.terms)
            var others = table[key] ?? []
            for other in members
            where other.terms != member.terms && !others.contains(where: { $0.terms == other.terms }) {
                others.append(other)
            }
            table[key] = others
        }
    }
}
