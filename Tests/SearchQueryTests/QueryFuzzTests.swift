import Testing

@testable import SearchQuery
import TestSupport

/// Acceptance 5: random and mutated queries never crash the parser or a search; each one gets results
/// or an error that points inside the query.
@Suite("Query fuzzing")
struct QueryFuzzTests {
    static let seeds = [
        "patent", "+trade -tariff soybean", "\"new energy\" vehicles", "pat*", "title:(trade war) OR outlet:Reuters",
        "speaker:\"Hua Chunying\" date:2019-01-01..2019-06-30", "lang:zh 知识产权 OR “新能源”", "NOT (a AND (b OR c))",
        "topic:ip china", "what's the U.S. position?", "date:2019-05 kind:release", "（贸易） -- ( ? \"",
        "a AND AND OR NOT ) ( *", "date:..2018 -lang:en", "+\"intellectual property\" +protection*",
    ]

    /// Pieces queries are made of, hostile ones included.
    static let pieces: [String] = [
        "(", ")", "\"", "“", "”", "（", "）", "+", "-", "*", ":", " ", "  ", "\t", "\n", "\u{0}", "\u{7F}", "\u{3000}",
        "\u{A0}", "AND", "OR", "NOT", "&&", "||", "and", "or", "title:", "speaker:", "lang:", "kind:", "date:",
        "topic:", "question:", "answer:", "outlet:", "2019", "-05", "..", "2019-13", "2020-02-30", "ip", "trade",
        "china", "patent", "new-energy", "U.S.", "what's", "知识产权", "贸易", "é", "e\u{301}", "👍🏽", "\u{202E}",
        "🇨🇳", "ǅ", "ß", "İ", "x", "ab", "**", "\\", "'", "^", "~", "?", ".", "...", "--",
    ]

    @Test func hundredThousandQueriesParseOrPointAtTheSpot() {
        var random = SeededGenerator(seed: 5)
        var errors = 0
        for round in 0..<100_000 {
            let query = Self.query(round: round, random: &random)
            do {
                _ = try QueryParser.parse(query, defaultMode: round % 3 == 0 ? .all : .any)
            } catch {
                errors += 1
                #expect(error.offset >= 0 && error.offset <= query.count, "offset outside \(query.debugDescription)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(errors > 0 && errors < 60_000)
    }

    @Test func tenThousandQueriesRunOnASmallIndex() throws {
        let documents: [MemoryDocument] = [
            ("China protects intellectual property and patents.", "en", 20190510),
            ("Trade talks with the U.S. on tariffs and soybeans continue.", "en", 20190612),
            ("新能源汽车和知识产权保护是合作重点。", "zh", 20180301),
            ("What's new-energy? Solar and wind power.", "en", 0),
            ("The patent office and the trade office met.", "en", 20200101),
        ].map { text, language, date in
            var document = MemoryDocument()
            document.text[.answer] = text
            document.text[.title] = String(text.prefix(12))
            document.text[.speaker] = "Hua Chunying"
            document.keywords[.language] = language
            document.keywords[.kind] = "presscon"
            document.date = Int32(date)
            return document
        }
        let topics = try TopicSet.parse("[ip]\n[ip.terms]\npatent = 2\n\"intellectual property\" = 3\n\"知识产权\" = 3\n")
        let engine = SearchEngine(
            index: MemoryIndex(
                segments: [Array(documents.prefix(3)), Array(documents.dropFirst(3)), []],
                blockSize: 2
            ),
            topics: topics
        )
        var random = SeededGenerator(seed: 11)
        var answered = 0
        for round in 0..<10_000 {
            let query = Self.query(round: round, random: &random)
            do {
                let results = try engine.search(SearchRequest(query: query, limit: 3, explain: round % 7 == 0))
                #expect(results.hits.count <= 3)
                answered += results.hits.isEmpty ? 0 : 1
            } catch .syntax(let error) {
                #expect(error.offset >= 0 && error.offset <= query.count)
            } catch {
                Issue.record("unexpected \(error) for \(query.debugDescription)")
            }
        }
        #expect(answered > 1_000)
    }

    /// A random query, or a mutation of a seed.
    static func query(round: Int, random: inout SeededGenerator) -> String {
        if round % 2 == 0 {
            let count = Int(random.next() % 12)
            return (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        var characters = Array(seeds.randomElement(using: &random)!)
        for _ in 0..<(1 + random.next() % 4) {
            let position = characters.isEmpty ? 0 : Int(random.next() % UInt64(characters.count + 1))
            switch random.next() % 4 {
            case 0: characters.insert(contentsOf: pieces.randomElement(using: &random)!, at: position)
            case 1: if position < characters.count { characters.remove(at: position) }
            case 2: characters.insert(contentsOf: characters[..<min(position, characters.count)], at: position)
            default:
                if position < characters.count {
                    characters[position] = pieces.randomElement(using: &random)!.first ?? " "
                }
            }
        }
        return String(characters.prefix(400))
    }
}
