import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Writer input handling")
struct WriterInputTests {
    static let schema = IndexSchema(textFields: ["body"], keywordFields: ["tag"], storedFields: ["text"])
    static let analyzer = AnalyzerIdentity(name: "t", version: "1")

    @Test("tokens may arrive out of position order and fields interleaved")
    func unsortedTokens() throws {
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(directory: dir.url.path, schema: Self.schema, analyzer: Self.analyzer)
        let body = FieldID(rawValue: 0)
        let tag = FieldID(rawValue: 1)
        var d = IndexDocument()
        d.addToken(field: body, term: "b", position: 5)
        d.addKeyword(field: tag, term: "x")
        d.addToken(field: body, term: "a", position: 1)
        d.addToken(field: body, term: "b", position: 2)
        try writer.add(d)
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        let segment = snapshot.segments[0]
        let cursor = try #require(try segment.postings(field: body, term: "b"))
        #expect(cursor.next() == 0)
        var positions: [UInt32] = []
        try cursor.readPositions(into: &positions)
        #expect(positions == [2, 5])
        #expect(segment.norm(body, 0) == 3)
        #expect(try segment.postings(field: tag, term: "x")?.next() == 0)
    }

    @Test("a token of an unknown field or an overlong term is refused, and the writer stays usable")
    func invalidTokens() throws {
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(directory: dir.url.path, schema: Self.schema, analyzer: Self.analyzer)
        var d = IndexDocument()
        d.addToken(field: FieldID(rawValue: 9), term: "a", position: 0)
        #expect(throws: IndexError.self) { try writer.add(d) }
        try writer.commit(userData: [:])
        d.removeAll()
        d.addToken(
            field: FieldID(rawValue: 0),
            term: String(repeating: "x", count: IndexFormat.maxTermLength + 1),
            position: 0
        )
        let error = #expect(throws: IndexError.self) { try writer.add(d) }
        #expect(error?.code == .invalidArgument)
        d.removeAll()
        d.addToken(field: FieldID(rawValue: 0), term: "ok", position: 0)
        d.addStored(field: StoredFieldID(rawValue: 0), value: "fine")
        try writer.add(d)
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        #expect(snapshot.liveDocCount == 1)
        #expect(try snapshot.segments[0].storedFields(0).map(\.value) == ["fine"])
        _ = try snapshot.verify()
    }

    @Test("an empty commit opens as an empty index; a directory without a commit is reported")
    func emptyIndex() throws {
        let dir = try TemporaryDirectory()
        let missing = #expect(throws: IndexError.self) { try IndexSnapshot.open(directory: dir.url.path) }
        #expect(missing?.code == .notFound)
        let writer = try IndexWriter(directory: dir.url.path, schema: Self.schema, analyzer: Self.analyzer)
        try writer.commit(userData: ["sources": "[]"])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        #expect(snapshot.segments.isEmpty)
        #expect(snapshot.userData == ["sources": "[]"])
        #expect(try snapshot.docFreq(field: FieldID(rawValue: 0), term: "a") == 0)
        #expect(try snapshot.expand(field: FieldID(rawValue: 0), prefix: "a", limit: 5) == [])
    }

    @Test("documents without tokens or stored fields round-trip")
    func emptyDocuments() throws {
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(directory: dir.url.path, schema: Self.schema, analyzer: Self.analyzer)
        var d = IndexDocument()
        for k in 0..<3 {
            d.removeAll()
            d.date = Int32(k)
            try writer.add(d)
        }
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        let segment = snapshot.segments[0]
        #expect(segment.maxDoc == 3)
        #expect(segment.date(2) == 2)
        #expect(try segment.storedFields(1).isEmpty)
        #expect(snapshot.fieldStats(FieldID(rawValue: 0)) == (0, 0))
    }
}
