/// Encodes one term's postings at a time into the `.doc` and `.pos` files.
///
/// Per term in `.doc`: when the term has more than one block, `VInt skipLength` and the skip entries (one per
/// block: last doc, the block's byte lengths in `.doc` and `.pos`, its impacts — see ``ImpactFront``);
/// then the blocks: full blocks of 128 bit-packed (doc-id deltas − 1, frequencies − 1), a last partial block
/// as VInts. Positions go to `.pos` per postings block: the block's documents' positions, as deltas within
/// each document, in chunks of 128 bit-packed values and a VInt tail.
///
/// A noncopyable value that its owner (`SegmentSerializer`) lends out `inout` for a term: the loops that add
/// postings then touch its state without reference counting or dynamic exclusivity checks.
package struct PostingsEncoder: ~Copyable {
    private var docSink: FileSink
    private var posSink: FileSink
    private let docs = UnsafeMutablePointer<UInt32>.allocate(capacity: IndexFormat.blockSize)
    private let freqs = UnsafeMutablePointer<UInt32>.allocate(capacity: IndexFormat.blockSize)
    private let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: IndexFormat.blockSize)
    private var buffered = 0
    private var skip = ByteWriter()
    private var body = ByteWriter()
    private var positions = ByteWriter()
    /// The current block's position deltas, all its documents' in order, until the block is written.
    private var blockPositions: [UInt32] = []
    private var blockPosStart = 0
    private var prevBlockLastDoc: Int64 = -1
    private var lastDoc: Int64 = -1
    private var lastPosition: UInt32 = 0
    private var impacts = ImpactFront()
    private var impactPairs: [(frequency: UInt32, norm: UInt8)] = []
    private var blockBodyStart = 0
    private var hasPositions = false
    private var norms: UnsafeBufferPointer<UInt8>? = nil
    /// Documents added to the current term.
    package private(set) var docFreq = 0
    private var termPosStart = 0
    /// Sum of frequencies of the current term.
    package private(set) var totalTermFreq: UInt64 = 0

    package init(docSink: consuming FileSink, posSink: consuming FileSink) {
        self.docSink = docSink
        self.posSink = posSink
    }

    deinit {
        docs.deallocate()
        freqs.deallocate()
        scratch.deallocate()
    }

    /// Begins a term of a field.
    /// - Parameters:
    ///   - hasPositions: whether the field is a text field (positions are then expected per document).
    ///   - norms: the field's norms for the new segment, for the blocks' smallest norm (`nil` for keywords).
    package mutating func startTerm(hasPositions: Bool, norms: UnsafeBufferPointer<UInt8>?) {
        self.hasPositions = hasPositions
        self.norms = norms
        buffered = 0
        docFreq = 0
        totalTermFreq = 0
        skip.removeAll()
        body.removeAll()
        prevBlockLastDoc = -1
        lastDoc = -1
        blockBodyStart = 0
        termPosStart = posSink.offset
        blockPosStart = termPosStart
    }

    /// Adds a document (ids strictly increasing); for text fields follow with `addPosition` × `freq`.
    @inline(__always)
    package mutating func addDoc(_ doc: UInt32, freq: UInt32) throws(IndexError) {
        if buffered == IndexFormat.blockSize { try finishFullBlock() }
        docs[buffered] = doc
        freqs[buffered] = freq
        buffered += 1
        docFreq += 1
        totalTermFreq &+= UInt64(freq)
        let norm = hasPositions ? (norms.map { Int(doc) < $0.count ? $0[Int(doc)] : 0 } ?? 0) : 0
        impacts.add(frequency: freq, norm: norm)
        lastDoc = Int64(doc)
        lastPosition = 0
    }

    /// Adds the next position of the current document (non-decreasing within the document).
    @inline(__always)
    package mutating func addPosition(_ position: UInt32) {
        blockPositions.append(position &- lastPosition)
        lastPosition = position
    }

    /// Adds a position already expressed as a delta from the previous one in the document.
    @inline(__always)
    package mutating func addPositionDelta(_ delta: UInt32) {
        blockPositions.append(delta)
        lastPosition &+= delta
    }

    private mutating func finishFullBlock() throws(IndexError) {
        var prev = prevBlockLastDoc
        for i in 0..<IndexFormat.blockSize {
            scratch[i] = UInt32(Int64(docs[i]) - prev - 1)
            prev = Int64(docs[i])
        }
        let docWidth = BitPacking.bitWidth(scratch, count: IndexFormat.blockSize)
        body.u8(UInt8(docWidth))
        BitPacking.pack(scratch, width: docWidth, into: &body)
        for i in 0..<IndexFormat.blockSize { scratch[i] = freqs[i] - 1 }
        let freqWidth = BitPacking.bitWidth(scratch, count: IndexFormat.blockSize)
        body.u8(UInt8(freqWidth))
        BitPacking.pack(scratch, width: freqWidth, into: &body)
        try endBlock(lastDoc: Int64(docs[IndexFormat.blockSize - 1]))
        buffered = 0
    }

    /// Records the block's skip entry and moves its positions to `.pos`.
    private mutating func endBlock(lastDoc: Int64) throws(IndexError) {
        if hasPositions { encodeBlockPositions() }
        skip.vint(UInt64(lastDoc - prevBlockLastDoc))
        skip.vint(body.count - blockBodyStart)
        if hasPositions { skip.vint(positions.count) }
        impacts.drain(limit: IndexFormat.maxImpacts, into: &impactPairs)
        skip.vint(impactPairs.count)
        var previous: UInt32 = 0
        for pair in impactPairs {
            skip.vint(pair.frequency - previous)
            skip.u8(pair.norm)
            previous = pair.frequency
        }
        if positions.count > 0 { try posSink.write(positions) }
        positions.removeAll()
        prevBlockLastDoc = lastDoc
        blockBodyStart = body.count
    }

    /// Encodes `blockPositions` into `positions`: full chunks of 128 bit-packed with their width, then the
    /// rest as VInts.
    private mutating func encodeBlockPositions() {
        let chunk = IndexFormat.blockSize
        let full = blockPositions.count / chunk * chunk
        blockPositions.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            for start in stride(from: 0, to: full, by: chunk) {
                let width = BitPacking.bitWidth(base + start, count: chunk)
                positions.u8(UInt8(width))
                BitPacking.pack(base + start, width: width, into: &positions)
            }
            for i in full..<values.count { positions.vint(values[i]) }
        }
        blockPositions.removeAll(keepingCapacity: true)
    }

    /// Writes the term's skip data and blocks; returns where they start in `.doc` and `.pos`.
    package mutating func finishTerm() throws(IndexError) -> (docFreq: Int, docStart: Int, posStart: Int) {
        precondition(docFreq > 0, "a term without documents")
        if buffered == IndexFormat.blockSize {
            try finishFullBlock()
        } else if buffered > 0 {
            var prev = prevBlockLastDoc
            for i in 0..<buffered {
                let delta = UInt32(Int64(docs[i]) - prev - 1)
                prev = Int64(docs[i])
                if freqs[i] == 1 {
                    body.vint(UInt64(delta) << 1 | 1)
                } else {
                    body.vint(UInt64(delta) << 1)
                    body.vint(freqs[i])
                }
            }
            try endBlock(lastDoc: Int64(docs[buffered - 1]))
            buffered = 0
        }
        let docStart = docSink.offset
        if docFreq > IndexFormat.blockSize {
            var length = ByteWriter(capacity: 5)
            length.vint(skip.count)
            try docSink.write(length)
            try docSink.write(skip)
        }
        try docSink.write(body)
        return (docFreq, docStart, termPosStart)
    }

    /// Writes the footers of `.doc` and `.pos` and closes them, durably.
    package mutating func finishFiles() throws(IndexError) {
        try docSink.finish(kind: .postings)
        try posSink.finish(kind: .positions)
    }
}
