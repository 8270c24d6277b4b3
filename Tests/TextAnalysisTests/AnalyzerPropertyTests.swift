import Foundation
import Testing
import TestSupport

@testable import TextAnalysis

/// Checks the invariants every analysis must keep, for `bytes` analyzed as they are.
///
/// - every token's offsets lie inside the text, in order, on scalar boundaries, and slice its surface form:
///   analyzing that slice alone gives exactly this one term;
/// - positions increase; no term is empty or invalid UTF-8.
func checkInvariants(of bytes: [UInt8], language: Language = .auto, sourceLocation: SourceLocation = #_sourceLocation) {
    let analyzer = Analyzer()
    let tokens = analyzer.tokens(utf8: bytes, language: language)
    var previous: Token?
    for token in tokens {
        #expect(!token.term.isEmpty, "empty term in \(tokens)", sourceLocation: sourceLocation)
        #expect(
            0 <= token.start && token.start < token.end && token.end <= bytes.count,
            "bad offsets \(token)",
            sourceLocation: sourceLocation
        )
        guard token.start < token.end, token.end <= bytes.count else { continue }
        let surface = Array(bytes[token.start..<token.end])
        #expect(
            String(validating: surface, as: UTF8.self) != nil,
            "surface not UTF-8: \(token)",
            sourceLocation: sourceLocation
        )
        let alone = analyzer.tokens(utf8: surface, language: language).map(\.term)
        #expect(
            alone == [token.term],
            "surface \(String(decoding: surface, as: UTF8.self)) alone gives \(alone), in context \(token.term)",
            sourceLocation: sourceLocation
        )
        if let previous {
            #expect(
                token.position > previous.position,
                "positions \(previous) \(token)",
                sourceLocation: sourceLocation
            )
            #expect(token.start >= previous.start, "order \(previous) \(token)", sourceLocation: sourceLocation)
        }
        previous = token
    }
}

@Suite("Analyzer properties over random and real text")
struct AnalyzerPropertyTests {
    /// Pieces random texts are made of: the tokenizer's special cases and their near misses.
    static let pieces: [String] = [
        "a", "Z", "e", "s", "S", "x", "word", "Words", "running", "China", "0", "7", "19", "2019", "5G",
        " ", "  ", "\n", "\t", "'", "’", "'s", "’s", "-", "‐", "–", "—", ".", ",", ";", ":", "!", "?", "(", ")", "\"",
        "“", "”", "U.S.", "e.g.", "a.", "3.5", "1,000", ",12", "知", "识", "产权", "网络", "。", "，", "、", "ー", "カナ",
        "한국", "Ａ", "ｚ", "５", "－", "．", "＇", "　", "é", "É", "ß", "İ", "\u{301}", "\u{200B}", "🙂", "🇨🇳",
        "ı", "ǅ", "Ω", "ω", "д", "Д", "ا", "١", "\u{00AD}", "ʼ", "ﬁ",
    ]

    @Test("Random texts of the tokenizer's special cases keep the invariants", arguments: 0..<8)
    func randomTexts(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            checkInvariants(of: Array(text.utf8))
        }
    }

    @Test("Random bytes, valid UTF-8 or not, never crash and keep the invariants", arguments: 0..<4)
    func randomBytes(seed: UInt64) {
        var generator = SeededGenerator(seed: 1000 + seed)
        let interesting: [UInt8] = [
            0x41, 0x61, 0x73, 0x27, 0x2D, 0x2E, 0x2C, 0x30, 0x20, 0xE2, 0x80, 0x99, 0xE4, 0xB8, 0xAD, 0xC3, 0xA9, 0xFF,
            0xF0, 0xED, 0xA0, 0xC0,
        ]
        for _ in 0..<200 {
            let count = Int.random(in: 0..<80, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            checkInvariants(of: bytes)
        }
    }

    @Test("Truncated and malformed sequences are separators, not crashes")
    func malformedUTF8() {
        let analyzer = Analyzer()
        // "ab", a lone continuation byte, a truncated 3-byte sequence, an encoded surrogate, an overlong "/", "cd".
        let bytes: [UInt8] = [0x61, 0x62, 0x80, 0xE4, 0xB8, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0x63, 0x64, 0xE4, 0xB8]
        #expect(analyzer.tokens(utf8: bytes).map(\.term) == ["ab", "cd"])
        checkInvariants(of: bytes)
    }

    @Test("10 MB without a space: one linear pass, pieces of bounded length")
    func tenMegabytesWithoutSpaces() {
        let analyzer = Analyzer()
        let size = 10_000_000
        var buffer = TokenBuffer()

        let letters = [UInt8](repeating: 0x61, count: size)
        letters.withUnsafeBufferPointer { analyzer.analyze(utf8: $0, into: &buffer) }
        #expect(buffer.count == (size + Tokenizer.maximumWordBytes - 1) / Tokenizer.maximumWordBytes)
        #expect(buffer.end(at: buffer.count - 1) == size)
        #expect(
            (0..<buffer.count).allSatisfy { buffer.end(at: $0) - buffer.start(at: $0) <= Tokenizer.maximumWordBytes }
        )

        // CJK: one bigram per character after the first; terms take twice the text at most.
        let han = Array(String(repeating: "知识产权保护", count: size / 18).utf8)
        han.withUnsafeBufferPointer { analyzer.analyze(utf8: $0, into: &buffer) }
        #expect(buffer.count == han.count / 3 - 1)
        #expect(buffer.termBytes.count <= 2 * han.count)

        // Joiners repeated without end: acronyms, numbers and compounds stay bounded too.
        for unit in ["a.", "1.", "x-", "it's", "1,000"] {
            let text = Array(String(repeating: unit, count: 1_000_000 / unit.utf8.count).utf8)
            text.withUnsafeBufferPointer { analyzer.analyze(utf8: $0, into: &buffer) }
            #expect(buffer.count > 0)
            #expect(
                (0..<buffer.count).allSatisfy {
                    buffer.end(at: $0) - buffer.start(at: $0) <= 2 * Tokenizer.maximumWordBytes
                }
            )
        }
    }

    @Test(
        "Real press-conference statements keep the invariants",
        .enabled(if: SharedData.isAvailable, SharedData.skipNote)
    )
    func realStatements() throws {
        let data = try Data(contentsOf: SharedData.presconJSONL)
        let lines = data.split(separator: UInt8(ascii: "\n"))
        var checked = 0
        // Every 40th statement: a few hundred statements, every kind of token, quick in a debug build.
        for line in stride(from: 0, to: lines.count, by: 40).map({ lines[$0] }) {
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            for field in ["question", "answer"] {
                guard let text = object[field] as? String else { continue }
                checkInvariants(of: Array(text.utf8))
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
