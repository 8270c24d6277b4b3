import SearchQuery
import Testing

@Suite("Spelling lexicon lookups")
struct SpellingLexiconTests {
    static let lexicon = SpellingLexicon(counts: [
        "huawei": 120, "intellectual": 300, "property": 400, "properly": 12, "tariffs": 90, "tariff": 40,
        "intelligence": 20, "trade": 500, "tread": 3, "法律": 9, "covid19": 30,
    ])

    @Test(
        "one edit of each kind finds the word, the most frequent first",
        arguments: [
            ("huawey", "huawei"),  // substitute
            ("intelectual", "intellectual"),  // delete
            ("propperty", "property"),  // insert
            ("tarfifs", "tariffs"),  // swap
            ("tradr", "trade"),
            ("propery", "property"),  // both property and properly are one edit: the frequent one wins
        ]
    )
    func oneEdit(misspelt: String, intended: String) {
        #expect(Self.lexicon.candidates(for: misspelt).first?.word == intended)
    }

    @Test("a word is not its own suggestion, two edits are out of reach, and non-ASCII words are left out")
    func outOfReach() {
        #expect(!Self.lexicon.candidates(for: "trade").contains { $0.word == "trade" })
        #expect(Self.lexicon.candidates(for: "hauwey").isEmpty)
        #expect(Self.lexicon.count(of: "法律") == 0)
        #expect(Self.lexicon.count(of: "covid19") == 0)
        #expect(Self.lexicon.count(of: "huawei") == 120)
        let tariffs = Self.lexicon.candidates(for: "tarifs").map(\.word)
        #expect(tariffs == ["tariffs", "tariff"])
    }
}
