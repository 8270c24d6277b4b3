/// The moving state of a `PostingsCursor`: the decoded block of doc ids and frequencies, the skip entries
/// read so far (for moving and for the block-max probe), and where the block's positions are read.
///
/// A noncopyable value that its cursor keeps in memory of its own and changes in place through `mutating`
/// methods, so the loops over postings pay neither reference counting nor dynamic exclusivity checks.
/// Owns the block buffers; frees them when deinitialized. The methods the cursor forwards to are
/// `@inline(__always)`: each public method of the cursor compiles to one function, as before the split.
@usableFromInline
struct PostingsDecoder: ~Copyable {
    /// The current document, -1 before the first move, `noMoreDocs` at the end.
    @usableFromInline var current: Int32 = -1
    /// Documents of the term in the segment.
    let docFreq: Int
    /// The first corruption met, if any; the cursor is then exhausted.
    private(set) var error: IndexError?

    /// The segment, for the names of its files in errors (its mapped files outlive the cursor through it).
    let segment: SegmentReader
    /// The postings bytes and the limits every skip entry and block is checked against.
    let layout: Layout
    /// The positions file's bytes, kept here so reading positions touches no reference count.
    let posBase: UnsafeRawPointer?
    let posEnd: Int
    let norms: UnsafePointer<UInt8>?
    /// Where the field's norms start in `.nrm`, whose pages a decoded block's documents must have checked
    /// (the query layer reads norms straight from the mapping); -1 for a keyword field.
    let normsStart: Int
    /// The page checks of `.doc`, `.pos` and `.nrm`, held as values so a block's checks retain nothing.
    let postingsPages: PageCheck
    let positionsPages: PageCheck
    let normsPages: PageCheck
    let fullBlocks: Int

    @usableFromInline let docs: UnsafeMutablePointer<Int32>
    @usableFromInline let freqs: UnsafeMutablePointer<UInt32>
    /// Documents in the decoded block.
    @usableFromInline var count = 0
    /// The current document's place in the decoded block.
    @usableFromInline var index = 0

    /// Skip state of the decoded block (`decoded`) and of the block-max probe (`shallow`).
    var decoded: SkipState
    var shallow: SkipState
    /// The impacts of the probed block (`shallow`), frequencies and norms increasing.
    @usableFromInline let impactFrequencies: UnsafeMutablePointer<UInt32>
    @usableFromInline let impactNorms: UnsafeMutablePointer<UInt8>
    @usableFromInline var impactCount = 0
    /// For a term of one block (no skip data): its last document, and whether its impacts, computed from
    /// the decoded block on the first probe, are in the impact buffers.
    var singleBlockLastDoc: Int32? = nil
    var singleBlockImpactsReady = false

    /// Reading the decoded block's positions: the next document whose positions are not yet passed
    /// (`posDocIndex`) and the index of its first value in the block's position stream.
    var posDocIndex = 0
    var posValueIndex = 0
    /// Values in the block's position stream (its frequencies summed); -1 until first needed.
    var blockPositionCount = -1
    /// The decoded chunk of 128 position values, its number (-1: none), and the next chunk's header.
    let positionChunk: UnsafeMutablePointer<UInt32>
    var chunkNumber = -1
    var nextChunkNumber = 0
    var nextChunkOffset = 0
    /// The VInt tail after the full chunks: where it starts (-1: not yet found), and the next value to read.
    var tailStart = -1
    var tailIndex = 0
    var tailOffset = 0

    /// Where the reading of skip entries stands, and the block of the last entry read.
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

    /// Where a term's postings lie and what bounds their entries: the postings file's bytes, the
    /// segment's document count, whether skip entries carry positions lengths, and the term's blocks.
    struct Layout {
        let base: UnsafeRawPointer
        let docEnd: Int
        let maxDoc: Int64
        let hasPositions: Bool
        let numBlocks: Int
    }

