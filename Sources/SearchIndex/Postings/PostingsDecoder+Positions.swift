/// Reading the positions of the decoded block's documents from `.pos`.
extension PostingsDecoder {
    /// See `PostingsCursor.readPositions(into:)`.
    @inline(__always)
    mutating func readPositions(into positions: inout [UInt32]) throws(IndexError) {
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
        if blockPositionCount < 0 { try checkBlockPositions() }
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

    /// Counts the decoded block's positions and checks the pages of its position stream: the length its skip
    /// entry gives, or for a term of one block the most its values can take (chunks of at most 513 bytes,
    /// tail VInts of at most 5).
    private mutating func checkBlockPositions() throws(IndexError) {
        var total = 0
        for i in 0..<count { total &+= Int(freqs[i]) }
        blockPositionCount = total
        let chunks = total / IndexFormat.blockSize
        let bound = chunks * (1 + 16 * 32) + (total - chunks * IndexFormat.blockSize) * 5
        let length = layout.numBlocks == 1 ? min(bound, posEnd - decoded.posStart) : decoded.posBytes
        try positionsPages(decoded.posStart, length)
    }

    /// Unpacks chunk `chunk` of the decoded block's positions into `positionChunk`, walking the chunk
    /// headers from the last one read (or from the block's start when going back).
    private mutating func loadPositionChunk(_ chunk: Int) throws(DecodeFailure) {
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
    private mutating func seekTail(to value: Int) throws(DecodeFailure) {
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
