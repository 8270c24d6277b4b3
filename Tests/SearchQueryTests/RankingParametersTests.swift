import Testing

@testable import SearchQuery

@Suite struct RankingParametersTests {
    @Test func readsEveryNameOverTheDefaults() throws {
        let parameters = try RankingParameters.parse("k1=0.9, title=0.3,question=0.6,answer=1.5,b=0.5,b.answer=0.8")
        #expect(parameters.k1 == 0.9)
        #expect(parameters.weights == FieldWeights(title: 0.3, question: 0.6, answer: 1.5))
        #expect(parameters.b(forField: "title") == 0.5)
        #expect(parameters.b(forField: "question") == 0.5)
        #expect(parameters.b(forField: "answer") == 0.8)
        #expect(parameters.b(forField: "speaker") == 0.5)
        #expect(try RankingParameters.parse("") == RankingParameters())
    }

    @Test(arguments: [
        ("k1=1.2,tittle=0.5", 7, "unknown ranking parameter 'tittle'"),
        ("k1=fast", 0, "'k1=fast' is not NAME=NUMBER"),
        ("title=-1", 0, "is not NAME=NUMBER"),
        ("answer=1,b.answer=1.5", 9, "lies in 0...1"),
        ("k1=0", 0, "k1 must be above 0"),
    ])
    func refusesBadEntriesNamingThem(text: String, offset: Int, message: String) {
        #expect {
            try RankingParameters.parse(text)
        } throws: { error in
            guard let error = error as? RankingParameters.ParseError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    /// A word found in the title, the question and the answer, many times, is one word found often: its
    /// score stays below its IDF (a saturated frequency), where adding the fields' scores gave up to twice.
    @Test func aWordCountsOnceAcrossItsFields() throws {
        var documents = (0..<20).map { _ in
            MemoryDocument(text: [.title: "other news", .question: "some words", .answer: "talks went on"])
        }
        documents[3] = MemoryDocument(text: [
            .title: "peter", .question: "peter peter asks", .answer: "peter peter peter answers",
        ])
        documents[7] = MemoryDocument(text: [.title: "other news", .question: "a word", .answer: "navarro said"])
        let engine = SearchEngine(index: MemoryIndex(segments: [documents], blockSize: 4))
        let hits = try engine.search(SearchRequest(query: "peter", limit: 5, explain: true)).hits
        let hit = try #require(hits.first)
        let part = try #require(hit.explanation?.parts.first)
        #expect(Set(part.fields.map(\.field)) == ["title", "question", "answer"])
        #expect(hit.score < part.idf)
        #expect(hit.score > 0.6 * part.idf)
    }
}
