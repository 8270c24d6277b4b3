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
        #expect(probe.blockImpactCount == 1 && probe.blockImpact(0) == (1, 0))
        // A posting list of a million consecutive docs packs to ~2 bytes per block of 128.
        #expect(snapshot.bytesByKind()[.postings]! < 200_000)
    }

    @Test("positions read after skipping documents match the written ones", arguments: [1, 2, 3, 7, 50])
    func positionsAfterSkips(stride: Int) throws {
        // Frequencies up to 41: a block's positions span many chunks of 128, and a document's cross chunk
        // boundaries and reach into the VInt tail; gaps of 1 to 3 VInt bytes, so tail skips end inside, at
        // and across 8-byte words. 700 documents: five full blocks and a partial one.
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
            if doc % 9 == 0 {
                // Asked again, the reader goes back to the block's start.
                try cursor.readPositions(into: &positions)
                #expect(positions == (0..<freq(doc)).map { position(doc, $0) })
            }
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

@Suite("Block impacts")
struct ImpactTests {
    /// The pairs no other pair beats on both counts, by brute force.
    static func front(_ postings: [(UInt32, UInt8)]) -> [(UInt32, UInt8)] {
        let pairs = Set(postings.map { [Int($0.0), Int($0.1)] })
        return pairs.filter { p in
            !pairs.contains { q in q != p && q[0] >= p[0] && q[1] <= p[1] }
        }.map { (UInt32($0[0]), UInt8($0[1])) }.sorted { $0.0 < $1.0 }
    }

    @Test("the front is the non-dominated pairs; capped, it still covers every posting", arguments: 0..<40)
    func front(seed: Int) {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let postings = (0..<(1 + next(128))).map { _ in (UInt32(1 + next(1 + seed)), UInt8(next(256))) }
        var front = ImpactFront()
        for (f, n) in postings { front.add(frequency: f, norm: n) }
        var pairs: [(frequency: UInt32, norm: UInt8)] = []
        front.drain(limit: 1000, into: &pairs)
        #expect(
            pairs.map { [Int($0.frequency), Int($0.norm)] } == Self.front(postings).map { [Int($0.0), Int($0.1)] }
        )
        #expect(front.isEmpty)
        for limit in [1, 2, 8] {
            for (f, n) in postings { front.add(frequency: f, norm: n) }
            front.drain(limit: limit, into: &pairs)
            #expect(pairs.count <= limit)
            #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.frequency < $1.frequency && $0.norm < $1.norm })
            #expect(postings.allSatisfy { p in pairs.contains { $0.frequency >= p.0 && $0.norm <= p.1 } })
            #expect(pairs.last?.frequency == postings.map(\.0).max())
            #expect(pairs.first?.norm == postings.map(\.1).min())
        }
    }

    @Test("a block's impacts are its best (frequency, length) pairs", arguments: [40, 300])
    func blockImpacts(count: Int) throws {
        // Field length is 1 + frequency ("pad" plus the x's): every frequency is its own impact.
        let docs = Array(0..<count)
        let (_, snapshot) = try CodecTests.build(maxDoc: count, docs: docs, freq: { $0 % 5 + 1 })
        let segment = snapshot.segments[0]
        let probe = try #require(try segment.postings(field: FieldID(rawValue: 0), term: "x"))
        for doc in [0, count - 1] {
            probe.shallowAdvance(to: Int32(doc))
            let impacts = (0..<probe.blockImpactCount).map { probe.blockImpact($0) }
            #expect(impacts.map(\.freq) == [1, 2, 3, 4, 5])
            #expect(impacts.map(\.norm) == (1...5).map { segment.norm(FieldID(rawValue: 0), Int32($0 - 1)) })
        }
        probe.shallowAdvance(to: Int32(count))
        #expect(probe.blockImpactCount == 0)
    }
}
