import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Round trip against a naive in-memory index")
struct RoundTripTests {
    @Test("one segment")
    func oneSegment() throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 600, seed: 1)
        try Fixtures.write(docs, to: dir.url.path)
        let snapshot = try IndexSnapshot.open(directory: dir.url.path, verification: .checksums)
        #expect(snapshot.segments.count == 1)
        #expect(snapshot.userData == ["n": "600"])
        try expectSnapshot(snapshot, matches: NaiveIndex(docs))
        _ = try snapshot.verify()
        try snapshot.verifyStructure()
    }

    @Test("many segments under a small memory budget, without and with merges", arguments: [false, true])
    func manySegments(merge: Bool) throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 1500, seed: 2)
        let options = IndexWriterOptions(memoryBudget: 600_000, mergeFactor: 3, mergeOnCommit: merge)
        try Fixtures.write(docs, to: dir.url.path, options: options, commitEvery: 200)
        let snapshot = try IndexSnapshot.open(directory: dir.url.path, verification: .checksums)
        #expect(snapshot.segments.count > 1)
        try expectSnapshot(snapshot, matches: NaiveIndex(docs))
        try snapshot.verifyStructure()
    }

    @Test("force merge to one segment keeps every posting")
    func forceMerge() throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 900, seed: 3)
        let options = IndexWriterOptions(memoryBudget: 600_000, mergeOnCommit: false)
        try Fixtures.write(docs, to: dir.url.path, options: options, commitEvery: 100)
        let writer = try IndexWriter(directory: dir.url.path, schema: Fixtures.schema, analyzer: Fixtures.analyzer)
        try writer.forceMerge(maxSegments: 1)
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path, verification: .checksums)
        #expect(snapshot.segments.count == 1)
        #expect(snapshot.userData == ["n": "900"])
        try expectSnapshot(snapshot, matches: NaiveIndex(docs))
        // Merged-away files are gone.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(files.filter { $0.hasSuffix(".tim") }.count == 1)
    }

    @Test("advance(to:) lands on the first document at or after the target")
    func advance() throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 2000, seed: 4)
        try Fixtures.write(docs, to: dir.url.path)
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        let segment = snapshot.segments[0]
        var rng = SeededGenerator(seed: 9)
        for term in ["the", "patent", "w3", "w50", "w399", "中国"] {
            guard let all = try segment.postings(field: FieldID(rawValue: 1), term: term) else { continue }
            var list: [Int32] = []
            while all.next() != PostingsCursor.noMoreDocs { list.append(all.doc) }
            for _ in 0..<20 {
                let cursor = try #require(try segment.postings(field: FieldID(rawValue: 1), term: term))
                var target: Int32 = 0
                while true {
                    target += Int32.random(in: 1...300, using: &rng)
                    let got = cursor.advance(to: target)
                    let want = list.first { $0 >= target } ?? PostingsCursor.noMoreDocs
                    #expect(got == want)
                    if got == PostingsCursor.noMoreDocs { break }
                    if Bool.random(using: &rng) {
                        let after = cursor.next()
                        #expect(after == (list.first { $0 > got } ?? PostingsCursor.noMoreDocs))
                        if after == PostingsCursor.noMoreDocs { break }
                        target = after
                    }
                }
            }
        }
    }

    @Test("prefix expansion and document frequencies")
    func prefixAndDocFreq() throws {
        let dir = try TemporaryDirectory()
        let docs = Fixtures.documents(count: 300, seed: 5)
        try Fixtures.write(
            docs,
            to: dir.url.path,
            options: IndexWriterOptions(memoryBudget: 600_000, mergeOnCommit: false),
            commitEvery: 100
        )
        let snapshot = try IndexSnapshot.open(directory: dir.url.path)
        let naive = NaiveIndex(docs)
        let answer = FieldID(rawValue: 1)
        let expected = naive.postings[answer]!.keys.filter { $0.hasPrefix("w1") }.sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        #expect(try snapshot.expand(field: answer, prefix: "w1", limit: 1000) == expected)
        #expect(try snapshot.expand(field: answer, prefix: "w1", limit: 3) == Array(expected.prefix(3)))
        #expect(try snapshot.expand(field: answer, prefix: "zzz", limit: 10) == [])
        for term in ["the", "w7", "答", "absent"] {
            #expect(try snapshot.docFreq(field: answer, term: term) == (naive.postings[answer]![term]?.count ?? 0))
        }
        let (sum, count) = snapshot.fieldStats(answer)
        #expect(sum == UInt64(docs.reduce(0) { $0 + $1.text[1].count }))
        #expect(count == docs.filter { !$0.text[1].isEmpty }.count)
    }
}