    /// Checks the term's bounds and reads its skip length; decodes nothing yet (`decodeSingleBlock`).
    init(segment: SegmentReader, field: FieldID, info: TermInfo) throws(IndexError) {
        self.segment = segment
        let file = segment.postingsFile
        let base = file.base
        let docEnd = file.dataLength
        let maxDoc = Int64(segment.maxDoc)
        let hasPositions = segment.schema.isText(field)
        let numBlocks = (info.docFreq + IndexFormat.blockSize - 1) / IndexFormat.blockSize
        layout = Layout(base: base, docEnd: docEnd, maxDoc: maxDoc, hasPositions: hasPositions, numBlocks: numBlocks)
        docFreq = info.docFreq
        posBase = hasPositions ? segment.positionsFile.base : nil
        posEnd = hasPositions ? segment.positionsFile.dataLength : 0
        norms = hasPositions ? segment.normPointer(field) : nil
        normsStart = hasPositions ? Int(field.rawValue) * segment.maxDoc : -1
        postingsPages = file.pageCheck
        positionsPages = segment.positionsFile.pageCheck
        normsPages = segment.normsFile.pageCheck
        fullBlocks = info.docFreq / IndexFormat.blockSize
        guard info.docStart >= 0, info.docStart < docEnd, Int64(info.docFreq) <= maxDoc else {
            throw IndexError.corrupted(file.name, "a term's postings lie outside the file")
        }
        var skipStart = info.docStart
        var skipEnd = info.docStart
        if numBlocks > 1 {
            try file.check(info.docStart, 10)
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
            // Every skip entry is read from here on: check them all now, once.
            try file.check(skipStart, length)
        }
        let state = SkipState(readOffset: skipStart, end: skipEnd, docStart: skipEnd, posStart: info.posStart)
        decoded = state
        shallow = state
        docs = .allocate(capacity: IndexFormat.blockSize)
        freqs = .allocate(capacity: IndexFormat.blockSize)
        impactFrequencies = .allocate(capacity: IndexFormat.maxImpacts)
        impactNorms = .allocate(capacity: IndexFormat.maxImpacts)
        positionChunk = .allocate(capacity: IndexFormat.blockSize)
    }

    deinit {
        docs.deallocate()
        freqs.deallocate()
        impactFrequencies.deallocate()
        impactNorms.deallocate()
        positionChunk.deallocate()
    }

    /// For a term of one block (no skip data), decodes it now; its impacts come from the decoded values
    /// when first probed.
    mutating func decodeSingleBlock() throws(IndexError) {
        guard layout.numBlocks == 1 else { return }
        decoded.block = 0
        decoded.docBytes = layout.docEnd - decoded.docStart
        decoded.posBytes = (layout.hasPositions ? segment.positionsFile.dataLength : 0) - decoded.posStart
        guard decodeBlock() else { throw error ?? IndexError.corrupted(segment.postingsFile.name, "bad postings") }
        singleBlockLastDoc = docs[count - 1]
        index = -1
    }

    /// The current document's frequency of the term.
    @inlinable
    var freq: UInt32 { freqs[index] }

    // MARK: - Moving

    @inlinable
    @inline(__always)
    mutating func next() -> Int32 {
        index &+= 1
        if index < count {
            current = docs[index]
            return current
        }
        return nextBlock()
    }

