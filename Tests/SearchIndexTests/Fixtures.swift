import Foundation
import SearchIndex
import Testing
import TestSupport

/// A document as the tests think of it.
struct TestDoc: Equatable {
    var id: String
    var text: [[String]]  // per text field, tokens in position order
    var keywords: [[String]]  // per keyword field
    var date: Int32
    var stored: [(String, String)]

    static func == (a: TestDoc, b: TestDoc) -> Bool { a.id == b.id }
}

enum Fixtures {
    static let schema = IndexSchema(
        textFields: ["title", "answer"],
        keywordFields: ["id", "source"],
        storedFields: ["id", "title", "answer", "url"],
        idField: "id",
        columns: [
            ColumnField(name: "source", kind: .keyword), ColumnField(name: "first", kind: .keyword),
            ColumnField(name: "stamp", kind: .int64),
        ]
    )

    /// The columns' expected values: the source, the title's first word (none for an empty title), and a
    /// number from the date (negative, to check the sign).
    static func columnValues(_ doc: TestDoc) -> (source: String, first: String?, stamp: Int64) {
        (doc.keywords[1][0], doc.text[0].first, -Int64(doc.date) * 1_000_003)
    }
    static let analyzer = AnalyzerIdentity(name: "test", version: "1")
    static let vocabulary: [String] = {
        var words = ["the", "patent", "trade", "green", "tech", "ip", "mark", "china", "press", "asked", "答", "中国"]
        for k in 0..<400 { words.append("w\(k)") }
        return words
    }()

    /// Random documents with a Zipf-like word distribution, so some terms span many blocks.
    static func documents(count: Int, seed: UInt64, sources: Int = 7) -> [TestDoc] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { n in
            func word() -> String {
                let r = Double.random(in: 0..<1, using: &rng)
                let k = Int(pow(r, 3) * Double(vocabulary.count))
                return vocabulary[min(k, vocabulary.count - 1)]
            }
            let titleLength = Int.random(in: 0...6, using: &rng)
            let answerLength = Int.random(in: 0...(n % 50 == 0 ? 400 : 60), using: &rng)
            let title = (0..<titleLength).map { _ in word() }
            let answer = (0..<answerLength).map { _ in word() }
            let source = "src-\(Int.random(in: 0..<sources, using: &rng))"
            let id = "doc-\(seed)-\(n)"
            let date = Int32(20_190_101 + Int.random(in: 0..<3000, using: &rng))
            return TestDoc(
                id: id,
                text: [title, answer],
                keywords: [[id], [source]],
                date: date,
                stored: [
                    ("id", id), ("title", title.joined(separator: " ")), ("answer", answer.joined(separator: " ")),
                    ("url", "https://x/\(n)"),
                ]
            )
        }
    }

    static func indexDocument(_ doc: TestDoc, into d: inout IndexDocument) {
        d.removeAll()
        for (f, tokens) in doc.text.enumerated() {
            for (p, t) in tokens.enumerated() {
                d.addToken(field: FieldID(rawValue: UInt8(f)), term: t, position: UInt32(p))
            }
        }
        for (f, terms) in doc.keywords.enumerated() {
            for t in terms { d.addKeyword(field: FieldID(rawValue: UInt8(schema.textFields.count + f)), term: t) }
        }
        d.date = doc.date
        let values = columnValues(doc)
        d.setColumn(ColumnID(rawValue: 0), values.source)
        d.setColumn(ColumnID(rawValue: 1), values.first ?? "")
        d.setColumn(ColumnID(rawValue: 2), int64: values.stamp)
        for (name, value) in doc.stored { d.addStored(field: schema.storedField(named: name)!, value: value) }
    }

    static func write(
        _ docs: [TestDoc],
        to directory: String,
        options: IndexWriterOptions = IndexWriterOptions(),
        commitEvery: Int = .max
    ) throws {
        let writer = try IndexWriter(directory: directory, schema: schema, analyzer: analyzer, options: options)
        var d = IndexDocument()
        for (n, doc) in docs.enumerated() {
            indexDocument(doc, into: &d)
            try writer.add(d)
            if (n + 1) % commitEvery == 0 { try writer.commit(userData: ["n": "\(n + 1)"]) }
        }
        try writer.commit(userData: ["n": "\(docs.count)"])
        writer.close()
    }
}

/// The expected index: for every (field, term) the documents (by id) with their positions.
struct NaiveIndex {
    var postings: [FieldID: [String: [String: [UInt32]]]] = [:]
    var docs: [String: TestDoc] = [:]

    init(_ docs: [TestDoc]) {
        for doc in docs {
            self.docs[doc.id] = doc
            for (f, tokens) in doc.text.enumerated() {
                for (p, t) in tokens.enumerated() {
                    postings[FieldID(rawValue: UInt8(f)), default: [:]][t, default: [:]][doc.id, default: []].append(
                        UInt32(p)
                    )
                }
            }
            for (f, terms) in doc.keywords.enumerated() {
                for t in terms {
                    postings[FieldID(rawValue: UInt8(Fixtures.schema.textFields.count + f)), default: [:]][
                        t,
                        default: [:]
                    ][doc.id, default: []].append(0)
                }
            }
        }
    }
}

