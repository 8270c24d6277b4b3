/// Writes the `.tim` file: sorted term keys in front-coded blocks of 32, then a block index that a reader
/// binary-searches in place (fixed-width entries pointing at each block's first key).
///
/// A noncopyable value owned by the `SegmentSerializer`, with the `.tim` sink it writes to.
package struct TermDictionaryWriter: ~Copyable {
    private var sink: FileSink
    private var block = ByteWriter(capacity: 4096)
    private var blockTerms = 0
    private var blockDocBase = 0
    private var blockPosBase = 0
    private var prevKey: [UInt8] = []
    private var prevDocStart = 0
    private var prevPosStart = 0
    private var entries = ByteWriter()
    private var firstKeys = ByteWriter()
    private var blockCount: UInt32 = 0
    package private(set) var termCount: UInt64 = 0

    package init(sink: consuming FileSink) { self.sink = sink }

    /// Adds the next term; keys must arrive in strictly increasing byte order.
    package mutating func add(
        key: UnsafeBufferPointer<UInt8>,
        docFreq: Int,
        docStart: Int,
        posStart: Int
    ) throws(IndexError) {
        if blockTerms == IndexFormat.termBlockSize { try flushBlock() }
        if blockTerms == 0 {
            blockDocBase = docStart
            blockPosBase = posStart
            prevDocStart = docStart
            prevPosStart = posStart
            entries.u64(UInt64(sink.offset))
            entries.u32(UInt32(firstKeys.count))
            entries.u32(UInt32(key.count))
            firstKeys.append(UnsafeRawBufferPointer(key))
            prevKey.removeAll(keepingCapacity: true)
        }
        var shared = 0
        let limit = min(prevKey.count, key.count)
        while shared < limit && prevKey[shared] == key[shared] { shared += 1 }
        block.vint(shared)
        block.vint(key.count - shared)
        block.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(key)[shared...]))
        block.vint(docFreq)
        block.vint(docStart - prevDocStart)
        block.vint(posStart - prevPosStart)
        prevDocStart = docStart
        prevPosStart = posStart
        prevKey.removeAll(keepingCapacity: true)
        prevKey.append(contentsOf: key)
        blockTerms += 1
        termCount += 1
    }

    private mutating func flushBlock() throws(IndexError) {
        guard blockTerms > 0 else { return }
        var header = ByteWriter(capacity: 16)
        header.vint(blockTerms)
        header.vint(blockDocBase)
        header.vint(blockPosBase)
        try sink.write(header)
        try sink.write(block)
        block.removeAll()
        blockTerms = 0
        blockCount += 1
    }

    /// Writes the last block, the block index, the first keys and the trailer, then the footer.
    package mutating func finish() throws(IndexError) {
        try flushBlock()
        let indexStart = sink.offset
        try sink.write(entries)
        let keysStart = sink.offset
        try sink.write(firstKeys)
        var trailer = ByteWriter(capacity: 28)
        trailer.u64(UInt64(indexStart))
        trailer.u64(UInt64(keysStart))
        trailer.u32(blockCount)
        trailer.u64(termCount)
        try sink.write(trailer)
        try sink.finish(kind: .terms)
    }
}
