import Foundation
import Testing
import TestSupport
import TextAnalysis

@testable import SearchQuery

/// Proves that the block-max walk finds exactly what a scan of every statement finds, and ranks the
/// same top 10, over an in-memory index with tiny blocks (many block edges) built from the real JSONL.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct PruningEquivalenceTests {
    static let topics = try! TopicSet.load(from: SharedData.projectCorpus.appendingPathComponent("topics.toml"))

    /// The corpus, analyzed once for all tests of the suite.
    static let segments = QueryCorpus.segments()
    nonisolated(unsafe) static let reference = NaiveEvaluator(
        segments: referenceDocuments(segments, analyzer: Analyzer())
    ) { Double(min($0, 255)) }

    /// With the default windows (whole segments here) and windows of a block or two, each with the default
    /// choice between reading other clauses' postings along and probing them per candidate, and with each
    /// forced (tiny blocks make the default read nearly always).
    @Test(arguments: [(32, 4096), (32, 1), (0, 1), (Double.infinity, 1), (32, 6)])
    func randomQueriesMatchAndRankLikeAScan(scanPerProbe: Double, windowLength: Int) throws {
        let engine = SearchEngine(index: MemoryIndex(segments: Self.segments, blockSize: 4), topics: Self.topics)
        engine.scanPerProbe = scanPerProbe
        engine.windowLength = windowLength
        let reference = Self.reference
        var generator = QueryGenerator(documents: Array(Self.segments.joined()), seed: 20_261_125)
        var compared = 0
        for _ in 0..<120 {
            let (query, mode) = generator.next()
            let request = SearchRequest(query: query, mode: mode, limit: 10)
            let plan = try engine.plan(request)
            let expected = reference.evaluate(plan)
            let matches = try engine.matches(request)
            #expect(Set(matches) == Set(expected.map(\.address)), "match set differs for \(query)")
            let hits = try engine.search(request).hits
            expectSameTop(hits, expected, query: query)
            compared += expected.isEmpty ? 0 : 1
        }
        #expect(compared > 70, "too few random queries had matches: \(compared)")
    }

    /// Proximity pairs and CJK runs as bags of bigrams, at the default settings and at strong ones (pairs
    /// and whole runs that decide the order), with whole-segment windows and windows of a block: the pairs'
    /// bounds must hold wherever the pruning relies on them, and their scores equal a scan's.
    @Test(arguments: [(32, 4096), (0, 1), (Double.infinity, 1), (32, 6)])
    func nearWordsAndChineseRunsRankLikeAScan(scanPerProbe: Double, windowLength: Int) throws {
        let engine = SearchEngine(index: MemoryIndex(segments: Self.segments, blockSize: 4), topics: Self.topics)
        engine.scanPerProbe = scanPerProbe
        engine.windowLength = windowLength
        var generator = QueryGenerator(documents: Array(Self.segments.joined()), seed: 20_261_207)
        let strong = Proximity(weight: 1.5, window: 4, phrase: 2, maximumPairs: 6, inQuestions: true, commonShare: 100)
        var compared = 0
        var pairsScored = 0
        for _ in 0..<60 {
            let (query, mode) = generator.nearWords()
            for proximity in [Proximity(), Proximity(inQuestions: false, commonShare: 0.2), strong] {
                let request = SearchRequest(query: query, mode: mode, limit: 10, proximity: proximity)
                let plan = try engine.plan(request)
                let expected = Self.reference.evaluate(plan)
                #expect(
                    Set(try engine.matches(request)) == Set(expected.map(\.address)),
                    "match set differs for \(query)"
                )
                expectSameTop(try engine.search(request).hits, expected, query: query)
                compared += expected.isEmpty ? 0 : 1
                pairsScored += plan.clauses.contains { $0.isPair } ? 1 : 0
            }
        }
        #expect(compared > 80, "too few queries had matches: \(compared)")
        #expect(pairsScored > 60, "too few queries scored pairs: \(pairsScored)")
    }

    /// A required word typed twice counts twice and matches what it matches once; the random queries met
    /// it (`+the +the` found nothing when the repeated group was read window by window).
    @Test(arguments: ["china", "trade", "the"])
    func requiredWordTypedTwice(word: String) throws {
        let engine = SearchEngine(index: MemoryIndex(segments: Self.segments, blockSize: 4), topics: Self.topics)
        let once = try engine.search(SearchRequest(query: "+\(word)", limit: 10)).hits
        let twice = SearchRequest(query: "+\(word) +\(word)", limit: 10)
        let hits = try engine.search(twice).hits
        #expect(hits.count == 10)
        #expect(hits.map(\.address) == once.map(\.address))
        expectSameTop(hits, Self.reference.evaluate(try engine.plan(twice)), query: twice.query ?? "")
    }

    @Test func topicRankingMatchesAScan() throws {
        let engine = SearchEngine(index: MemoryIndex(segments: Self.segments, blockSize: 3), topics: Self.topics)
        let reference = Self.reference
        for name in Self.topics.names {
            for query in [nil, "+united +states"] {
                let request = SearchRequest(query: query, topic: name, limit: 10)
                let expected = reference.evaluate(try engine.plan(request))
                expectSameTop(try engine.search(request).hits, expected, query: "\(query ?? "") --topic \(name)")
            }
        }
    }

    /// Clauses over several fields, one field, phrases and prefixes, under other rankings than the
    /// default (field weights, saturation, length normalizations): the bounds hold whatever the parameters.
    @Test(arguments: [
        "k1=1.2", "k1=0.6,b=0.3,title=2,question=1,answer=0.5",
        "k1=3,b.answer=1,b.question=0,b.title=0.2,min.answer=12",
        "title=0,question=0.25",
    ])
    func otherRankingsMatchAScan(ranking text: String) throws {
        let ranking = try RankingParameters.parse(text)
        let engine = SearchEngine(index: MemoryIndex(segments: Self.segments, blockSize: 4), topics: Self.topics)
        engine.windowLength = 6
        var reference = Self.reference
        reference.ranking = ranking
        var generator = QueryGenerator(documents: Array(Self.segments.joined()), seed: 20_261_207)
        var queries = [
            "china trade", "question:china trade", "title:\"foreign ministry\" cooperation", "answer:trad* china",
            "\"trade war\" tariffs", "+united +states question:trade", "coop* develop*", "topic:trade china",
        ]
        for _ in 0..<40 { queries.append(generator.next().0) }
        for query in queries {
            for mode in [DefaultMode.any, .all] {
                let request = SearchRequest(query: query, mode: mode, limit: 10, ranking: ranking)
                let expected = reference.evaluate(try engine.plan(request))
                expectSameTop(try engine.search(request).hits, expected, query: "\(query) [\(text)]")
            }
        }
    }

    private func expectSameTop(_ hits: [SearchHit], _ expected: [NaiveEvaluator.Scored], query: String) {
        let top = Array(expected.prefix(10))
        #expect(hits.count == top.count, "hit count differs for \(query)")
        guard hits.count == top.count, let last = top.last else { return }
        for (hit, want) in zip(hits, top) {
            #expect(abs(Double(hit.score) - want.score) <= 1e-3 * max(1, want.score), "score differs for \(query)")
        }
        // Equal modulo ties: statements scoring clearly above the 10th must be there.
        let tolerance = 1e-3 * max(1, last.score)
        let sure = Set(top.filter { $0.score > last.score + tolerance }.map(\.address))
        #expect(sure.isSubset(of: Set(hits.map(\.address))), "top 10 differs for \(query)")
    }

    private static func referenceDocuments(_ segments: [[MemoryDocument]], analyzer: Analyzer) -> [[ReferenceDocument]]
    {
        segments.map { documents in
            documents.map { document in
                var reference = ReferenceDocument(date: document.date, isDeleted: document.isDeleted)
                for (number, field) in TextField.allCases.enumerated() {
                    if let text = document.text[field] { reference.add(analyzer.tokens(text), field: UInt8(number)) }
                }
                for (offset, field) in KeywordField.allCases.enumerated() {
                    if let value = document.keywords[field] {
                        reference.keywords[UInt8(TextField.allCases.count + offset)] = value
                    }
                }
                return reference
            }
        }
    }
}
