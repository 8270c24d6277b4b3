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
    private let blocks: StoredBlockCompressor
    /// The id field's number, or -1 when the schema has none.
    private let idField: Int
    private var ids = IDColumnWriter()
    private var record = ByteWriter(capacity: 4096)
    private let sampleBytes: Int
    /// Records held back until the dictionary is trained, and their lengths; `nil` once training started.
    private var samples: ByteWriter? = ByteWriter()
    private var sampleLengths: [Int] = []
    /// The current block's records and their lengths.
    private var block = ByteWriter(capacity: IndexFormat.storedBlockBytes * 2)
    private var lengths: [Int] = []
    private var blockFirstDoc: UInt32 = 0
    private var docCount: UInt32 = 0

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
        let sink = try FileSink(directory: directory, name: "\(segment).\(IndexFileKind.stored.rawValue)")
        blocks = StoredBlockCompressor(sink: sink)
        idField = schema.idStoredField.map { Int($0.rawValue) } ?? -1
    }

    /// Bytes held in memory that grow with the segment, for the writer's budget (the compressor's pending
    /// blocks, at most `StoredBlockCompressor.pendingBytes`, are a fixed overhead like the file buffers).
    package var bufferedBytes: Int { (samples?.bytes.capacity ?? 0) + block.bytes.capacity + ids.bufferedBytes }

    /// Appends one document's stored fields, its first value of the id field going to the id column.
    package func add(_ doc: IndexDocument) throws(IndexError) {
        try writeHead(doc, extraFields: 0)
        try record.bytes.withBytes { (bytes) throws(IndexError) in try append(bytes) }
    }

    /// Appends one document's stored fields followed by one more value, `text` of stored field `field`,
    /// which may be very long: the record is built once, straight into a block of its own.
    package func add(
        _ doc: IndexDocument,
        appending text: (field: StoredFieldID, bytes: UnsafeRawBufferPointer)
    ) throws(IndexError) {
        try writeHead(doc, extraFields: 1)
        var tail = ByteWriter(capacity: 20)
        tail.vint(Int(text.field.rawValue) << 1)
        tail.vint(text.bytes.count)
        let length = record.count + tail.count + text.bytes.count
        guard length >= Self.largeRecordBytes else {
            record.append(tail.bytes)
            record.append(text.bytes)
            try record.bytes.withBytes { (bytes) throws(IndexError) in try append(bytes) }
            return
        }
        var payload = ByteWriter(capacity: length + 20)
        payload.vint(1)
        payload.vint(length)
        payload.append(record.bytes)
        payload.append(tail.bytes)
        payload.append(text.bytes)
        appendLarge(payload.bytes)
    }

    /// Records at least this long get a block of their own, built without the copies a block of many
    /// records takes (held-back samples, the block, its payload).
    static let largeRecordBytes = 1 << 20

    /// Writes `record`'s head: the field count (`doc`'s plus `extraFields`) and `doc`'s fields.
    private func writeHead(_ doc: IndexDocument, extraFields: Int) throws(IndexError) {
        record.removeAll()
        record.vint(doc.storedCount + extraFields)
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
    }

    /// Appends a record as another segment wrote it, with its id value (merges).
    package func addRaw(_ record: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer?) throws(IndexError) {
        if idField >= 0 { try ids.add(id) }
        try append(record)
    }

    private func append(_ record: UnsafeRawBufferPointer) throws(IndexError) {
        if record.count >= Self.largeRecordBytes {
            var payload = ByteWriter(capacity: record.count + 20)
            payload.vint(1)
            payload.vint(record.count)
            payload.append(record)
            appendLarge(payload.bytes)
            return
        }
        docCount += 1
        if samples != nil {
            samples!.append(record)
            sampleLengths.append(record.count)
            if samples!.count >= sampleBytes { startCompressing() }
            return
        }
        appendToBlock(record)
    }

    private func appendToBlock(_ record: UnsafeRawBufferPointer) {
        block.append(record)
        lengths.append(record.count)
        if block.count >= IndexFormat.storedBlockBytes { flushBlock() }
    }

    /// Hands the records held back to the compressor to train the dictionary on, then cuts them into blocks.
    private func startCompressing() {
        guard let held = samples else { return }
        let heldLengths = sampleLengths
        samples = nil
        sampleLengths = []
        blocks.start(samples: held.bytes, lengths: heldLengths)
        held.bytes.withUnsafeBytes { all in
            var at = 0
            for length in heldLengths {
                appendToBlock(UnsafeRawBufferPointer(rebasing: all[at..<at + length]))
                at += length
            }
        }
    }

    /// Ends the current block and hands over `payload`, one record's block, then waits until it is written,
    /// so that no more than one such payload (and its compressed bytes) is held at a time.
    private func appendLarge(_ payload: [UInt8]) {
        docCount += 1
        startCompressing()
        flushBlock()
        blocks.compress(payload: payload, firstDoc: blockFirstDoc)
        blockFirstDoc += 1
        blocks.drain()
    }

    /// Hands over a block's payload: `VInt` document count, one `VInt` record length per document, and the
    /// records (compressed into one zstd frame by `StoredBlockCompressor`).
    private func flushBlock() {
        guard !lengths.isEmpty else { return }
        var payload = ByteWriter(capacity: block.count + lengths.count * 3 + 5)
        payload.vint(lengths.count)
        for length in lengths { payload.vint(length) }
        payload.append(block.bytes)
        blocks.compress(payload: payload.bytes, firstDoc: blockFirstDoc)
        blockFirstDoc += UInt32(lengths.count)
        lengths.removeAll(keepingCapacity: true)
        block.removeAll()
    }

    /// Writes the last block, waits for the compressor to finish the `.sto` file, then writes the id column.
    package func finish() throws(IndexError) {
        startCompressing()
        flushBlock()
        try blocks.finish(docCount: docCount)
        try ids.finish(directory: directory, name: "\(segment).\(IndexFileKind.ids.rawValue)")
    }
}
