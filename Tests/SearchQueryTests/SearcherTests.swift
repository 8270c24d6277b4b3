import Foundation
import SearchIndex
import Testing
import TestSupport

@testable import SearchQuery

/// The searcher over a real on-disk index built from the real JSONL statements.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct SearcherTests {
    static let topics = try! TopicSet.load(from: SharedData.projectCorpus.appendingPathComponent("topics.toml"))
    let fixture = RealIndexFixture.shared
    var searcher: Searcher { Searcher(snapshot: fixture.snapshot, topics: Self.topics) }

    /// Acceptance 1: 200 random queries of every construct; the match set equals a scan's and the top 10
    /// equal exhaustive BM25 scoring, ties aside.
    @Test func randomQueriesMatchAndRankLikeAScan() throws {
        #expect(fixture.snapshot.segments.count == 3)
        let engine = SearchEngine(index: fixture.snapshot, topics: Self.topics)
        var generator = QueryGenerator(documents: fixture.documents, seed: 77)
        var compared = 0
        for _ in 0..<200 {
            let (query, mode) = generator.next()
            let request = SearchRequest(query: query, mode: mode, limit: 10)
            let expected = fixture.reference.evaluate(try engine.plan(request))
            #expect(Set(try engine.matches(request)) == Set(expected.map(\.address)), "match set differs for \(query)")
            let hits = try engine.search(request).hits
            let top = Array(expected.prefix(10))
            #expect(hits.count == top.count, "hit count differs for \(query)")
            for (hit, want) in zip(hits, top) {
                #expect(abs(Double(hit.score) - want.score) <= 1e-3 * max(1, want.score), "score differs for \(query)")
            }
            if let last = top.last {
                let sure = top.filter { $0.score > last.score + 1e-3 * max(1, last.score) }.map(\.address)
                #expect(Set(sure).isSubset(of: Set(hits.map(\.address))), "top 10 differs for \(query)")
            }
            compared += expected.isEmpty ? 0 : 1
        }
        #expect(compared > 120)
    }

    @Test func explainsEveryScore() throws {
        let results = try searcher.search(
            SearchRequest(query: "patent patent trade", topic: "ip", limit: 5, explain: true)
        )
        #expect(!results.hits.isEmpty)
        for hit in results.hits {
            let explanation = try #require(hit.explanation)
            let sum = explanation.parts.reduce(Float(0)) { $0 + $1.score }
            #expect(abs(sum - hit.score) <= 1e-3 * max(1, hit.score))
            #expect(explanation.parts.allSatisfy { $0.frequency > 0 && $0.score > 0 })
        }
        let parts = results.hits.flatMap { $0.explanation!.parts }
        // The repeated word counts twice, and a clause can be both a query word and a topic entry.
        #expect(
            parts.contains {
                $0.clause == "title×0.5+question×1+answer×1:patent" && $0.origins.filter { $0 == "query" }.count == 2
            }
        )
        // Each part shows its fields' frequencies and the saturation of their combination.
        for part in parts {
            let combined = part.combinedFrequency
            let expected = part.boost * part.idf * combined / (combined + part.k1)
            #expect(abs(expected - part.score) <= 1e-4 * max(1, part.score))
            #expect(part.fields.reduce(0) { $0 + $1.frequency } == part.frequency)
        }
        #expect(parts.contains { $0.origins.contains { $0.hasPrefix("topic ip:") } })
    }

    @Test func topicReordersButTheQueryDecidesWhatMatches() throws {
        let plain = try searcher.matches(SearchRequest(query: "+china +cooperation"))
        let withTopic = try searcher.matches(SearchRequest(query: "+china +cooperation", topic: "trade"))
        #expect(plain == withTopic)
        let ranked = try searcher.search(
            SearchRequest(query: "+china +cooperation", topic: "trade", limit: 5, explain: true)
        )
        #expect(
            ranked.hits.first?.explanation?.parts.contains { $0.origins.contains { $0.hasPrefix("topic trade:") } }
                == true
        )
    }

    @Test func datesAndFiltersRestrictTheMatches() throws {
        let range = DateRange(parsing: "2018-07..2018-08")!
        let byQuery = try searcher.matches(SearchRequest(query: "china date:2018-07..2018-08"))
        let byRequest = try searcher.matches(SearchRequest(query: "china", dates: range))
        #expect(!byQuery.isEmpty && byQuery == byRequest)
        let chinese = try searcher.matches(SearchRequest(query: "lang:zh"))
        let all = try searcher.matches(SearchRequest(query: "-lang:zh"))
        #expect(!chinese.isEmpty && Set(chinese).isDisjoint(with: Set(all)))
        #expect(chinese.count + all.count == fixture.documents.filter { !$0.isDeleted }.count)
    }

    @Test func prefixExpansionIsBoundedAndReported() throws {
        let results = try searcher.search(SearchRequest(query: "c*", limit: 3))
        #expect(results.expansions.count == 1)
        let expansion = try #require(results.expansions.first)
        #expect(expansion.isTruncated && expansion.fields.contains("answer"))
        #expect(expansion.terms.count >= 64 && expansion.terms.allSatisfy { $0.hasPrefix("c") })
        #expect(results.hits.count == 3)
    }

    @Test func reportsUnknownTopicsAndBadQueries() {
        #expect(throws: SearchError.unknownTopic("nope", known: Self.topics.names)) {
            try searcher.search(SearchRequest(query: "china", topic: "nope"))
        }
        #expect {
            try searcher.search(SearchRequest(query: "china topic:nope"))
        } throws: { error in
            guard case .syntax(let syntax) = error as? SearchError else { return false }
            return syntax.offset == 12 && syntax.code == .unknownTopic
                && syntax.message.contains("no topic named 'nope'")
        }
    }

    @Test func storedFieldsAndSnippetsOfHits() throws {
        let results = try searcher.search(SearchRequest(query: "\"intellectual property\"", limit: 3))
        let hit = try #require(results.hits.first)
        let answer = try #require(try searcher.storedFields(of: hit.address).first { $0.name == "answer" }?.value)
        let snippet = searcher.snippet(of: answer, for: results)
        #expect(snippet.text.count <= 302 && !snippet.highlights.isEmpty)
        let words = snippet.highlights.map {
            String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self).lowercased()
        }
        #expect(words.contains("intellectual property") || words.contains("intellectual"))
    }
}

extension SearcherTests {
    @Test func highlightsPhrasesOnlyWhereWhole() throws {
        let results = try searcher.search(SearchRequest(query: "\"rule of law\" trade", limit: 1))
        #expect(results.highlightTerms == ["trade"])
        #expect(results.highlightPhrases == [PhrasePattern(terms: ["rule", "of", "law"], offsets: [0, 1, 2])])
        let text = "The rule of law matters. Trade rules of conduct and the law of the sea."
        let snippet = searcher.snippet(of: text, for: results)
        let marked = snippet.highlights.map { String(decoding: Array(snippet.text.utf8)[$0], as: UTF8.self) }
        #expect(marked == ["rule of law", "Trade"])
    }
}