/// Compares a snapshot with the naive index: every term's postings, frequencies and positions, the norms,
/// dates and stored fields of every live document, and the block-max bounds.
func expectSnapshot(_ snapshot: IndexSnapshot, matches naive: NaiveIndex) throws {
    let schema = snapshot.schema
    let idField = schema.storedField(named: "id")!
    // Map each live (segment, doc) to its test id through the stored fields.
    var ids: [[String?]] = []
    var seen = Set<String>()
    for segment in snapshot.segments {
        var column: [String?] = []
        for d in 0..<Int32(segment.maxDoc) {
            if segment.isDeleted(d) {
                column.append(nil)
                continue
            }
            let fields = try segment.storedFields(d)
            let id = try #require(fields.first { $0.field == idField }?.value)
            let doc = try #require(naive.docs[id], "document \(id) should not be in the index")
            #expect(fields.map { [$0.name, $0.value] } == doc.stored.map { [$0.0, $0.1] })
            // The id comes from the column without decompressing; every other field from the record.
            #expect(try segment.storedValue(d, field: idField) == id)
            #expect(try segment.storedValue(d, field: schema.storedField(named: "url")!) == doc.stored[3].1)
            #expect(segment.date(d) == doc.date)
            let values = Fixtures.columnValues(doc)
            let source = segment.column(ColumnID(rawValue: 0))
            #expect(try source.value(ofOrdinal: source.ordinal(d)) == values.source)
            let first = segment.column(ColumnID(rawValue: 1))
            let ordinal = first.ordinal(d)
            #expect(try (ordinal == 0 ? nil : first.value(ofOrdinal: ordinal)) == values.first)
            #expect(segment.column(ColumnID(rawValue: 2)).int64(d) == values.stamp)
            for f in 0..<schema.textFields.count {
                #expect(segment.norm(FieldID(rawValue: UInt8(f)), d) == NormCodec.encode(UInt32(doc.text[f].count)))
            }
            #expect(!seen.contains(id))
            seen.insert(id)
            column.append(id)
        }
        ids.append(column)
    }
    // Each segment's dictionary is sorted and holds only values some document has.
    for segment in snapshot.segments {
        for k in 0..<2 {
            let column = segment.column(ColumnID(rawValue: UInt16(k)))
            let values = try (0..<column.valueCount).map { try column.value(ofOrdinal: UInt32($0 + 1)) }
            #expect(zip(values, values.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            let used = Set((0..<Int32(segment.maxDoc)).map { column.ordinal($0) })
            #expect(used.subtracting([0]).count == values.count)
        }
    }
    #expect(seen.count == naive.docs.count)
    #expect(snapshot.liveDocCount == naive.docs.count)

    var positions: [UInt32] = []
    // Plain checks inside the loops (an #expect per posting would dominate the run time), reported once.
    var problems: [String] = []
    for (field, terms) in naive.postings {
        let isText = schema.isText(field)
        for (term, expected) in terms {
            var found: [String: [UInt32]] = [:]
            for (s, segment) in snapshot.segments.enumerated() {
                guard let cursor = try segment.postings(field: field, term: term) else { continue }
                var lastDoc: Int32 = -1
                var count = 0
                while cursor.next() != PostingsCursor.noMoreDocs {
                    count += 1
                    if cursor.doc <= lastDoc { problems.append("\(term): doc ids not increasing") }
                    lastDoc = cursor.doc
                    cursor.shallowAdvance(to: cursor.doc)
                    // Some impact of the block must dominate the posting: at least its frequency, at most its norm.
                    let norm = isText ? segment.norm(field, cursor.doc) : 0
                    let covered = (0..<cursor.blockImpactCount).contains { i in
                        cursor.blockImpact(i).freq >= cursor.freq && cursor.blockImpact(i).norm <= norm
                    }
                    if cursor.blockLastDoc < cursor.doc || !covered {
                        problems.append("\(term): block bounds do not cover doc \(cursor.doc)")
                    }
                    guard let id = ids[s][Int(cursor.doc)] else { continue }
                    if isText {
                        try cursor.readPositions(into: &positions)
                        if positions.count != Int(cursor.freq) { problems.append("\(term): positions count") }
                        found[id] = positions
                    } else {
                        found[id] = Array(repeating: 0, count: Int(cursor.freq))
                    }
                }
                if let error = cursor.error { problems.append("\(term): \(error)") }
                if count != cursor.docFreq { problems.append("\(term): \(count) postings, docFreq \(cursor.docFreq)") }
            }
            if found != expected { problems.append("postings of \(schema.name(of: field)):\(term) differ") }
        }
    }
    // No term the naive index lacks.
    for field in (0..<schema.indexedFieldCount).map({ FieldID(rawValue: UInt8($0)) }) {
        for segment in snapshot.segments {
            for entry in try segment.terms(
                field: field,
                prefix: UnsafeRawBufferPointer(start: nil, count: 0),
                limit: .max
            ) {
                let term = String(decoding: entry.term, as: UTF8.self)
                guard naive.postings[field]?[term] == nil else { continue }
                let cursor = try segment.postings(field: field, info: entry.info)
                while cursor.next() != PostingsCursor.noMoreDocs {
                    if !segment.isDeleted(cursor.doc) { problems.append("unexpected term \(term)") }
                }
            }
        }
    }
    #expect(problems.isEmpty, "\(problems.prefix(20))")
}
