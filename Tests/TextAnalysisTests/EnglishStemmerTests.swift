import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

@Suite("Snowball English stemmer")
struct EnglishStemmerTests {
    @Test(
        "Every word of the Snowball reference vocabulary gives its reference stem",
        .enabled(if: SharedData.isAvailable, SharedData.skipNote)
    )
    func referenceVocabulary() throws {
        let words = try lines(of: "voc.txt")
        let stems = try lines(of: "output.txt")
        try #require(words.count == 42_649)
        try #require(stems.count == words.count)
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) {
            let actual = EnglishStemmer.stem(word)
            if actual != expected { mismatches.append("\(word): \(actual), expected \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(20))")
    }

    @Test(
        "The analyzer's cached stems equal the reference, through the cache's growth and resets",
        .enabled(if: SharedData.isAvailable, SharedData.skipNote)
    )
    func cachedStems() throws {
        let pairs = zip(try lines(of: "voc.txt"), try lines(of: "output.txt"))
            .filter { word, _ in word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        try #require(pairs.count > StemCache.maximumSlots / 2)
        let analyzer = Analyzer()
        var buffer = TokenBuffer()
        var mismatches: [String] = []
        // Twice: the first pass fills the cache past its limit (it resets), the second hits it.
        for _ in 0..<2 {
            for (word, stem) in pairs {
                analyzer.analyze(word, language: .english, into: &buffer)
                if buffer.count != 1 || buffer.term(at: 0) != stem { mismatches.append(word) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(20))")
    }

    @Test(
        "Examples from the definition",
        arguments: [
            ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("knack", "knack"),
            ("knackered", "knacker"), ("generously", "generous"), ("international", "internat"),
            ("dying", "die"), ("proceeding", "proceed"), ("china's", "china"), ("'tis", "tis"),
        ]
    )
    func definitionExamples(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    private func lines(of name: String) throws -> [String] {
        let url = SharedData.snowballEnglish.appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
    }
}
