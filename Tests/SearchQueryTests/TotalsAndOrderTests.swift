import Testing
import TestSupport
import TextAnalysis

@testable import SearchQuery

/// Totals, facets, date sorts and paging against a scan of every statement (issue 14, acceptance 3 and 4):
/// the in-memory index of the real JSONL with tiny blocks, so that pruning skips a lot.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct TotalsAndOrderTests {
    static let segments = PruningEquivalenceTests.segments
    nonisolated(unsafe) static let engine = SearchEngine(
        index: MemoryIndex(segments: segments, blockSize: 4),
        topics: PruningEquivalenceTests.topics
    )

    /// 200 random queries: a flagged-exact total is the scan's count, any total is at most it; asked for,
    /// the total is exact; the year and language facets add up to it and match the scan's counts.
    @Test func totalsNeverExceedAScanAndAreExactWhenSaid() throws {
        let engine = Self.engine
        let reference = PruningEquivalenceTests.reference
        let documents = Self.segments
        var generator = QueryGenerator(documents: Array(documents.joined()), seed: 20_261_207)
        var inexact = 0
        var nonEmpty = 0
        for _ in 0..<200 {
            let (query, mode) = generator.next()
            let request = SearchRequest(query: query, mode: mode, limit: 10)
            let expected = reference.evaluate(try engine.plan(request))
            let plain = try engine.search(request)
            #expect(plain.total <= expected.count, "total above the scan for \(query)")
            #expect(plain.total >= plain.hits.count)
            if plain.totalIsExact {
                #expect(plain.total == expected.count, "a total flagged exact is wrong for \(query)")
            } else {
                inexact += 1
            }
            var counted = request
            counted.facets = [.year, .column("language")]
            let exact = try engine.search(counted)
            #expect(exact.totalIsExact && exact.total == expected.count, "exact total wrong for \(query)")
            #expect(exact.hits.map(\.address) == plain.hits.map(\.address), "facets changed the hits of \(query)")
            var years: [String?: Int] = [:]
            var languages: [String?: Int] = [:]
            for hit in expected {
                let document = documents[hit.address.segment][Int(hit.address.document)]
                let year = document.date / 10_000
                years[year > 0 ? String(year) : nil, default: 0] += 1
                languages[document.keywords[.language], default: 0] += 1
            }
            #expect(exact.facets.count == 2)
            #expect(exact.facets[0].values.reduce(0) { $0 + $1.count } == exact.total, "years do not add up")
            #expect(Dictionary(uniqueKeysWithValues: exact.facets[0].values.map { ($0.value, $0.count) }) == years)
            #expect(Dictionary(uniqueKeysWithValues: exact.facets[1].values.map { ($0.value, $0.count) }) == languages)
            nonEmpty += expected.isEmpty ? 0 : 1
        }
        #expect(nonEmpty > 100, "too few random queries had matches: \(nonEmpty)")
        #expect(inexact > 0, "no query was pruned: the lower bound went untested")
    }

    /// Newest first and oldest first give the scan's dates in order, undated statements last.
    @Test(arguments: [SearchSort.newestFirst, .oldestFirst])
    func dateSortsFollowTheDates(sort: SearchSort) throws {
        let engine = Self.engine
        var generator = QueryGenerator(documents: Array(Self.segments.joined()), seed: 7)
        for _ in 0..<60 {
            let (query, mode) = generator.next()
            let request = SearchRequest(query: query, mode: mode, limit: 25, sort: sort)
            let expected = PruningEquivalenceTests.reference.evaluate(try engine.plan(request))
            let hits = try engine.search(request).hits
            let dates = hits.map { Self.date(of: $0.address) }
            let keyed = expected.map { Self.date(of: $0.address) }.sorted { a, b in
                if (a == 0) != (b == 0) { return b == 0 }
                return sort == .newestFirst ? a > b : a < b
            }
            #expect(dates == Array(keyed.prefix(25)), "dates out of order for \(query)")
        }
    }

    /// Pages of 7 read one after the other hold the same statements as one long page: no gap, no repeat,
    /// in every order.
    @Test(arguments: [SearchSort.relevance, .newestFirst, .oldestFirst])
    func pagesNeitherSkipNorRepeat(sort: SearchSort) throws {
        let engine = Self.engine
        for query in ["china", "trade cooperation", "+united +states", "development"] {
            let whole = try engine.search(SearchRequest(query: query, limit: 70, sort: sort, exactTotal: true))
            var paged: [DocumentAddress] = []
            for page in 0..<10 {
                let request = SearchRequest(query: query, limit: 7, sort: sort, offset: 7 * page)
                let results = try engine.search(request)
                if page > 0 || sort != .relevance {
                    #expect(
                        results.totalIsExact && results.total == whole.total,
                        "an offset or a date sort counts exactly"
                    )
                } else {
                    #expect(results.total <= whole.total)
                }
                paged += results.hits.map(\.address)
            }
            #expect(paged == whole.hits.map(\.address), "pages differ from one long page for \(query)")
            #expect(Set(paged).count == paged.count, "a page repeats a statement for \(query)")
        }
    }

    private static func date(of address: DocumentAddress) -> Int32 {
        segments[address.segment][Int(address.document)].date
    }
}
