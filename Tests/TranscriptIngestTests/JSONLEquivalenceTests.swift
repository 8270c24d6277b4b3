import Foundation
import Testing
import TestSupport

@testable import TranscriptIngest

/// The byte-level JSONL reader gives the same statements and warnings as Foundation's `JSONSerialization`
/// followed by the old cleaning, on the real files and on generated lines.
@Suite struct JSONLEquivalenceTests {
    /// Field-by-field, byte-for-byte (Swift's `String ==` would forgive a change of Unicode normalization).
    static func expectSame(_ new: SourceResult, _ old: SourceResult, lines: [[UInt8]]) {
        #expect(new.statements.count == old.statements.count)
        for (a, b) in zip(new.statements, old.statements) {
            let fields: [(String, String, String)] = [
                ("id", a.id, b.id), ("date", a.date, b.date), ("spokesperson", a.spokesperson, b.spokesperson),
                ("outlet", a.outlet, b.outlet), ("title", a.title, b.title), ("question", a.question, b.question),
                ("answer", a.answer, b.answer), ("language", a.language, b.language), ("kind", a.kind, b.kind),
                ("url", a.url, b.url),
            ]
            for (name, x, y) in fields where Array(x.utf8) != Array(y.utf8) {
                Issue.record("statement \(b.ordinal) (\(b.id)) \(name): \(x.debugDescription) != \(y.debugDescription)")
            }
            #expect(a.ordinal == b.ordinal)
            #expect(a.followUp == b.followUp, "statement \(b.ordinal) follow-up")
        }
        for (a, b) in zip(new.warnings, old.warnings) where a != b {
            let line = b.line.map { String(decoding: lines[$0 - 1], as: UTF8.self).debugDescription } ?? ""
            Issue.record("warning \(a) != \(b) for \(line)")
        }
        #expect(new.warnings.count == old.warnings.count)
    }

    @discardableResult
    static func compare(_ bytes: [UInt8], path: String) -> SourceResult {
        let new = TranscriptReader().read(bytes: bytes, path: path)
        let old = FoundationJSONLReference.read(bytes, source: path)
        expectSame(new, old, lines: bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init))
        return new
    }

    @Test(
        .enabled(if: SharedData.isAvailable, SharedData.skipNote),
        arguments: [
            "mfa-presscon.jsonl", "mfa-presscon-zh.jsonl", "cmfa-v4-ukraine-subset.jsonl",
        ]
    )
    func realFilesReadAsFoundationReadsThem(name: String) throws {
        let url = SharedData.root.appendingPathComponent("corpus/\(name)")
        let bytes = [UInt8](try Data(contentsOf: url))
        Self.compare(bytes, path: name)
    }

    @Test(arguments: [1, 2, 3, 4])
    func generatedLinesReadAsFoundationReadsThem(seed: UInt64) {
        var generator = JSONLineGenerator(seed: seed)
        var bytes: [UInt8] = []
        for _ in 0..<1500 {
            bytes += generator.line()
            bytes.append(0x0A)
        }
        let result = Self.compare(bytes, path: "generated-\(seed).jsonl")
        // Most lines are statements, and the rest exercise every warning.
        #expect(result.statements.count > 700)
        #expect(Set(result.warnings.map { $0.message.prefix(12) }).count >= 5)
    }

    @Test(arguments: [11, 12, 13, 14])
    func damagedLinesAreRejectedAsFoundationRejectsThem(seed: UInt64) {
        var generator = JSONLineGenerator(seed: seed)
        var bytes: [UInt8] = []
        var lines = 0
        while lines < 1500 {
            let line = generator.damaged(generator.line())
            // Steer clear of the two intended differences (see `FoundationJSONLReference`).
            guard !JSONLineGenerator.hasTrailingComma(line), !JSONLineGenerator.mayHoldLoneSurrogate(line),
                !line.contains(0x0A)
            else { continue }
            bytes += line
            bytes.append(0x0A)
            lines += 1
        }
        let result = Self.compare(bytes, path: "damaged-\(seed).jsonl")
        #expect(result.warnings.filter { $0.message.hasPrefix("not valid") }.count > 300)
    }
}
