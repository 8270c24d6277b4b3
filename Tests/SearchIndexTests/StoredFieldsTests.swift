import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Stored fields: zstd blocks, dictionaries and the id column")
struct StoredFieldsTests {
    static let schema = IndexSchema(
        textFields: [],
        keywordFields: [],
        storedFields: ["id", "title", "body"],
        idField: "id"
    )

    /// Writes `records` (field name, value pairs per document) with the stored-fields writer alone, and
    /// opens them again.
    static func roundTrip(
        _ records: [[(String, String)]],
        schema: IndexSchema = schema,
        sampleBytes: Int = IndexFormat.storedSampleBytes
    ) throws -> (StoredFieldsReader, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let writer = try StoredFieldsWriter(
            directory: dir.url.path,
            segment: "s",
            schema: schema,
            sampleBytes: sampleBytes
        )
        var doc = IndexDocument()
        for record in records {
            doc.removeAll()
            for (name, value) in record { doc.addStored(field: schema.storedField(named: name)!, value: value) }
            try writer.add(doc)
        }
        try writer.finish()
        let reader = try StoredFieldsReader(
            file: MappedFile(directory: dir.url.path, name: "s.sto", kind: .stored),
            idFile: MappedFile(directory: dir.url.path, name: "s.ids", kind: .ids),
            maxDoc: records.count,
            schema: schema
        )
        return (reader, dir)
    }

    /// Every document's fields in order, by `document`, by `forEachRecord` (merges) and the id by `value`.
    static func expectRecords(
        _ reader: StoredFieldsReader,
        _ records: [[(String, String)]],
        schema: IndexSchema = schema
    )
        throws
    {
        for (doc, record) in records.enumerated() {
            let fields = try reader.document(doc, schema: schema)
            #expect(fields.map(\.name) == record.map(\.0))
            #expect(fields.map(\.value) == record.map(\.1), "document \(doc)")
            let id = schema.storedField(named: "id")!
            #expect(try reader.value(doc, field: id, schema: schema) == record.first { $0.0 == "id" }?.1)
        }
        var seen = 0
        try reader.forEachRecord { (doc, _, _) throws(IndexError) in
            #expect(doc == seen)
            seen += 1
        }
        #expect(seen == records.count)
    }

    static func text(_ n: Int, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        let words = ["the", "spokesperson", "said", "China", "trade", "patent", "green", "technology", "答", "中国"]
        return (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
    }

    @Test("an empty segment has no blocks and no dictionary")
    func empty() throws {
        let (reader, _) = try Self.roundTrip([])
        #expect(reader.dictionaryLength == 0)
        try Self.expectRecords(reader, [])
        #expect(throws: IndexError.self) { try reader.document(0, schema: Self.schema) }
    }

    @Test("one document, with and without an id")
    func oneDocument() throws {
        for record in [[("id", "s1"), ("title", "Regular press conference")], [("body", "no id here")]] {
            let (reader, _) = try Self.roundTrip([record])
            try Self.expectRecords(reader, [record])
        }
    }

    @Test("the id may come anywhere, be empty, or appear twice; fields keep their order")
    func idPlacement() throws {
        let records: [[(String, String)]] = [
            [("title", "t"), ("id", "a-1"), ("body", "b")],
            [("id", ""), ("body", "empty id")],
            [("id", "first"), ("id", "second")],
            [],
            [("body", "x"), ("title", "y")],
        ]
        let (reader, _) = try Self.roundTrip(records)
        try Self.expectRecords(reader, records)
        #expect(try reader.value(2, field: StoredFieldID(rawValue: 0), schema: Self.schema) == "first")
        #expect(try reader.value(4, field: StoredFieldID(rawValue: 0), schema: Self.schema) == nil)
    }

    @Test("a schema without an id field writes an empty column")
    func noIDField() throws {
        let schema = IndexSchema(textFields: [], keywordFields: [], storedFields: ["id", "body"])
        let records = (0..<50).map { [("id", "d\($0)"), ("body", Self.text(40, seed: UInt64($0)))] }
        let (reader, dir) = try Self.roundTrip(records, schema: schema)
        try Self.expectRecords(reader, records, schema: schema)
        let size = try FileManager.default.attributesOfItem(atPath: dir.url.path + "/s.ids")[.size] as? Int
        #expect(size == FileFooter.size + 8)  // the data length (0) and the footer
    }

    @Test("records larger than a block, incompressible bytes, and records after the dictionary is trained")
    func awkwardRecords() throws {
        var rng = SeededGenerator(seed: 5)
        var records: [[(String, String)]] = []
        for n in 0..<400 {
            var body: String
            switch n % 50 {
            case 7:  // larger than a block on its own
                body = Self.text(IndexFormat.storedBlockBytes / 2, seed: UInt64(n))
            case 8:  // random scalars: nothing for zstd to find
                body = String(
                    String.UnicodeScalarView(
                        (0..<3000).map { _ in Unicode.Scalar(UInt32(0x4E00 + rng.next() % 20000))! }
                    )
                )
            default:
                body = Self.text(Int(rng.next() % 300), seed: UInt64(n))
            }
            records.append([("id", "doc-\(n)"), ("title", "title \(n % 13)"), ("body", body)])
        }
        // Trained at finish on everything, or mid-way on the first 64 KiB and then compressing the rest.
        for sampleBytes in [IndexFormat.storedSampleBytes, 64 << 10] {
            let (reader, _) = try Self.roundTrip(records, sampleBytes: sampleBytes)
            #expect(reader.dictionaryLength > 0)
            try Self.expectRecords(reader, records)
        }
    }

    @Test("a segment too small to train a dictionary uses plain zstd frames")
    func dictionaryTooSmallToTrain() throws {
        let records = (0..<3).map { [("id", "x\($0)"), ("body", "short \($0)")] }
        let (reader, _) = try Self.roundTrip(records)
        #expect(reader.dictionaryLength == 0)
        try Self.expectRecords(reader, records)
    }
}
