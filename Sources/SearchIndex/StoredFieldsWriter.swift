/// Writes a segment's stored fields: the `.sto` file of zstd-compressed blocks of records, and the `.ids`
/// column holding the schema's `idField` uncompressed (see `Docs/IndexFormat.md`).
///
/// A record is `VInt fieldCount`, then per field `VInt (storedFieldID << 1 | inColumn)` and, unless the
/// value sits in the id column, `VInt byteLength` and the bytes. Only the first value of the id field goes to
/// the column; the record keeps its place, so fields come back in the order they were added.
///
/// The first records of the segment are held back as samples: once they reach
/// `IndexFormat.storedSampleBytes` (or at `finish`), zstd trains a dictionary on them (fastCover),
/// the dictionary is written at the start of the file, and every block is compressed with it. A merge trains
/// its own dictionary the same way, on the records it copies.
package final class StoredFieldsWriter {
    private let directory: String
    private let segment: String
    private let sink: FileSink
    /// The id field's number, or -1 when the schema has none.
    private let idField: Int
    private var ids = IDColumnWriter()
    private var record = ByteWriter(capacity: 4096)
    /// Records held back until the dictionary is trained, and their lengths.
    private var samples = ByteWriter()
    private var sampleLengths: [Int] = []
    private let sampleBytes: Int
    private var compressor: ZstdCompressor?
    private var dictionaryLength = 0
    /// The current block's records and their lengths.
    private var block = ByteWriter(capacity: IndexFormat.storedBlockBytes * 2)
    private var lengths: [Int] = []
    private var payload = ByteWriter(capacity: IndexFormat.storedBlockBytes * 2)
    private var compressed: [UInt8] = []
    private var blockFirstDoc: UInt32 = 0
    private var docCount: UInt32 = 0
    private var index = ByteWriter()
    private var blockCount: UInt32 = 0
    private var largestBlock = 0

    /// Creates `<segment>.sto` in `directory`; `finish` writes `<segment>.ids` next to it.
    ///
    /// - Parameter sampleBytes: record bytes held back to train the dictionary (tests lower it to reach
    ///   the path where records arrive after training).
    package init(
        directory: String,
        segment: String,
        schema: IndexSchema,
        sampleBytes: Int = IndexFormat.storedSampleBytes
    ) throws(IndexError) {
        self.directory = directory
        self.segment = segment
        self.sampleBytes = sampleBytes
        sink = try FileSink(directory: directory, name: "\(segment).\(IndexFileKind.stored.rawValue)")
        idField = schema.idStoredField.map { Int($0.rawValue) } ?? -1
    }

    /// Bytes held in memory, for the writer's budget.
    package var bufferedBytes: Int {
        samples.bytes.capacity + block.bytes.capacity + payload.bytes.capacity + compressed.capacity
            + ids.bufferedBytes
    }

    /// Appends one document's stored fields, its first value of the id field going to the id column.
    package func add(_ doc: IndexDocument) throws(IndexError) {
        record.removeAll()
        record.vint(doc.storedCount)
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
                        record.vint(field << 1 | 1)
                    } else {
                        record.vint(field << 1)
                        record.vint(value.count)
                        record.append(value)
                    }
                }
            } catch { throw IndexError(.invalidArgument, "a document's stored fields are malformed") }
            if idField >= 0 { try ids.add(columnValue) }
        }
        try record.bytes.withBytes { (bytes) throws(IndexError) in try append(bytes) }
    }

    /// Appends a record as another segment wrote it, with its id value (merges).
    package func addRaw(_ record: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer?) throws(IndexError) {
        if idField >= 0 { try ids.add(id) }
        try append(record)
    }

    private func append(_ record: UnsafeRawBufferPointer) throws(IndexError) {
        docCount += 1
        guard compressor != nil else {
            samples.append(record)
            sampleLengths.append(record.count)
            if samples.count >= sampleBytes { try startCompressing() }
            return
        }
        try appendToBlock(record)
    }

    private func appendToBlock(_ record: UnsafeRawBufferPointer) throws(IndexError) {
        block.append(record)
        lengths.append(record.count)
        if block.count >= IndexFormat.storedBlockBytes { try flushBlock() }
    }

    /// Trains the dictionary on the records held back, writes it, then compresses those records.
    ///
    /// The dictionary gets at most a sixteenth of the sample bytes, so a small segment does not carry a
    /// dictionary larger than what it saves; below 1 KiB there is none.
    private func startCompressing() throws(IndexError) {
        let capacity = min(IndexFormat.storedDictionaryBytes, samples.count / 16)
        let dictionary =
            capacity >= 1024
            ? ZstdCompressor.trainDictionary(
                samples: samples.bytes, sizes: sampleLengths, capacity: capacity, level: IndexFormat.storedLevel
            ) ?? []
            : []
        compressor = try ZstdCompressor(level: IndexFormat.storedLevel, dictionary: dictionary)
        try sink.write(dictionary)
        dictionaryLength = dictionary.count
        let held = samples
        let heldLengths = sampleLengths
        samples = ByteWriter()
        sampleLengths = []
        try held.bytes.withBytes { (all) throws(IndexError) in
            var at = 0
            for length in heldLengths {
                try appendToBlock(UnsafeRawBufferPointer(rebasing: all[at..<at + length]))
                at += length
            }
        }
    }

    /// Writes a block: `u32` frame length, then one zstd frame holding `VInt` document count, one `VInt`
    /// record length per document, and the records.
    private func flushBlock() throws(IndexError) {
        guard !lengths.isEmpty, let compressor else { return }
        payload.removeAll()
        payload.vint(lengths.count)
        for length in lengths { payload.vint(length) }
        payload.append(block.bytes)
        largestBlock = max(largestBlock, payload.count)
        compressed.removeAll(keepingCapacity: true)
        try payload.bytes.withBytes { (raw) throws(IndexError) in
            try compressor.compress(raw, appendingTo: &compressed)
        }
        index.u32(blockFirstDoc)
        index.u64(UInt64(sink.offset))
        var header = ByteWriter(capacity: 4)
        header.u32(UInt32(compressed.count))
        try sink.write(header)
        try sink.write(compressed)
        blockCount += 1
        blockFirstDoc += UInt32(lengths.count)
        lengths.removeAll(keepingCapacity: true)
        block.removeAll()
    }

    /// Writes the last block, the block index, the trailer and the footer, then the id column.
    package func finish() throws(IndexError) {
        if compressor == nil { try startCompressing() }
        try flushBlock()
        let indexOffset = sink.offset
        try sink.write(index)
        var trailer = ByteWriter(capacity: 24)
        trailer.u64(UInt64(indexOffset))
        trailer.u32(blockCount)
        trailer.u32(docCount)
        trailer.u32(UInt32(dictionaryLength))
        trailer.u32(UInt32(largestBlock))
        try sink.write(trailer)
        try sink.finish(kind: .stored)
        try ids.finish(directory: directory, name: "\(segment).\(IndexFileKind.ids.rawValue)")
    }
}
