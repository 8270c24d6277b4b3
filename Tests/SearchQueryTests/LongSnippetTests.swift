import Testing

@testable import SearchQuery

/// Texts longer than a window are looked at window by window: the excerpt still comes from the first
/// window that holds a match, wherever it lies, with its highlights.
@Suite struct LongSnippetTests {
    static let sentences = [
        "Both sides agreed to deepen practical cooperation in trade and energy.",
        "We urge the relevant party to stop interfering in the internal affairs of other countries.",
        "The two foreign ministers had an in-depth exchange of views on regional issues.",
    ]

    /// About `bytes` of sentences with `insert` placed after `at` bytes.
    static func text(bytes: Int, insert: String, at: Int) -> String {
        var text = ""
        var inserted = false
        var k = 0
        while text.utf8.count < bytes {
            text += sentences[k % sentences.count] + " "
            if text.utf8.count >= at && !inserted {
                text += insert + " "
                inserted = true
            }
            k += 1
        }
        return text
    }

    @Test("A word near the end of a 1 MB text is found and highlighted", arguments: [100, 600_000, 990_000])
    func wordAnywhere(at offset: Int) {
        let text = Self.text(bytes: 1 << 20, insert: "The Quetzalcoatlite clause stands here.", at: offset)
        let snippet = SnippetMaker().snippet(of: text, terms: ["quetzalcoatlit"])
        #expect(snippet.text.contains("Quetzalcoatlite clause"))
        #expect(snippet.highlights.count == 1)
    }

    @Test("Two words of the first window are highlighted there")
    func twoWords() {
        let text = Self.text(bytes: 1 << 20, insert: "Since Hong Kong's return, things changed.", at: 6_000)
        let snippet = SnippetMaker().snippet(of: text, terms: ["hong", "kong"])
        #expect(snippet.text.contains("Hong Kong"))
        #expect(snippet.highlights.count >= 2)
    }

    @Test("A stem that changes its word's last letter still lets its window through")
    func changedStem() {
        let text = Self.text(bytes: 1 << 20, insert: "Many parties WELCOMED it.", at: 700_000)
        let snippet = SnippetMaker().snippet(of: text, terms: ["welcom"])
        #expect(snippet.text.contains("WELCOMED"))
        #expect(snippet.highlights.count == 1)
    }
}
