import Testing

@testable import SearchQuery

/// Chinese typed without spaces: an unquoted CJK run is a ranked bag of its bigrams, not an exact phrase.
@Suite struct ChineseRunTests {
    static let texts = [
        "我们坚决反对美韩部署\"萨德\"，敦促有关方面停止这一进程。",  // 0: the words apart, reversed
        "\"萨德\"反导系统部署严重损害中国的战略安全利益。",  // 1: the words apart
        "萨德部署问题上中方的立场是一贯的、明确的。",  // 2: the whole string
        "中美贸易谈判取得了积极进展。",  // 3: none of the bigrams
        "有关国家调整了军队部署，我们注意到了有关报道。",  // 4: one common bigram
        "华为公司在多个国家参与建设。",  // 5: 华为 only
        "华为参与5G网络建设是正常的商业合作。",  // 6: 华为, 5G and 网络
    ]

    nonisolated(unsafe) static let engine = SearchEngine(
        index: MemoryIndex(segments: [texts.map { MemoryDocument(text: [.answer: $0]) }], blockSize: 2)
    )

    private func ranked(_ query: String, mode: DefaultMode = .any) throws -> [Int32] {
        try Self.engine.search(SearchRequest(query: query, mode: mode, limit: 10)).hits.map(\.address.document)
    }

    @Test func aRunFindsTheStatementsThatSayItsWordsApart() throws {
        let hits = try ranked("萨德部署")
        // The whole string first; the two that say 部署"萨德" and "萨德"反导系统部署 next; one bigram last.
        #expect(hits.first == 2)
        #expect(Set(hits.prefix(3)) == [0, 1, 2])
        #expect(hits.contains(4))
        #expect(!hits.contains(3))
        #expect(hits.firstIndex(of: 4)! > hits.firstIndex(of: 1)!)
    }

    @Test func quotingKeepsTheExactPhrase() throws {
        #expect(try ranked("\"萨德部署\"") == [2])
    }

    @Test func everyWordRequiresTheRunsEndsNotTheWholeRun() throws {
        #expect(Set(try ranked("萨德部署", mode: .all)) == [0, 1, 2])
        #expect(Set(try ranked("+萨德部署 +反对")) == [0])
    }

    @Test func anExcludedRunExcludesTheExactString() throws {
        #expect(Set(try ranked("部署 -萨德部署")) == [0, 1, 4])
    }

    @Test func mixedScriptsRankLikeSeparateWords() throws {
        let hits = try ranked("华为5G网络")
        #expect(hits.first == 6)
        #expect(hits.contains(5))
        #expect(try ranked("华为5G网络", mode: .all) == [6])
        #expect(try ranked("Huawei 5G网络").first == 6)
    }

    @Test func explanationsShowThePairsAndTheWholeRun() throws {
        // Every bigram is in more than 2% of these seven statements: pairs are asked for whatever their words.
        let request = SearchRequest(query: "萨德部署", limit: 3, explain: true, proximity: Proximity(commonShare: 100))
        let results = try Self.engine.search(request)
        let top = try #require(results.hits.first?.explanation)
        #expect(top.parts.contains { $0.origins == ["whole run"] && $0.clause.hasSuffix(":\"萨德 德部 部署\"") })
        #expect(
            top.parts.contains {
                $0.origins == ["proximity"] && $0.clause.contains("answer") && $0.clause.contains(":near(")
            }
        )
        let sum = top.parts.reduce(Float(0)) { $0 + $1.score }
        #expect(abs(sum - top.score) <= 1e-4 * top.score)
        // The pair's words light up where they stand; the pair itself is no phrase to highlight.
        #expect(results.highlightPhrases.count == 1)
    }
}

/// Statements whose query words stand close together rank above statements with the same words apart.
@Suite struct ProximityTests {
    static let filler = "one two three four five six seven eight nine ten"

    @Test func nearWordsRankAboveWordsApart() throws {
        let texts = [
            "tariffs \(Self.filler) escalation",  // apart
            "tariffs escalation \(Self.filler)",  // next to each other
        ]
        let engine = SearchEngine(
            index: MemoryIndex(segments: [texts.map { MemoryDocument(text: [.answer: $0]) }], blockSize: 2)
        )
        let everyWord = Proximity(commonShare: 100)  // both words are in every statement here
        let near = try engine.search(SearchRequest(query: "tariffs escalation", limit: 2, proximity: everyWord)).hits
        #expect(near.map(\.address.document) == [1, 0])
        #expect(near[0].score > near[1].score)
        let off = try engine.search(SearchRequest(query: "tariffs escalation", limit: 2, proximity: .off)).hits
        #expect(off[0].score == off[1].score)
        #expect(abs(off[1].score - near[1].score) <= 1e-6 * off[1].score)
    }

    @Test func settingsAreRead() throws {
        let settings = try Proximity(settings: "weight=0.3, window=5,pairs=4")
        #expect(settings.weight == 0.3 && settings.window == 5 && settings.maximumPairs == 4)
        #expect(settings.phrase == Proximity().phrase)
        #expect(try Proximity(settings: "off") == .off)
        #expect(throws: ProximitySettingsError.self) { try Proximity(settings: "window=x") }
        #expect(throws: ProximitySettingsError.self) { try Proximity(settings: "slop=3") }
        #expect(throws: ProximitySettingsError.self) { try Proximity(settings: "weight") }
    }

    @Test func nearCountsNeverExceedEitherWordsFrequency() {
        #expect(ProximityCount.near([5], [1, 2, 3, 4, 6, 7], window: 8) == 1)
        #expect(ProximityCount.near([1, 2, 3], [20], window: 8) == 0)
        #expect(ProximityCount.near([1, 30], [4, 26, 40], window: 4) == 2)
    }
}
