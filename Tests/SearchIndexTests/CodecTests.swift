import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Postings codec")
struct CodecTests {
    static let schema = IndexSchema(textFields: ["body"], keywordFields: ["tag"], storedFields: [])

    /// Indexes `maxDoc` documents where term "x" is in the documents of `docs` with frequency `freq(doc)`.
    static func build(
        maxDoc: Int,
        docs: [Int],
        freq: (Int) -> Int,
        position: (_ doc: Int, _ k: Int) -> UInt32 = { _, k in UInt32(1 + k * 3) }
    ) throws -> (TemporaryDirectory, IndexSnapshot) {
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(
            directory: dir.url.path,
            schema: schema,
            analyzer: AnalyzerIdentity(name: "t", version: "1")
        )
        let body = FieldID(rawValue: 0)
        var d = IndexDocument()
        var next = 0
        for n in 0..<maxDoc {
            d.removeAll()
            d.addToken(field: body, term: "pad", position: 0)
            if next < docs.count && docs[next] == n {
                for k in 0..<freq(n) { d.addToken(field: body, term: "x", position: position(n, k)) }
                next += 1
            }
            try writer.add(d)
        }
        try writer.commit(userData: [:])
        writer.close()
        return (dir, try IndexSnapshot.open(directory: dir.url.path, verification: .checksums))
    }

    static func read(_ snapshot: IndexSnapshot) throws -> [(Int32, UInt32, [UInt32])] {
        guard let cursor = try snapshot.segments.first?.postings(field: FieldID(rawValue: 0), term: "x") else {
            return []
        }
        var out: [(Int32, UInt32, [UInt32])] = []
        var positions: [UInt32] = []
        while cursor.next() != PostingsCursor.noMoreDocs {
            try cursor.readPositions(into: &positions)
            out.append((cursor.doc, cursor.freq, positions))
        }
        #expect(cursor.error == nil)
        return out
    }

    @Test(
        "lists of 0, 1, 127, 128, 129, 255, 256, 257 documents round-trip",
        arguments: [0, 1, 127, 128, 129, 255, 256, 257]
    )
    func listLengths(count: Int) throws {
        let docs = (0..<count).map { $0 * 3 + 1 }
        let (_, snapshot) = try Self.build(maxDoc: count * 3 + 2, docs: docs, freq: { $0 % 5 + 1 })
        let got = try Self.read(snapshot)
        #expect(got.map { Int($0.0) } == docs)
        #expect(got.map { Int($0.1) } == docs.map { $0 % 5 + 1 })
        #expect(got.map(\.2) == docs.map { d in (0..<(d % 5 + 1)).map { UInt32(1 + $0 * 3) } })
        #expect(try snapshot.docFreq(field: FieldID(rawValue: 0), term: "x") == count)
        if count == 0 { #expect(try snapshot.segments.first?.postings(field: FieldID(rawValue: 0), term: "x") == nil) }
        if let last = docs.last,
            let probe = try snapshot.segments.first?.postings(field: FieldID(rawValue: 0), term: "x")
        {
            probe.shallowAdvance(to: Int32(last))
            #expect(probe.blockLastDoc == Int32(last))
            #expect(
                probe.blockMaxFreq
                    == UInt32(docs.suffix(count % 128 == 0 ? 128 : count % 128).map { $0 % 5 + 1 }.max()!)
            )
            probe.shallowAdvance(to: Int32(last) + 1)
            #expect(probe.blockLastDoc == PostingsCursor.noMoreDocs)
            #expect(probe.blockMaxFreq == 0)
        }
    }

    @Test("the largest gaps and frequencies: first and last document of a large segment, a frequency of 70,000")
    func largestGaps() throws {
        let maxDoc = 300_000
        let docs = [0, 1, 150_000, maxDoc - 1]
        let (_, snapshot) = try Self.build(maxDoc: maxDoc, docs: docs, freq: { $0 == 150_000 ? 70_000 : 1 })
        let got = try Self.read(snapshot)
        #expect(got.map { Int($0.0) } == docs)
        #expect(got.map(\.1) == [1, 1, 70_000, 1])
        #expect(got[2].2.last == UInt32(1 + 69_999 * 3))
        let pad = try #require(try snapshot.segments[0].postings(field: FieldID(rawValue: 0), term: "pad"))
        #expect(pad.advance(to: Int32(maxDoc - 1)) == Int32(maxDoc - 1))
        #expect(pad.next() == PostingsCursor.noMoreDocs)
    }

