import CLZ4

/// Writes the `.sto` file: documents' stored fields gathered into blocks of about 16 KiB, each compressed
/// with LZ4 behind an uncompressed table of record lengths, then an index of (first doc, offset) per block.
package final class StoredFieldsWriter {
    private let sink: FileSink
    private var block = ByteWriter(capacity: IndexFormat.storedBlockBytes * 2)
    private var lengths: [Int] = []
    private var blockFirstDoc: UInt32 = 0
    private var docCount: UInt32 = 0
    private var index = ByteWriter()
    private var blockCount: UInt32 = 0
    private var compressed: [UInt8] = []

    package init(sink: FileSink) { self.sink = sink }

    package var bufferedBytes: Int { block.bytes.capacity + compressed.capacity }

    /// Appends one document's serialized stored fields.
    package func add(_ doc: IndexDocument) throws(IndexError) {
        try addRaw(count: doc.storedCount, fields: doc.stored.bytes)
    }

    /// Appends a record given as its field count and serialized fields (used by merges).
    package func addRaw(count: Int, fields: [UInt8]) throws(IndexError) {
        let before = block.count
        block.vint(count)
        block.append(fields)
        try fieldsAppended(before: before)
    }

    package func addRaw(_ record: UnsafeRawBufferPointer) throws(IndexError) {
        let before = block.count
        block.append(record)
        try fieldsAppended(before: before)
    }

    private func fieldsAppended(before: Int) throws(IndexError) {
        lengths.append(block.count - before)
        docCount += 1
        if block.count >= IndexFormat.storedBlockBytes { try flushBlock() }
    }

    /// Writes a block: `u32` records length, `u32` compressed length, `VInt` document count and one `VInt`
    /// record length per document (uncompressed, so a reader can decompress only up to the record it wants),
    /// then the records compressed with LZ4.
    private func flushBlock() throws(IndexError) {
        guard !lengths.isEmpty else { return }
        let rawCount = block.count
        let bound = Int(LZ4_compressBound(Int32(rawCount)))
        if compressed.count < bound { compressed = [UInt8](repeating: 0, count: bound) }
        let n = block.bytes.withUnsafeBufferPointer { src in
            compressed.withUnsafeMutableBufferPointer { dst in
                LZ4_compress_default(
                    UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self),
                    UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self),
                    Int32(rawCount),
                    Int32(bound)
                )
            }
        }
        guard n > 0 else { throw IndexError(.io, "LZ4 could not compress a stored-fields block", file: sink.name) }
        index.u32(blockFirstDoc)
        index.u64(UInt64(sink.offset))
        var header = ByteWriter(capacity: lengths.count * 2 + 16)
        header.u32(UInt32(rawCount))
        header.u32(UInt32(n))
        header.vint(lengths.count)
        for length in lengths { header.vint(length) }
        try sink.write(header)
        try compressed.withUnsafeBufferPointer { (all) throws(IndexError) in
            try sink.write(UnsafeRawBufferPointer(start: all.baseAddress, count: Int(n)))
        }
        blockCount += 1
        blockFirstDoc = docCount
        lengths.removeAll(keepingCapacity: true)
        block.removeAll()
    }

    /// Writes the last block, the block index and the trailer, then the footer.
    package func finish() throws(IndexError) {
        try flushBlock()
        let indexOffset = sink.offset
        try sink.write(index)
        var trailer = ByteWriter(capacity: 16)
        trailer.u64(UInt64(indexOffset))
        trailer.u32(blockCount)
        trailer.u32(docCount)
        try sink.write(trailer)
        try sink.finish(kind: .stored)
    }
}
