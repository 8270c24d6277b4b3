import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Deletes")
struct DeleteTests {
    @Test("delete by source in committed and buffered documents, then re-add", arguments: [false, true])
    func deleteBySource(flushBetween: Bool) throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.path
        let docs = Fixtures.documents(count: 500, seed: 21, sources: 5)
        try Fixtures.write(Array(docs[0..<300]), to: path)
        let writer = try IndexWriter(
            directory: path,
            schema: Fixtures.schema,
            analyzer: Fixtures.analyzer,
            options: IndexWriterOptions(mergeOnCommit: false)
        )
        var d = IndexDocument()
        for doc in docs[300..<400] {
            Fixtures.indexDocument(doc, into: &d)
            try writer.add(d)
        }
        if flushBetween { try writer.flush() }
        let source = Fixtures.schema.field(named: "source")!
        try writer.deleteDocuments(field: source, term: "src-2")
        // Documents added after the delete stay, even with the deleted source.
        for doc in docs[400..<500] {
            Fixtures.indexDocument(doc, into: &d)
            try writer.add(d)
        }
        try writer.commit(userData: ["step": "2"])
        writer.close()
        let expected = docs[0..<400].filter { $0.keywords[1] != ["src-2"] } + docs[400..<500]
        let snapshot = try IndexSnapshot.open(directory: path, verification: .checksums)
        #expect(snapshot.liveDocCount == expected.count)
        try expectSnapshot(snapshot, matches: NaiveIndex(Array(expected)))

        // Merging purges the deleted documents.
        let merger = try IndexWriter(directory: path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        try merger.forceMerge(maxSegments: 1)
        merger.close()
        let merged = try IndexSnapshot.open(directory: path, verification: .checksums)
        #expect(merged.segments.count == 1)
        #expect(merged.maxDoc == expected.count)
        #expect(!merged.segments[0].hasDeletions)
        try expectSnapshot(merged, matches: NaiveIndex(Array(expected)))
    }

    @Test("with expungeDeletesOnCommit, statistics after delete + re-add equal those of a rebuild")
    func expungeDeletes() throws {
        let refreshed = try TemporaryDirectory()
        let rebuilt = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 400, seed: 24, sources: 4)
        let changed = Fixtures.documents(count: 60, seed: 25, sources: 1)  // all from src-0
        try Fixtures.write(
            docs,
            to: refreshed.url.path,
            options: IndexWriterOptions(mergeOnCommit: false),
            commitEvery: 150
        )
        let writer = try IndexWriter(
            directory: refreshed.url.path,
            schema: Fixtures.schema,
            analyzer: Fixtures.analyzer,
            options: IndexWriterOptions(mergeOnCommit: false, expungeDeletesOnCommit: true)
        )
        try writer.deleteDocuments(field: Fixtures.schema.field(named: "source")!, term: "src-0")
        var d = IndexDocument()
        for doc in changed {
            Fixtures.indexDocument(doc, into: &d)
            try writer.add(d)
        }
        try writer.commit(userData: [:])
        writer.close()
        let expected = docs.filter { $0.keywords[1] != ["src-0"] } + changed
        try Fixtures.write(expected, to: rebuilt.url.path)
        let a = try IndexSnapshot.open(directory: refreshed.url.path)
        let b = try IndexSnapshot.open(directory: rebuilt.url.path)
        #expect(a.segments.allSatisfy { !$0.hasDeletions })
        #expect(a.maxDoc == b.maxDoc)
        for f in 0..<Fixtures.schema.textFields.count {
            #expect(a.fieldStats(FieldID(rawValue: UInt8(f))) == b.fieldStats(FieldID(rawValue: UInt8(f))))
        }
        for term in ["the", "patent", "w5", "w77", "答"] {
            #expect(
                try a.docFreq(field: FieldID(rawValue: 1), term: term)
                    == b.docFreq(field: FieldID(rawValue: 1), term: term)
            )
        }
        try expectSnapshot(a, matches: NaiveIndex(expected))
    }

    @Test("deleting every document of a segment drops the segment")
    func deleteAll() throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 100, seed: 22, sources: 1)
        try Fixtures.write(docs, to: dir.url.path)
        let writer = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        try writer.deleteDocuments(field: Fixtures.schema.field(named: "source")!, term: "src-0")
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        #expect(snapshot.segments.isEmpty)
        #expect(snapshot.liveDocCount == 0)
        #expect(try snapshot.docFreq(field: FieldID(rawValue: 1), term: "the") == 0)
    }

    @Test("deleting an absent term changes nothing")
    func deleteAbsent() throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 50, seed: 23)
        try Fixtures.write(docs, to: dir.url.path)
        let writer = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        try writer.deleteDocuments(field: Fixtures.schema.field(named: "source")!, term: "nowhere")
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        #expect(snapshot.liveDocCount == 50)
        #expect(!snapshot.segments[0].hasDeletions)
    }
}
