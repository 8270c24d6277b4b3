import Testing

@testable import SearchQuery

@Suite("Snippets")
struct SnippetMakerTests {
    let maker = SnippetMaker()

    private func marked(_ snippet: Snippet) -> String {
        var bytes = Array(snippet.text.utf8)
        for range in snippet.highlights.reversed() {
            bytes.insert(contentsOf: Array("]".utf8), at: range.upperBound)
            bytes.insert(contentsOf: Array("[".utf8), at: range.lowerBound)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func picksTheSentenceWithTheMostDistinctTerms() {
        let text = "We oppose tariffs. China protects intellectual property and patents firmly. The weather is fine."
        let snippet = maker.snippet(of: text, terms: ["patent", "intellectu", "properti"], maximumLength: 60)
        #expect(marked(snippet) == "China protects [intellectual] [property] and [patents] firmly.")
    }

    @Test func keepsWholeSentencesUpToTheLimit() {
        let text = "First one. Patents matter. Third one here."
        let snippet = maker.snippet(of: text, terms: ["patent"], maximumLength: 300)
        #expect(snippet.text == text)
        #expect(marked(snippet) == "First one. [Patents] matter. Third one here.")
    }

    @Test func cutsALongSentenceAroundTheMatch() {
        let filler = String(repeating: "word ", count: 120)
        let text = filler + "the patent clause " + filler
        let snippet = maker.snippet(of: text, terms: ["patent"], maximumLength: 100)
        #expect(snippet.text.hasPrefix("…") && snippet.text.hasSuffix("…"))
        #expect(snippet.text.count <= 104)
        #expect(snippet.highlights.count == 1)
        #expect(marked(snippet).contains("[patent]"))
    }

    @Test func highlightsChineseBigramsAsOneRun() {
        let text = "中方一贯重视知识产权保护。我们反对单边主义。"
        let terms = Set(maker.analyzer.tokens("知识产权").map(\.term))
        let snippet = maker.snippet(of: text, terms: terms, maximumLength: 20)
        #expect(marked(snippet) == "中方一贯重视[知识产权]保护。")
    }

    @Test func withoutMatchesStartsAtTheBeginning() {
        let snippet = maker.snippet(of: "One. Two. Three.", terms: ["absent"], maximumLength: 300)
        #expect(snippet.text == "One. Two. Three." && snippet.highlights.isEmpty)
        #expect(maker.snippet(of: "", terms: ["x"]).text.isEmpty)
    }
}

extension SnippetMakerTests {
    @Test func marksAPhraseOnlyWhereItIsWhole() {
        let text = "New rules came. China builds new energy vehicles. Energy is new."
        let phrase = PhrasePattern(terms: ["new", "energi"], offsets: [0, 1])
        let snippet = maker.snippet(of: text, terms: ["vehicl"], phrases: [phrase], maximumLength: 40)
        #expect(marked(snippet) == "China builds [new energy] [vehicles].")
    }
}
