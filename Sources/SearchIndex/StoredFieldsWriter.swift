import CLZ4

/// Writes a segment's stored fields: the `.sto` file, documents' records gathered into blocks of about 16 KiB,
/// each compressed with LZ4 behind an uncompressed table of record lengths, then an index of (first doc,
/// offset) per block; and the `.ids` column holding the schema's `idField` uncompressed.
///
/// A record is `VInt fieldCount`, then per field `VInt (storedFieldID << 1 | inColumn)` and, unless the
/// value sits in the id column, `VInt byteLength` and the bytes. Only the first value of the id field goes to
/// the column; the record keeps its place, so fields come back in the order they were added.
package final class StoredFieldsWriter {
    private let directory: String
    private let segment: String
    private let sink: FileSink
    /// The id field's number, or -1 when the schema has none.
    private let idField: Int
    private var ids = IDColumnWriter()
    private var block = ByteWriter(capacity: IndexFormat.storedBlockBytes * 2)
    private var lengths: [Int] = []
    private var blockFirstDoc: UInt32 = 0
    private var docCount: UInt32 = 0
    private var index = ByteWriter()
    private var blockCount: UInt32 = 0
    private var compressed: [UInt8] = []

    /// Creates `<segment>.sto` in `directory`; `finish` writes `<segment>.ids` next to it.
    package init(directory: String, segment: String, schema: IndexSchema) throws(IndexError) {
        self.directory = directory
        self.segment = segment
        sink = try FileSink(directory: directory, name: "\(segment).\(IndexFileKind.stored.rawValue)")
        idField = schema.idStoredField.map { Int($0.rawValue) } ?? -1
    }

    package var bufferedBytes: Int { block.bytes.capacity + compressed.capacity + ids.bufferedBytes }

    /// Appends one document's stored fields, its first value of the id field going to the id column.
    package func add(_ doc: IndexDocument) throws(IndexError) {
        let before = block.count
        block.vint(doc.storedCount)
        try doc.stored.bytes.withBytes { (all) throws(IndexError) in
            // `IndexDocument.addStored` wrote these bytes: they decode.
            var r = RawReader(base: all.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, offset: 0, end: all.count)
            var columnValue: UnsafeRawBufferPointer? = nil
            do throws(DecodeFailure) {
                for _ in 0..<doc.storedCount {
                    let field = try r.vint(max: Int(UInt16.max))
                    let value = try r.bytes(try r.vint(max: r.remaining))
                    if field == idField && columnValue == nil {
                        columnValue = value
                        block.vint(field << 1 | 1)
                    } else {
                        block.vint(field << 1)
                        block.vint(value.count)
                        block.append(value)
                    }
                }
            } catch { throw IndexError(.invalidArgument, "a document's stored fields are malformed") }
            if idField >= 0 { try ids.add(columnValue) }
        }
        try recordAppended(before: before)
    }

    /// Appends a record as another segment wrote it, with its id value (merges).
    package func addRaw(_ record: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer?) throws(IndexError) {
        let before = block.count
        block.append(record)
        if idField >= 0 { try ids.add(id) }
        try recordAppended(before: before)
    }

    private func recordAppended(before: Int) throws(IndexError) {
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

    /// Writes the last block, the block index, the trailer and the footer, then the id column.
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
        try ids.finish(directory: directory, name: "\(segment).\(IndexFileKind.ids.rawValue)")
    }
}
