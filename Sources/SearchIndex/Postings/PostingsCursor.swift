/// Iterates the documents of one term in one segment, in increasing doc-id order, with their frequencies,
/// positions on demand, and per-block upper bounds for block-max WAND.
///
/// A cursor starts before its first document (`doc == -1`). Deleted documents are not skipped: check
/// `SegmentReader.isDeleted` when collecting. Moving never allocates; the doc and frequency buffers
/// (128 entries each) are allocated once per cursor.
///
/// Corrupted postings (bounds, impossible doc ids) end the iteration and set `error`: a query layer checks
/// `error` after using the cursor, so a damaged file is reported instead of giving wrong results.
public final class PostingsCursor {
    /// The value of `doc` once the cursor is exhausted.
    public static let noMoreDocs = Int32.max

    /// The current document, -1 before the first move, `noMoreDocs` at the end.
    @inlinable
    public var doc: Int32 { current }
    /// Storage of `doc`, settable from the inlined `next()`.
    @usableFromInline var current: Int32 = -1
    /// Documents of the term in the segment.
    public let docFreq: Int
    /// The first corruption met, if any; the cursor is then exhausted.
    public private(set) var error: IndexError?

    private let segment: SegmentReader
    private let base: UnsafeRawPointer
    private let docEnd: Int
    private let maxDoc: Int64
    private let hasPositions: Bool
    /// The positions file's bytes, kept here so reading positions touches no reference count.
    private let posBase: UnsafeRawPointer?
    private let posEnd: Int
    private let norms: UnsafePointer<UInt8>?
    private let numBlocks: Int
    private let fullBlocks: Int

    @usableFromInline let docs: UnsafeMutablePointer<Int32>
    @usableFromInline let freqs: UnsafeMutablePointer<UInt32>
    /// Documents in the decoded block.
    @usableFromInline var count = 0
    /// The current document's place in the decoded block; read by the inlined `freq`.
    @usableFromInline var index = 0

    /// Skip state of the decoded block (`decoded`) and of the block-max probe (`shallow`).
    private var decoded: SkipState
    private var shallow: SkipState
    /// The impacts of the probed block (`shallow`), frequencies and norms increasing.
    @usableFromInline let impactFrequencies: UnsafeMutablePointer<UInt32>
    @usableFromInline let impactNorms: UnsafeMutablePointer<UInt8>
    @usableFromInline var impactCount = 0
    /// For a term of one block (no skip data): its last document, and whether its impacts, computed from
    /// the decoded block on the first probe, are in the impact buffers.
    private var singleBlockLastDoc: Int32? = nil
    private var singleBlockImpactsReady = false
    private let skipDataStart: Int

    /// Reading the decoded block's positions: the next document whose positions are not yet passed
    /// (`posDocIndex`) and the index of its first value in the block's position stream.
    private var posDocIndex = 0
    private var posValueIndex = 0
    /// Values in the block's position stream (its frequencies summed); -1 until first needed.
    private var blockPositionCount = -1
    /// The decoded chunk of 128 position values, its number (-1: none), and the next chunk's header.
    private let positionChunk: UnsafeMutablePointer<UInt32>
    private var chunkNumber = -1
    private var nextChunkNumber = 0
    private var nextChunkOffset = 0
    /// The VInt tail after the full chunks: where it starts (-1: not yet found), and the next value to read.
    private var tailStart = -1
    private var tailIndex = 0
    private var tailOffset = 0

    struct SkipState {
        var readOffset: Int
        var end: Int
        var block = -1
        var prevLastDoc: Int64 = -1
        var lastDoc: Int64 = -1
        var docStart: Int
        var docBytes = 0
        var posStart: Int
        var posBytes = 0
    }

