import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// Acceptance 5: at least 10,000 mutated real pages through the reader, fixed seed, no crash.
///
/// Seeds are small windows of real pages (the head plus a few kilobytes of body), so the 10,000 parses
/// stay quick in a debug build; mutations flip, insert, delete and duplicate bytes and splice in markup,
/// entities, invalid UTF-8 and charset declarations.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct FuzzTests {
    static let iterations = 10_000

    static func seeds() throws -> [[UInt8]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: SharedData.rawHTML.path)
            .filter { $0.hasSuffix(".html") }.sorted()
        var seeds: [[UInt8]] = []
        for name in stride(from: 0, to: files.count, by: 21).map({ files[$0] }) {
            let bytes = [UInt8](try Data(contentsOf: SharedData.rawHTML.appendingPathComponent(name)))
            let head = Array(bytes.prefix(600))
            let marker = Array("class=\"content\"".utf8)
            let start = Self.firstIndex(of: marker, in: bytes) ?? bytes.count / 2
            let window = Array(bytes[max(0, start - 200)..<min(bytes.count, start + 2500)])
            seeds.append(head + window + Array("</div></body></html>".utf8))
        }
        return seeds
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<i + needle.count]) == needle { return i }
        }
        return nil
    }

    static let splices: [[UInt8]] =
        [
            "<b>", "</b>", "<P>", "</P>", "<br>", "</div>", "<div class=\"content\">", "<script>", "</script>", "<!--",
            "-->", "&nbsp;", "&amp;nbsp;", "&#0;", "&#x110000;", "Q:", "A:", "问：", "答：", "CCTV: ", "<![CDATA[",
            "<meta charset=\"gb2312\">",
            "<meta charset=\"x-unknown\">", "\u{3000}", "<table><tr><td>", "<img src=\"W0201809\">",
            "<span style=\"display:none\">",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE3, 0x80], [0x00], [0x93], [0xEF, 0xBB, 0xBF]]

    static func mutate(_ seed: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty:
                bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1:
                bytes.insert(contentsOf: splices.randomElement(using: &generator)!, at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...200, using: &generator)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...300, using: &generator))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
            case 4:
                bytes = Array(bytes.prefix(position))
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            }
        }
        return bytes
    }

    @Test func mutatedRealPagesNeverCrashTheReader() throws {
        let seeds = try Self.seeds()
        try #require(seeds.count >= 25)
        let reader = TranscriptReader()
        var generator = SeededGenerator(seed: 0x5EED_2026)
        var parsed = 0
        var statements = 0
        for iteration in 0..<Self.iterations {
            let seed = seeds[iteration % seeds.count]
            let input = Self.mutate(seed, using: &generator)
            let path = iteration % 7 == 0 ? "fuzz-\(iteration).jsonl" : "fuzz-\(iteration).html"
            let result = reader.read(bytes: input, path: path)
            #expect(result.source == path)
            if case .parsed = result.outcome { parsed += 1 }
            statements += result.statements.count
            for statement in result.statements
            where !TextChecks.problems(in: statement.answer).filter({
                !$0.hasPrefix("markup") && !$0.hasPrefix("entity") && !$0.hasPrefix("script")
            }).isEmpty {
                Issue.record("fuzz \(iteration): \(TextChecks.problems(in: statement.answer))")
                break
            }
        }
        // Many mutated pages (those not cut before their body) still yield statements: the reader recovers
        // rather than giving up on a damaged page.
        #expect(parsed > Self.iterations / 4)
        #expect(statements > Self.iterations / 4)
    }
}
