import TextAnalysis

/// Rewrites a parsed query so that its words are also searched as their synonyms: a word, or a run of
/// words, that matches a member of a ``SynonymSet`` group becomes an OR of itself and the group's other
/// members (each a phrase where it has several words). Runs before planning, on the syntax tree only.
///
/// Optional words (`IP tariffs`) keep their clauses and gain one optional clause of the alternatives;
/// required ones (`+IP`, `--every-word`) become one required group "the words, or an alternative". Quoted
/// phrases, prefixes, filters and excluded words are never expanded. The expansion is bounded: at most
/// ``maximumExpansions`` words or runs per query and ``maximumAlternatives`` alternatives each.
struct SynonymRewriter {
    static let maximumExpansions = 16
    static let maximumAlternatives = 8

    let synonyms: SynonymSet
    let analyzer: Analyzer
    let crossLanguage: Bool
    /// What was expanded, for `--explain`: the words as typed and what they were also searched as.
    private(set) var expansions: [SynonymExpansion] = []

    init(synonyms: SynonymSet, analyzer: Analyzer, crossLanguage: Bool) {
        self.synonyms = synonyms
        self.analyzer = analyzer
        self.crossLanguage = crossLanguage
    }

    /// `node` with its words' synonyms added.
    mutating func rewrite(_ node: QueryNode) -> QueryNode {
        guard !synonyms.isEmpty else { return node }
        switch node {
        case .word:
            guard let (_, alternatives) = match([QueryClause(.should, node)], from: 0, length: 1) else { return node }
            return .boolean([QueryClause(.should, node)] + alternatives.map { QueryClause(.should, $0) })
        case .boolean(let clauses):
            return .boolean(rewrite(clauses))
        case .phrase, .keyword, .date, .topic:
            return node
        }
    }

    private mutating func rewrite(_ clauses: [QueryClause]) -> [QueryClause] {
        var out: [QueryClause] = []
        var i = 0
        while i < clauses.count {
            var matched = false
            if clauses[i].occur != .mustNot {
                for length in stride(from: min(synonyms.longestKey, clauses.count - i), through: 1, by: -1) {
                    guard let (_, alternatives) = match(clauses, from: i, length: length) else { continue }
                    let run = Array(clauses[i..<(i + length)])
                    let others = QueryNode.boolean(alternatives.map { QueryClause(.should, $0) })
                    if clauses[i].occur == .should {
                        out += run
                        out.append(QueryClause(.should, others))
                    } else {
                        let together: QueryNode = length == 1 ? run[0].node : .boolean(run)
                        out.append(
                            QueryClause(
                                .must,
                                .boolean([QueryClause(.should, together), QueryClause(.should, others)])
                            )
                        )
                    }
                    i += length
                    matched = true
                    break
                }
            }
            if !matched {
                var clause = clauses[i]
                if clause.occur != .mustNot, case .boolean = clause.node { clause.node = rewrite(clause.node) }
                out.append(clause)
                i += 1
            }
        }
        return out
    }

    /// The alternatives of the run `clauses[start..<start + length]` when it is made of plain words of one
    /// occurrence and one field whose terms are a key of the set.
    private mutating func match(
        _ clauses: [QueryClause],
        from start: Int,
        length: Int
    ) -> (String, [QueryNode])? {
        guard expansions.count < Self.maximumExpansions else { return nil }
        var terms: [String] = []
        var words: [String] = []
        var field: TextField? = nil
        var range: Range<Int>? = nil
        for (k, clause) in clauses[start..<(start + length)].enumerated() {
            guard clause.occur == clauses[start].occur,
                case .word(let text, let wordField, false, let at) = clause.node,
                !(wordField?.isFilter ?? false), k == 0 || wordField == field
            else { return nil }
            field = wordField
            range = range.map { min($0.lowerBound, at.lowerBound)..<max($0.upperBound, at.upperBound) } ?? at
            words.append(text)
            terms += analyzer.tokens(text).map(\.term)
        }
        guard !terms.isEmpty, let range else { return nil }
        let members = synonyms.alternatives(for: terms, crossLanguage: crossLanguage)
            .prefix(Self.maximumAlternatives)
        guard !members.isEmpty else { return nil }
        let typed = words.joined(separator: " ")
        expansions.append(SynonymExpansion(words: typed, alternatives: members.map(\.text)))
        let nodes = members.map { member -> QueryNode in
            member.terms.count > 1
                ? .phrase(member.text, field: field, at: range)
                : .word(member.text, field: field, isPrefix: false, at: range)
        }
        return (typed, nodes)
    }
}

/// A word or run of words of a query that was also searched as its synonyms.
public struct SynonymExpansion: Sendable, Hashable {
    /// The words as typed.
    public var words: String
    /// What they were also searched as.
    public var alternatives: [String]
}
