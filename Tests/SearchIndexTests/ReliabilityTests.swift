import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Corruption, locking and crash safety")
struct ReliabilityTests {
    /// A small committed index with one segment, deletes included, so every kind of file exists.
    static func makeIndex() throws -> (TemporaryDirectory, [TestDoc]) {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 400, seed: 11, sources: 4)
        try Fixtures.write(docs, to: dir.url.path)
        let writer = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        try writer.deleteDocuments(field: Fixtures.schema.field(named: "id")!, term: docs[7].id)
        try writer.commit(userData: [:])
        writer.close()
        return (dir, docs.filter { $0.id != docs[7].id })
    }

    /// Rewrites the commit of the index in `directory` as format version 1 (LZ4 stored fields, no id
    /// column), whose files this podium cannot read; returns that commit.
    @discardableResult
    static func markVersion1(_ directory: String) throws -> IndexCommit {
        var commit = try IndexCommit.read(directory: directory)
        commit.formatVersion = 1
        try commit.write(directory: directory)
        return commit
    }

    static func flipByte(in path: String, at fraction: Double) throws {
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let k = min(bytes.count - 1, Int(Double(bytes.count) * fraction))
        bytes[k] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("a flipped byte in any file is named by verify and by a checked open", arguments: IndexFileKind.allCases)
    func flippedByte(kind: IndexFileKind) throws {
        for fraction in [0.0, 0.5, 0.999] {
            let (dir, _) = try Self.makeIndex()
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: dir.url.path).first {
                    $0.hasSuffix("." + kind.rawValue)
                }
            )
            try Self.flipByte(in: dir.url.path + "/" + name, at: fraction)
            let error = #expect(throws: IndexError.self) { try IndexSnapshot.verify(directory: dir.url.path) }
            #expect(error?.code == .corrupted)
            #expect(error?.file == name, "verify should name \(name): \(error?.message ?? "")")
            #expect(error?.message.contains(name) == true)
            let openError = #expect(throws: IndexError.self) {
                try IndexSnapshot.open(directory: dir.url.path, verification: .checksums)
            }
            #expect(openError?.file == name)
        }
    }

    @Test("an index of an older format version is refused as such, not as damaged")
    func olderVersion() throws {
        let (dir, _) = try Self.makeIndex()
        // A commit of version 1 asks for a rebuild.
        try Self.markVersion1(dir.url.path)
        let error = #expect(throws: IndexError.self) { try IndexSnapshot.open(directory: dir.url.path) }
        #expect(error?.code == .unsupportedVersion)

        // A segment file whose footer says version 1 with a valid checksum is old, not damaged.
        let (other, _) = try Self.makeIndex()
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: other.url.path).first { $0.hasSuffix(".sto") }
        )
        let path = other.url.path + "/" + name
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let footer = bytes.count - 16
        bytes[footer + 8] = 1
        let sum = CRC32C.checksum(Array(bytes[0..<(footer + 12)]))
        for k in 0..<4 { bytes[footer + 12 + k] = UInt8(truncatingIfNeeded: sum >> (8 * UInt32(k))) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fileError = #expect(throws: IndexError.self) { try IndexSnapshot.verify(directory: other.url.path) }
        #expect(fileError?.code == .unsupportedVersion)
        #expect(fileError?.file == name)
    }

    @Test("a rebuild replaces an index of an older format version, and only its first commit removes the old files")
    func rebuildOverOlderVersion() throws {
        let (dir, _) = try Self.makeIndex()
        let commit = try Self.markVersion1(dir.url.path)
        let oldFiles = Set(commit.segments.flatMap(\.fileNames))

        // Opening for an update is refused; opening to create anew is not, and touches nothing yet.
        let refused = #expect(throws: IndexError.self) {
            try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        }
        #expect(refused?.code == .unsupportedVersion)
        let docs = Fixtures.documents(count: 50, seed: 3, sources: 2)
        let writer = try IndexWriter(
            directory: dir.url.path,
            schema: Fixtures.schema,
            analyzer: Fixtures.analyzer,
            options: IndexWriterOptions(create: true)
        )
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path))
        #expect(oldFiles.isSubset(of: present), "the old index's files stay until the new commit")
        var d = IndexDocument()
        for doc in docs {
            Fixtures.indexDocument(doc, into: &d)
            try writer.add(d)
        }
        try writer.commit(userData: [:])
        writer.close()

        let snapshot = try IndexSnapshot.open(directory: dir.url.path, verification: .checksums)
        #expect(snapshot.segments.reduce(0) { $0 + $1.maxDoc } == docs.count)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path))
        #expect(left.isDisjoint(with: oldFiles), "old files left: \(left.intersection(oldFiles))")
    }

    @Test("a flipped byte in meta.json is detected by its checksum")
    func flippedCommit() throws {
        let (dir, _) = try Self.makeIndex()
        try Self.flipByte(in: dir.url.path + "/meta.json", at: 0.6)
        let error = #expect(throws: IndexError.self) { try IndexSnapshot.open(directory: dir.url.path) }
        #expect(error?.code == .corrupted)
        #expect(error?.file == "meta.json")
    }

    @Test("damaged data opened without checksums never crashes the reader")
    func damagedWithoutChecksums() throws {
        var rng = SeededGenerator(seed: 77)
        for round in 0..<24 {
            let (dir, _) = try Self.makeIndex()
            let kinds: [IndexFileKind] = [.terms, .postings, .positions, .stored, .ids]
            let kind = kinds[round % kinds.count]
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: dir.url.path).first {
                    $0.hasSuffix("." + kind.rawValue)
                }
            )
            for _ in 0..<3 {
                try Self.flipByte(in: dir.url.path + "/" + name, at: Double.random(in: 0..<0.98, using: &rng))
            }
            guard let snapshot = try? IndexSnapshot.open(directory: dir.url.path, verification: .footers) else {
                continue
            }
            var positions: [UInt32] = []
            for segment in snapshot.segments {
                for field in 0..<snapshot.schema.indexedFieldCount {
                    let fieldID = FieldID(rawValue: UInt8(field))
                    guard
                        let terms = try? segment.terms(
                            field: fieldID,
                            prefix: UnsafeRawBufferPointer(start: nil, count: 0),
                            limit: .max
                        )
                    else { continue }
                    for entry in terms {
                        guard let cursor = try? segment.postings(field: fieldID, info: entry.info) else { continue }
                        while cursor.next() != PostingsCursor.noMoreDocs {
                            try? cursor.readPositions(into: &positions)
                            cursor.shallowAdvance(to: cursor.doc)
                        }
                    }
                }
                for d in 0..<Int32(segment.maxDoc) { _ = try? segment.storedFields(d) }
            }
            #expect(throws: IndexError.self) { try snapshot.verify() }
            _ = try? snapshot.verifyStructure()  // must not crash, whatever it finds
        }
    }

    @Test("a second writer gets a clear 'locked by process N' error")
    func lock() throws {
        let dir = try TemporaryDirectory()
        let first = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        let error = #expect(throws: IndexError.self) {
            try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        }
        #expect(error?.code == .locked)
        #expect(error?.lockHolder == getpid())
        #expect(error?.message.contains("locked by process \(getpid())") == true)
        first.close()
        let second = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        second.close()
    }

    @Test("readers never see uncommitted work; a dead writer's leftovers are ignored, then removed")
    func atomicity() throws {
        let (dir, docs) = try Self.makeIndex()
        let path = dir.url.path
        let before = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        // A writer that flushed a segment and started a commit, then "died" (never committed, lock released).
        let writer = try IndexWriter(directory: path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        var d = IndexDocument()
        for doc in Fixtures.documents(count: 50, seed: 12) {
            Fixtures.indexDocument(doc, into: &d)
            try writer.add(d)
        }
        try writer.flush()
        writer.close()
        // A half-written temporary commit, as if killed before the rename.
        try Data(#"{"checksum":"0000"#.utf8).write(to: URL(fileURLWithPath: path + "/meta.json.tmp-999-77"))
        let snapshot = try IndexSnapshot.open(directory: path, verification: .checksums)
        try expectSnapshot(snapshot, matches: NaiveIndex(docs))
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).count > before.count)
        // The next writer removes what no commit references.
        let next = try IndexWriter(directory: path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        next.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == before)
        _ = try IndexSnapshot.verify(directory: path)
    }

    @Test("an open snapshot keeps its view while a writer commits and merges")
    func snapshotIsolation() throws {
        let (dir, docs) = try Self.makeIndex()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        let writer = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        try writer.deleteDocuments(field: Fixtures.schema.field(named: "source")!, term: "src-1")
        var d = IndexDocument()
        for doc in Fixtures.documents(count: 30, seed: 13) {
            Fixtures.indexDocument(doc, into: &d)
            try writer.add(d)
        }
        try writer.forceMerge(maxSegments: 1, userData: ["x": "y"])
        writer.close()
        try expectSnapshot(snapshot, matches: NaiveIndex(docs))
        let fresh = try IndexSnapshot.open(directory: dir.url.path)
        #expect(fresh.userData == ["x": "y"])
        #expect(fresh.generation > snapshot.generation)
    }

    @Test("an index with another analyzer or schema is refused unless recreated")
    func mismatch() throws {
        let (dir, _) = try Self.makeIndex()
        let error = #expect(throws: IndexError.self) {
            try IndexWriter(
                directory: dir.url.path,
                schema: Fixtures.schema,
                analyzer: AnalyzerIdentity(name: "test", version: "2")
            )
        }
        #expect(error?.code == .invalidArgument)
        let writer = try IndexWriter(
            directory: dir.url.path,
            schema: Fixtures.schema,
            analyzer: AnalyzerIdentity(name: "test", version: "2"),
            options: IndexWriterOptions(create: true)
        )
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        #expect(snapshot.liveDocCount == 0)
        #expect(snapshot.analyzer.version == "2")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["meta.json", "write.lock"]
        )
    }
}
