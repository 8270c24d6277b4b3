@testable import SearchQuery
import Testing
import TextAnalysis

@Suite("Synonym rewriting of parsed queries")
struct SynonymRewriterTests {
    static let synonyms = SynonymSet(
        synonyms: [["IP", "intellectual property"], ["WHO", "World Health Organization"]],
        crossLanguage: [["知识产权", "intellectual property"]]
    )

    static func rewrite(
        _ query: String,
        mode: DefaultMode = .any,
        crossLanguage: Bool = false
    ) throws -> (
        QueryNode, [SynonymExpansion]
    ) {
        var rewriter = SynonymRewriter(synonyms: synonyms, analyzer: Analyzer(), crossLanguage: crossLanguage)
        let node = rewriter.rewrite(try QueryParser.parse(query, defaultMode: mode))
        return (node, rewriter.expansions)
    }

    /// The phrases and words of a tree, in order.
    static func leaves(_ node: QueryNode) -> [String] {
        switch node {
        case .word(let text, _, _, _): return [text]
        case .phrase(let text, _, _): return ["\"\(text)\""]
        case .boolean(let clauses): return clauses.flatMap { leaves($0.node) }
        default: return []
        }
    }

    @Test("a word becomes an OR of itself and its synonyms, a phrase where they have several words")
    func word() throws {
        let (node, expansions) = try Self.rewrite("IP")
        #expect(Self.leaves(node) == ["IP", "\"intellectual property\""])
        #expect(expansions == [SynonymExpansion(words: "IP", alternatives: ["intellectual property"])])
        // The acronym WHO, not the word "who" (a stop word the analyzer keeps apart).
        #expect(Self.leaves(try Self.rewrite("WHO funding").0).contains("\"World Health Organization\""))
        #expect(!Self.leaves(try Self.rewrite("who funds").0).contains("\"World Health Organization\""))
    }

    @Test("a run of words matches a multi-word member; required words stay required as a group")
    func run() throws {
        let (any, _) = try Self.rewrite("intellectual property theft")
        #expect(Self.leaves(any) == ["intellectual", "property", "IP", "theft"])
        let (all, _) = try Self.rewrite("intellectual property theft", mode: .all)
        guard case .boolean(let clauses) = all else { Issue.record("not a group: \(all)"); return }
        #expect(clauses.count == 2)
        #expect(clauses.allSatisfy { $0.occur == .must })
        #expect(Self.leaves(clauses[0].node) == ["intellectual", "property", "IP"])
    }

    @Test("a quoted phrase, an excluded word and a field filter are searched as typed")
    func notExpanded() throws {
        #expect(try Self.rewrite("\"intellectual property\"").1.isEmpty)
        #expect(try Self.rewrite("trade -IP").1.isEmpty)
        #expect(try Self.rewrite("speaker:IP").1.isEmpty)
    }

    @Test("pairs across languages apply only when asked")
    func crossLanguage() throws {
        #expect(Self.leaves(try Self.rewrite("知识产权").0) == ["知识产权"])
        #expect(Self.leaves(try Self.rewrite("知识产权", crossLanguage: true).0) == ["知识产权", "\"intellectual property\""])
        let english = Self.leaves(try Self.rewrite("intellectual property", crossLanguage: true).0)
        #expect(english.contains("\"知识产权\"") && english.contains("IP"))
    }
}