    init(segment: SegmentReader, field: FieldID, info: TermInfo) throws(IndexError) {
        self.segment = segment
        let file = segment.postingsFile
        base = file.base
        docEnd = file.dataLength
        maxDoc = Int64(segment.maxDoc)
        docFreq = info.docFreq
        hasPositions = segment.schema.isText(field)
        posBase = hasPositions ? segment.positionsFile.base : nil
        posEnd = hasPositions ? segment.positionsFile.dataLength : 0
        norms = hasPositions ? segment.normPointer(field) : nil
        numBlocks = (info.docFreq + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        fullBlocks = info.docFreq / IndexFormat.blockSize
        guard info.docStart >= 0, info.docStart < docEnd, Int64(info.docFreq) <= maxDoc else {
            throw IndexError.corrupted(file.name, "a term's postings lie outside the file")
        }
        var skipStart = info.docStart
        var skipEnd = info.docStart
        if numBlocks > 1 {
            var r = RawReader(base: base, offset: info.docStart, end: docEnd)
            let length: Int
            do throws(DecodeFailure) { length = try r.vint(max: docEnd) } catch {
                throw IndexError.corrupted(file.name, error.detail)
            }
            skipStart = r.offset
            skipEnd = skipStart + length
            guard skipEnd <= docEnd else {
                throw IndexError.corrupted(file.name, "a term's skip data lies outside the file")
            }
        }
        skipDataStart = skipStart
        docs = .allocate(capacity: IndexFormat.blockSize)
        freqs = .allocate(capacity: IndexFormat.blockSize)
        impactFrequencies = .allocate(capacity: IndexFormat.maxImpacts)
        impactNorms = .allocate(capacity: IndexFormat.maxImpacts)
        positionChunk = .allocate(capacity: IndexFormat.blockSize)
        let state = SkipState(readOffset: skipStart, end: skipEnd, docStart: skipEnd, posStart: info.posStart)
        decoded = state
        shallow = state
        if numBlocks == 1 {
            // One block: decode it now; its impacts come from the decoded values when first probed.
            decoded.block = 0
            decoded.docBytes = docEnd - skipEnd
            decoded.posBytes = (hasPositions ? segment.positionsFile.dataLength : 0) - info.posStart
            // On failure deinit frees the buffers: self is fully initialized here.
            guard decodeBlock() else { throw error ?? IndexError.corrupted(file.name, "bad postings") }
            singleBlockLastDoc = docs[count - 1]
            index = -1
        }
    }

    deinit {
        docs.deallocate()
        freqs.deallocate()
        impactFrequencies.deallocate()
        impactNorms.deallocate()
        positionChunk.deallocate()
    }

    /// The current document's frequency of the term.
    @inlinable
    public var freq: UInt32 { freqs[index] }

    // MARK: - Moving

    /// Moves to the next document and returns it (`noMoreDocs` at the end).
    @inlinable
    @inline(__always)
    @discardableResult
    public func next() -> Int32 {
        index &+= 1
        if index < count {
            current = docs[index]
            return current
        }
        return nextBlock()
    }

    /// Calls `body` with every document up to `last` and its frequency, from the current one on, and
    /// leaves the cursor on the first document after `last` (returned). The cursor must be on a document.
    ///
    /// A loop over the decoded block's arrays: for callers that read every posting of a range.
    @inlinable
    @inline(__always)
    public func forEach(through last: Int32, _ body: (_ doc: Int32, _ freq: UInt32) -> Void) -> Int32 {
        while current <= last {
            var i = max(index, 0)
            let end = count
            while i < end {
                let doc = docs[i]
                if doc > last {
                    index = i
                    current = doc
                    return doc
                }
                body(doc, freqs[i])
                i &+= 1
            }
            index = end
            _ = nextBlock()
        }
        return current
    }

    @usableFromInline
    func nextBlock() -> Int32 {
        guard doc != PostingsCursor.noMoreDocs, numBlocks > 1, loadSkip(&decoded, keepingImpacts: false), decodeBlock()
        else {
            return finish()
        }
        index = 0
        current = docs[0]
        return doc
    }

    /// Moves to the first document ≥ `target` and returns it (`noMoreDocs` if none).
    ///
    /// - Complexity: skips whole blocks through the skip entries without decoding them.
    public func advance(to target: Int32) -> Int32 {
        if target <= doc { return doc }
        if count == 0 || index >= count || docs[count - 1] < target {
            guard numBlocks > 1 else { return finish() }
            // Find the block holding target from the skip entries, then decode only that block. The
            // block-max probe has often read the entry already (block-max search probes before it moves).
            // (An exhausted probe's last document is the `noMoreDocs` marker, not an entry's.)
            if shallow.block > decoded.block, shallow.prevLastDoc < Int64(target), shallow.lastDoc >= Int64(target),
                shallow.lastDoc < Int64(PostingsCursor.noMoreDocs)
            {
                decoded = shallow
            } else {
                repeat {
                    guard loadSkip(&decoded, keepingImpacts: false) else { return finish() }
                } while decoded.lastDoc < Int64(target)
            }
            guard decodeBlock() else { return finish() }
            index = 0
        }
        var i = max(index, 0)
        while docs[i] < target { i &+= 1 }
        index = i
        current = docs[i]
        return doc
    }

    private func finish() -> Int32 {
        current = PostingsCursor.noMoreDocs
        count = 0
        index = 0
        return doc
    }

    // MARK: - Block-max bounds

    /// Moves the block-max probe to the block that holds `target` (or the first block after it) without
    /// decoding anything or moving `doc`. Targets must not decrease between calls.
    public func shallowAdvance(to target: Int32) {
        guard numBlocks > 1 else {
            guard let last = singleBlockLastDoc else { return }
            if target > last {
                singleBlockLastDoc = PostingsCursor.noMoreDocs
                impactCount = 0
                singleBlockImpactsReady = true
            } else if !singleBlockImpactsReady {
                computeSingleBlockImpacts()
            }
            return
        }
        while shallow.lastDoc < Int64(target) {
            guard loadSkip(&shallow, keepingImpacts: true) else {
                shallow.lastDoc = Int64(PostingsCursor.noMoreDocs)
                impactCount = 0
                return
            }
        }
    }

    /// The last document of the probed block; `noMoreDocs` (with no impacts) once the probe passed the
    /// last document. Valid after `shallowAdvance`.
    public var blockLastDoc: Int32 {
        if let singleBlockLastDoc { return singleBlockLastDoc }
        return shallow.block < 0 ? -1 : Int32(truncatingIfNeeded: shallow.lastDoc)
    }

    /// How many (frequency, norm) pairs bound the probed block: every document of the block has a
    /// frequency at most, and a norm at least, those of one of them. Valid after `shallowAdvance`.
    @inlinable
    public var blockImpactCount: Int { impactCount }

    /// Impact `i` (in `0..<blockImpactCount`) of the probed block; frequencies and norms increase with `i`.
    /// Norms are 0 for keyword fields.
    @inlinable
    public func blockImpact(_ i: Int) -> (freq: UInt32, norm: UInt8) {
        (impactFrequencies[i], impactNorms[i])
    }

    /// The largest frequency in the probed block (0 past the end).
    public var blockMaxFreq: UInt32 { impactCount == 0 ? 0 : impactFrequencies[impactCount - 1] }

    /// Fills the impact buffers from the only block, decoded at open.
    private func computeSingleBlockImpacts() {
        var front = ImpactFront()
        for i in 0..<count {
            front.add(frequency: freqs[i], norm: norms.map { $0[Int(docs[i])] } ?? 0)
        }
        var pairs: [(frequency: UInt32, norm: UInt8)] = []
        front.drain(limit: IndexFormat.maxImpacts, into: &pairs)
        for (i, pair) in pairs.enumerated() {
            impactFrequencies[i] = pair.frequency
            impactNorms[i] = pair.norm
        }
        impactCount = pairs.count
        singleBlockImpactsReady = true
    }

    // MARK: - Decoding

    /// Reads the next skip entry into `state`, and its impacts into the impact buffers when
    /// `keepingImpacts`; `false` at the end (or on corruption, with `error` set).
    private func loadSkip(_ state: inout SkipState, keepingImpacts: Bool) -> Bool {
        guard state.block + 1 < numBlocks else { return false }
        var r = RawReader(base: base, offset: state.readOffset, end: state.end)
        do throws(DecodeFailure) {
            let delta = try r.vint(max: Int(maxDoc) + 1)
            let docBytes = try r.vint(max: docEnd)
            let posBytes = hasPositions ? try r.vint(max: Int(Int32.max) * 256) : 0
            let impacts = try r.vint(max: IndexFormat.maxImpacts)
            guard impacts > 0 else { return fail("a skip entry has no impacts") }
            var frequency: UInt64 = 0
            var previousNorm = -1
            for i in 0..<impacts {
                let step = UInt64(try r.vint(max: Int(UInt32.max)))
                let norm = try r.u8()
                frequency &+= step
                // Both increase strictly; a keyword field's single pair has norm 0.
                guard step > 0 || i == 0, Int(norm) > previousNorm, frequency > 0, frequency <= UInt64(UInt32.max),
                    hasPositions || norm == 0
                else { return fail("a skip entry's impacts are out of order") }
                previousNorm = Int(norm)
                if keepingImpacts {
                    impactFrequencies[i] = UInt32(truncatingIfNeeded: frequency)
                    impactNorms[i] = norm
                }
            }
            if keepingImpacts { impactCount = impacts }
            state.docStart += state.docBytes
            state.posStart += state.posBytes
            state.prevLastDoc = state.lastDoc
            state.lastDoc += Int64(delta)
            state.docBytes = docBytes
            state.posBytes = posBytes
            state.block += 1
            state.readOffset = r.offset
        } catch {
            fail(error.detail)
            return false
        }
        guard delta(state) else { return false }
        return true
    }

    private func delta(_ state: SkipState) -> Bool {
        guard state.lastDoc < maxDoc, state.lastDoc > state.prevLastDoc, state.docStart + state.docBytes <= docEnd
        else {
            fail("a skip entry points outside the segment")
            return false
        }
        return true
    }

    /// Decodes the block described by `decoded` into `docs` and `freqs`.
    private func decodeBlock() -> Bool {
        let start = decoded.docStart
        let end = start + decoded.docBytes
        guard start >= 0, end <= docEnd else { return fail("a postings block lies outside the file") }
        var prev = decoded.prevLastDoc
        if decoded.block < fullBlocks {
            var r = RawReader(base: base, offset: start, end: end)
            guard let docWidth = try? Int(r.u8()), docWidth <= 32, r.remaining >= 16 * docWidth + 1 else {
                return fail("a bit-packed block is malformed")
            }
            let packed = base + r.offset
            UnsafeMutableRawPointer(docs).withMemoryRebound(to: UInt32.self, capacity: IndexFormat.blockSize) { out in
                BitPacking.unpack(packed, width: docWidth, into: out)
            }
            r.offset += 16 * docWidth
            guard let freqWidth = try? Int(r.u8()), freqWidth <= 32, r.remaining >= 16 * freqWidth else {
                return fail("a bit-packed block is malformed")
            }
            BitPacking.unpack(base + r.offset, width: freqWidth, into: freqs)
            UnsafeMutableRawPointer(docs).withMemoryRebound(to: UInt32.self, capacity: IndexFormat.blockSize) { raw in
                for i in 0..<IndexFormat.blockSize {
                    prev &+= Int64(raw[i]) &+ 1
                    docs[i] = Int32(truncatingIfNeeded: prev)
                    freqs[i] &+= 1
                }
            }
            count = IndexFormat.blockSize
        } else {
            let n = docFreq - fullBlocks * IndexFormat.blockSize
            var r = RawReader(base: base, offset: start, end: end)
            do throws(DecodeFailure) {
                for i in 0..<n {
                    let code = try r.vint()
                    let f = code & 1 != 0 ? 1 : try r.vint()
                    prev &+= Int64(code >> 1) &+ 1
                    guard prev < maxDoc, f > 0, f <= UInt64(UInt32.max) else {
                        return fail("a posting names a document outside the segment")
                    }
                    docs[i] = Int32(truncatingIfNeeded: prev)
                    freqs[i] = UInt32(f)
                }
            } catch { return fail(error.detail) }
            count = n
        }
        guard prev < maxDoc, numBlocks == 1 || prev == decoded.lastDoc else {
            return fail("a postings block disagrees with its skip entry")
        }
        decoded.lastDoc = prev
        posDocIndex = 0
        posValueIndex = 0
        blockPositionCount = -1
        chunkNumber = -1
        nextChunkNumber = 0
        nextChunkOffset = decoded.posStart
        tailStart = -1
        return true
    }

    @discardableResult
    private func fail(_ detail: String) -> Bool {
        if error == nil { error = IndexError.corrupted(segment.postingsFile.name, detail) }
        current = PostingsCursor.noMoreDocs
        count = 0
        return false
    }

    // MARK: - Positions

    /// Replaces `positions` with the current document's positions, in increasing order.
    ///
    /// Reads `.pos` only when called; reuses `positions`' capacity. A block's positions are one stream of
    /// values (each document's deltas, in document order): chunks of 128 bit-packed values, then VInts. The
    /// document's first value is found by summing the frequencies before it; only the chunks that hold its
    /// values are unpacked, and tail values before it are skipped without decoding.
    /// - Throws: `IndexError.corrupted` naming the positions file when its data is damaged.
    public func readPositions(into positions: inout [UInt32]) throws(IndexError) {
        guard posBase != nil, index >= 0, index < count else {
            positions.removeAll(keepingCapacity: true)
            return
        }
        if posDocIndex > index {
            posDocIndex = 0
            posValueIndex = 0
        }
        while posDocIndex < index {
            posValueIndex &+= Int(freqs[posDocIndex])
            posDocIndex &+= 1
        }
        if blockPositionCount < 0 {
            var total = 0
            for i in 0..<count { total &+= Int(freqs[i]) }
            blockPositionCount = total
        }
        let chunked = blockPositionCount / IndexFormat.blockSize * IndexFormat.blockSize
        let n = Int(freqs[index])
        // Fill the buffer in place: no per-element append (capacity and uniqueness checks).
        if positions.count > n {
            positions.removeLast(positions.count - n)
        } else if positions.count < n {
            positions.append(contentsOf: repeatElement(0, count: n - positions.count))
        }
        do throws(DecodeFailure) {
            try positions.withUnsafeMutableBufferPointer { (out) throws(DecodeFailure) in
                var position: UInt64 = 0
                var value = posValueIndex
                var i = 0
                // From the chunks, a chunk at a time.
                while i < n && value < chunked {
                    let chunk = value / IndexFormat.blockSize
                    if chunk != chunkNumber { try loadPositionChunk(chunk) }
                    let stop = min(n, i + (chunk + 1) * IndexFormat.blockSize - value)
                    while i < stop {
                        position &+= UInt64(positionChunk[value & (IndexFormat.blockSize - 1)])
                        out[i] = UInt32(truncatingIfNeeded: position)
                        i &+= 1
                        value &+= 1
                    }
                }
                // From the VInt tail.
                if i < n {
                    try seekTail(to: value)
                    var r = RawReader(base: posBase!, offset: tailOffset, end: posEnd)
                    let first = i
                    while i < n {
                        position &+= try r.vint()
                        out[i] = UInt32(truncatingIfNeeded: position)
                        i &+= 1
                    }
                    tailOffset = r.offset
                    tailIndex = value + (n - first)
                }
                guard position <= UInt64(UInt32.max) else { throw DecodeFailure.malformed("a position is too large") }
            }
        } catch {
            positions.removeAll(keepingCapacity: true)
            throw positionsCorrupted(error.detail)
        }
        posDocIndex = index + 1
        posValueIndex &+= n
    }

    /// Unpacks chunk `chunk` of the decoded block's positions into `positionChunk`, walking the chunk
    /// headers from the last one read (or from the block's start when going back).
    private func loadPositionChunk(_ chunk: Int) throws(DecodeFailure) {
        guard let posBase else { throw DecodeFailure.truncated }
        if chunk < nextChunkNumber {
            nextChunkNumber = 0
            nextChunkOffset = decoded.posStart
        }
        while true {
            let width = try positionChunkWidth(at: nextChunkOffset)
            if nextChunkNumber == chunk {
                BitPacking.unpack(posBase + nextChunkOffset + 1, width: width, into: positionChunk)
                chunkNumber = chunk
            }
            nextChunkOffset += 1 + 16 * width
            nextChunkNumber += 1
            if chunkNumber == chunk { return }
        }
    }

    /// The width byte of the chunk at `offset`, checked: the chunk must lie inside the file.
    @inline(__always)
    private func positionChunkWidth(at offset: Int) throws(DecodeFailure) -> Int {
        guard let posBase, offset >= 0, offset < posEnd else { throw DecodeFailure.truncated }
        let width = Int(posBase.load(fromByteOffset: offset, as: UInt8.self))
        guard width <= 32, offset + 1 + 16 * width <= posEnd else {
            throw DecodeFailure.malformed("a bit-packed position chunk is malformed")
        }
        return width
    }

    /// Moves the tail reader to value `value` of the block's stream (one past the full chunks or later).
    private func seekTail(to value: Int) throws(DecodeFailure) {
        guard let posBase else { throw DecodeFailure.truncated }
        let chunks = blockPositionCount / IndexFormat.blockSize
        if tailStart < 0 {
            var number = nextChunkNumber
            var offset = nextChunkOffset
            while number < chunks {
                offset += 1 + 16 * (try positionChunkWidth(at: offset))
                number += 1
            }
            tailStart = offset
            tailIndex = chunks * IndexFormat.blockSize
            tailOffset = offset
        }
        if value < tailIndex {
            tailIndex = chunks * IndexFormat.blockSize
            tailOffset = tailStart
        }
        guard tailOffset >= 0, tailOffset <= posEnd,
            let next = Self.skipVInts(value - tailIndex, in: posBase, from: tailOffset, end: posEnd)
        else { throw DecodeFailure.truncated }
        tailOffset = next
        tailIndex = value
    }

    private func positionsCorrupted(_ detail: String) -> IndexError {
        IndexError.corrupted(segment.positionsFile.name, detail)
    }

    /// The offset just past the `n`-th VInt from `offset`, or `nil` when the data ends first.
    ///
    /// A VInt ends at its first byte below 0x80, so skipping `n` of them means finding the `n`-th such
    /// byte; eight bytes are tested at once while they lie inside `[offset, end)`.
    @inline(__always)
    static func skipVInts(_ n: Int, in base: UnsafeRawPointer, from offset: Int, end: Int) -> Int? {
        var left = n
        var at = offset
        guard left > 0 else { return at }
        while end &- at >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            var stops = ~word & 0x8080_8080_8080_8080
            let found = stops.nonzeroBitCount
            if found < left {
                left &-= found
                at &+= 8
                continue
            }
            // The wanted end byte is in this word: drop the `left - 1` stops before it.
            for _ in 1..<left { stops &= stops &- 1 }
            return at &+ stops.trailingZeroBitCount / 8 &+ 1
        }
        while at < end {
            let byte = base.load(fromByteOffset: at, as: UInt8.self)
            at &+= 1
            if byte < 0x80 {
                left &-= 1
                if left == 0 { return at }
            }
        }
        return nil
    }
}