    @Test("a term in 10^6 documents: every doc, skips, and block bounds")
    func million() throws {
        let maxDoc = 1_000_000
        let dir = try TemporaryDirectory()
        let writer = try IndexWriter(
            directory: dir.url.path,
            schema: Self.schema,
            analyzer: AnalyzerIdentity(name: "t", version: "1")
        )
        var d = IndexDocument()
        let tag = FieldID(rawValue: 1)
        for _ in 0..<maxDoc {
            d.removeAll()
            d.addKeyword(field: tag, term: "all")
            try writer.add(d)
        }
        try writer.commit(userData: [:])
        writer.close()
        let snapshot = try IndexSnapshot.open(directory: dir.url.path, verification: .checksums)
        let segment = snapshot.segments[0]
        let cursor = try #require(try segment.postings(field: tag, term: "all"))
        #expect(cursor.docFreq == maxDoc)
        var expected: Int32 = 0
        while cursor.next() != PostingsCursor.noMoreDocs {
            if cursor.doc != expected { break }
            expected += 1
        }
        #expect(expected == Int32(maxDoc))
        let skipper = try #require(try segment.postings(field: tag, term: "all"))
        #expect(skipper.advance(to: 999_999) == 999_999)
        let probe = try #require(try segment.postings(field: tag, term: "all"))
        probe.shallowAdvance(to: 500_000)
        #expect(probe.blockLastDoc == 500_095)  // blocks of 128: 500,000 is in the block ending at 3907 × 128 + 127
        #expect(probe.blockMaxFreq == 1)
        #expect(probe.termBounds().maxFreq == 1)
        // A posting list of a million consecutive docs packs to ~2 bytes per block of 128.
        #expect(snapshot.bytesByKind()[.postings]! < 200_000)
    }

    @Test("positions read after skipping documents match the written ones", arguments: [1, 2, 3, 7, 50])
    func positionsAfterSkips(stride: Int) throws {
        // Frequencies up to 40 and gaps of 1 to 3 VInt bytes, so skips end inside, at and across 8-byte words.
        let docs = Array(0..<700)
        let freq = { (doc: Int) in doc % 41 + 1 }
        let position = { (doc: Int, k: Int) in
            UInt32((0...k).reduce(doc % 5) { $0 + [1, 200, 20_000][(doc + $1) % 3] })
        }
        let (_, snapshot) = try Self.build(maxDoc: 700, docs: docs, freq: freq, position: position)
        let cursor = try #require(try snapshot.segments.first?.postings(field: FieldID(rawValue: 0), term: "x"))
        var positions: [UInt32] = []
        var target: Int32 = 0
        while cursor.advance(to: target) != PostingsCursor.noMoreDocs {
            let doc = Int(cursor.doc)
            try cursor.readPositions(into: &positions)
            #expect(positions == (0..<freq(doc)).map { position(doc, $0) })
            target = cursor.doc + Int32(stride)
        }
        #expect(cursor.error == nil)
    }
}

@Suite("Norms")
struct NormTests {
    @Test("short lengths are exact, long ones monotonic and close")
    func norms() {
        for n in 0..<128 { #expect(NormCodec.decode(NormCodec.encode(UInt32(n))) == UInt32(n)) }
        var last: UInt8 = 0
        for n in stride(from: 0, to: 10_000_000, by: 37) {
            let code = NormCodec.encode(UInt32(n))
            #expect(code >= last)
            last = code
            let back = NormCodec.decode(code)
            #expect(back <= UInt32(n))
            if n < 8_000_000 { #expect(Double(n - Int(back)) <= Double(n) / 8 + 1) }
        }
    }
}
