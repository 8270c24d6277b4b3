import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("The lexicon of surface words (.lex)")
struct LexiconTests {
    static let schema = IndexSchema(textFields: ["body"], keywordFields: ["id"], storedFields: ["text"])
    static let analyzer = AnalyzerIdentity(name: "t", version: "1")

    /// A document whose body holds `words` as tokens and as surface words.
    static func document(_ id: String, _ words: [String]) -> IndexDocument {
        var d = IndexDocument()
        for (k, word) in words.enumerated() {
            d.addToken(field: FieldID(rawValue: 0), term: word, position: UInt32(k))
            var bytes = word
            bytes.withUTF8 { d.addSurfaceWord(UnsafeRawBufferPointer($0)) }
        }
        d.addKeyword(field: FieldID(rawValue: 1), term: id)
        return d
    }

    static func counts(_ snapshot: IndexSnapshot) throws -> [String: UInt32] {
        var counts: [String: UInt32] = [:]
        for segment in snapshot.segments {
            try LexiconFile.forEachWord(in: segment.lexiconFile) { word, count in
                counts[String(decoding: word, as: UTF8.self), default: 0] += count
            }
        }
        return counts
    }

    @Test("a flush writes every surface word with its count, and a merge adds the segments' counts")
    func roundTripAndMerge() throws {
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(directory: dir.url.path, schema: Self.schema, analyzer: Self.analyzer)
        try writer.add(Self.document("a", ["huawei", "intellectual", "property", "huawei"]))
        try writer.flush()
        try writer.add(Self.document("b", ["huawei", "tariffs", "intellectual"]))
        try writer.commit(userData: [:])
        let before = try IndexSnapshot.open(directory: dir.url.path)
        #expect(before.segments.count == 2)
        var first: [String: UInt32] = [:]
        try LexiconFile.forEachWord(in: before.segments[0].lexiconFile) { word, count in
            first[String(decoding: word, as: UTF8.self)] = count
        }
        #expect(first == ["huawei": 2, "intellectual": 1, "property": 1])
        try writer.forceMerge(maxSegments: 1, userData: [:])
        writer.close()
        let after = try IndexSnapshot.open(directory: dir.url.path)
        #expect(after.segments.count == 1)
        #expect(try Self.counts(after) == ["huawei": 3, "intellectual": 2, "property": 1, "tariffs": 1])
        try after.verifyStructure()
    }

    @Test("a damaged .lex file is named by verify")
    func damagedLexicon() throws {
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(directory: dir.url.path, schema: Self.schema, analyzer: Self.analyzer)
        try writer.add(Self.document("a", (0..<2000).map { "word\($0 % 700)x" }))
        try writer.commit(userData: [:])
        writer.close()
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: dir.url.path).first { $0.hasSuffix(".lex") }
        )
        let path = dir.url.path + "/" + name
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 3] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: IndexError.self) { try IndexSnapshot.verify(directory: dir.url.path) }
        #expect(error?.code == .corrupted)
        #expect(error?.file == name)
    }
}