    @inlinable
    @inline(__always)
    mutating func forEach(through last: Int32, _ body: (_ doc: Int32, _ freq: UInt32) -> Void) -> Int32 {
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
    mutating func nextBlock() -> Int32 {
        guard current != PostingsCursor.noMoreDocs, layout.numBlocks > 1, loadSkip(.decoded), decodeBlock() else {
            return finish()
        }
        index = 0
        current = docs[0]
        return current
    }

    @inline(__always)
    mutating func advance(to target: Int32) -> Int32 {
        if target <= current { return current }
        if count == 0 || index >= count || docs[count - 1] < target {
            guard decodeBlock(holding: target) else { return finish() }
            index = 0
        }
        var i = max(index, 0)
        while docs[i] < target { i &+= 1 }
        index = i
        current = docs[i]
        return current
    }

    /// Finds the block holding `target` from the skip entries, then decodes only that block; `false` when
    /// no block holds it. Kept out of line: most moves stay in the decoded block and need no stack frame.
    @inline(never)
    private mutating func decodeBlock(holding target: Int32) -> Bool {
        guard layout.numBlocks > 1 else { return false }
        // The block-max probe has often read the entry already (block-max search probes before it moves).
        // (An exhausted probe's last document is the `noMoreDocs` marker, not an entry's.)
        if shallow.block > decoded.block, shallow.prevLastDoc < Int64(target), shallow.lastDoc >= Int64(target),
            shallow.lastDoc < Int64(PostingsCursor.noMoreDocs)
        {
            decoded = shallow
        } else {
            repeat {
                guard loadSkip(.decoded) else { return false }
            } while decoded.lastDoc < Int64(target)
        }
        return decodeBlock()
    }

    private mutating func finish() -> Int32 {
        current = PostingsCursor.noMoreDocs
        count = 0
        index = 0
        return current
    }

    // MARK: - Decoding

    /// Decodes the block described by `decoded` into `docs` and `freqs`, after checking the pages of its bytes
    /// and of its documents' norms.
    mutating func decodeBlock() -> Bool {
        let start = decoded.docStart
        let end = start + decoded.docBytes
        guard start >= 0, end <= layout.docEnd else { return fail("a postings block lies outside the file") }
        // A term of one block has no skip entry giving its length: its encoding takes at most 10 bytes a document.
        let checked = layout.numBlocks == 1 ? min(decoded.docBytes, IndexFormat.blockSize * 10) : decoded.docBytes
        do throws(IndexError) { try postingsPages(start, checked) } catch {
            return fail(error)
        }
        var prev = decoded.prevLastDoc
        if decoded.block < fullBlocks {
            guard decodeFullBlock(start: start, end: end, prev: &prev) else { return false }
        } else {
            let n = docFreq - fullBlocks * IndexFormat.blockSize
            var r = RawReader(base: layout.base, offset: start, end: end)
            do throws(DecodeFailure) {
                for i in 0..<n {
                    let code = try r.vint()
                    let f = code & 1 != 0 ? 1 : try r.vint()
                    prev &+= Int64(code >> 1) &+ 1
                    guard prev < layout.maxDoc, f > 0, f <= UInt64(UInt32.max) else {
                        return fail("a posting names a document outside the segment")
                    }
                    docs[i] = Int32(truncatingIfNeeded: prev)
                    freqs[i] = UInt32(f)
                }
            } catch { return fail(error.detail) }
            count = n
        }
        guard prev < layout.maxDoc, layout.numBlocks == 1 || prev == decoded.lastDoc else {
            return fail("a postings block disagrees with its skip entry")
        }
        decoded.lastDoc = prev
        if normsStart >= 0, count > 0 {
            let first = Int(docs[0])
            do throws(IndexError) {
                try normsPages(normsStart &+ first, Int(docs[count &- 1]) &- first &+ 1)
            } catch { return fail(error) }
        }
        posDocIndex = 0
        posValueIndex = 0
        blockPositionCount = -1
        chunkNumber = -1
        nextChunkNumber = 0
        nextChunkOffset = decoded.posStart
        tailStart = -1
        return true
    }

    /// Unpacks a full block of 128 bit-packed doc-id deltas and frequencies; `prev` is the previous block's
    /// last document on entry and this block's on return.
    private mutating func decodeFullBlock(start: Int, end: Int, prev: inout Int64) -> Bool {
        var r = RawReader(base: layout.base, offset: start, end: end)
        guard let docWidth = try? Int(r.u8()), docWidth <= 32, r.remaining >= 16 * docWidth + 1 else {
            return fail("a bit-packed block is malformed")
        }
        let packed = layout.base + r.offset
        UnsafeMutableRawPointer(docs).withMemoryRebound(to: UInt32.self, capacity: IndexFormat.blockSize) { out in
            BitPacking.unpack(packed, width: docWidth, into: out)
        }
        r.offset += 16 * docWidth
        guard let freqWidth = try? Int(r.u8()), freqWidth <= 32, r.remaining >= 16 * freqWidth else {
            return fail("a bit-packed block is malformed")
        }
        BitPacking.unpack(layout.base + r.offset, width: freqWidth, into: freqs)
        let docs = self.docs
        let freqs = self.freqs
        var last = prev
        UnsafeMutableRawPointer(docs).withMemoryRebound(to: UInt32.self, capacity: IndexFormat.blockSize) { raw in
            for i in 0..<IndexFormat.blockSize {
                last &+= Int64(raw[i]) &+ 1
                docs[i] = Int32(truncatingIfNeeded: last)
                freqs[i] &+= 1
            }
        }
        prev = last
        count = IndexFormat.blockSize
        return true
    }

    /// Records the first corruption and exhausts the cursor; returns `false` for the caller to return.
    @discardableResult
    mutating func fail(_ detail: String) -> Bool {
        fail(IndexError.corrupted(segment.postingsFile.name, detail))
    }

    /// Records a corruption found in any file (a page checksum) and exhausts the cursor.
    @discardableResult
    mutating func fail(_ found: IndexError) -> Bool {
        if error == nil { error = found }
        current = PostingsCursor.noMoreDocs
        count = 0
        return false
    }
}
