import Testing

@testable import SearchQuery

/// Statements with equal scores rank by address, the earlier first, whichever way the search reads them:
/// window by window, a group's clauses meet statements out of order (here every even statement has the
/// word in its title, every odd one in its question, weighted alike here), and the top k must still
/// keep the earliest.
@Suite struct TieOrderTests {
    /// Two segments of 150 statements that all score the same for `trade` and for `+trade +talks`.
    static let segments: [[MemoryDocument]] = (0..<2).map { _ in
        (0..<150).map { number in
            let even = number % 2 == 0
            return MemoryDocument(text: [
                .title: even ? "trade news" : "other news",
                .question: even ? "other words" : "trade words",
                .answer: "talks went on",
            ])
        }
    }

    @Test(
        arguments: ["trade", "+trade +talks", "trade talks", "+trade +went"],
        [(32.0, 4096), (0, 1), (.infinity, 4096)]
    )
    func equalScoresKeepTheEarliestStatements(query: String, settings: (scanPerProbe: Double, windowLength: Int)) throws
    {
        let engine = SearchEngine(
            index: MemoryIndex(segments: Self.segments, blockSize: 4),
            ranking: RankingParameters(weights: FieldWeights(title: 1, question: 1))
        )
        engine.scanPerProbe = settings.scanPerProbe
        engine.windowLength = settings.windowLength
        let hits = try engine.search(SearchRequest(query: query, limit: 10)).hits
        #expect(Set(hits.map(\.score)).count == 1, "the statements should all score the same")
        #expect(hits.map(\.address) == (0..<10).map { DocumentAddress(segment: 0, document: Int32($0)) })
    }
}
