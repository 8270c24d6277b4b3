/// One stored field of a document.
public struct StoredField: Sendable, Equatable {
    /// The field's id in the schema's `storedFields`.
    public var field: StoredFieldID
    /// The field's name.
    public var name: String
    /// The text stored.
    public var value: String

    /// A stored value.
    public init(field: StoredFieldID, name: String, value: String) {
        self.field = field
        self.name = name
        self.value = value
    }
}

/// Reads documents from a `.sto` file (binary search of the block index, zstd decompression of one block
/// with the segment's dictionary) and their id from the `.ids` column.
package final class StoredFieldsReader: @unchecked Sendable {
    package let file: MappedFile
    package let ids: IDColumnReader
    private let idField: Int
    private let indexOffset: Int
    private let blockCount: Int
    private let docCount: Int
    /// Bytes of the zstd dictionary at the start of the file (0: none).
    package let dictionaryLength: Int
    /// The largest decompressed block the writer made: a block claiming more is damaged.
    private let largestBlock: Int
    private let decompressor: ZstdDecompressor
    private static let trailerSize = 24

    package init(file: MappedFile, idFile: MappedFile, maxDoc: Int, schema: IndexSchema) throws(IndexError) {
        self.file = file
        let idField = schema.idStoredField.map { Int($0.rawValue) } ?? -1
        self.idField = idField
        ids = try IDColumnReader(file: idFile, maxDoc: maxDoc, hasIDField: idField >= 0)
        let end = file.dataLength
        try file.check(end - Self.trailerSize, Self.trailerSize)
        var r = file.reader(from: max(0, end - Self.trailerSize))
        do throws(DecodeFailure) {
            guard end >= Self.trailerSize else { throw DecodeFailure.truncated }
            indexOffset = Int(truncatingIfNeeded: try r.u64())
            blockCount = Int(try r.u32())
            docCount = Int(try r.u32())
            dictionaryLength = Int(try r.u32())
            largestBlock = Int(try r.u32())
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        guard indexOffset >= dictionaryLength, indexOffset + blockCount * 12 == end - Self.trailerSize,
            docCount == maxDoc, (blockCount == 0) == (docCount == 0), largestBlock <= Int(Int32.max)
        else {
            throw IndexError.corrupted(file.name, "its block index is inconsistent")
        }
        decompressor = ZstdDecompressor(dictionary: UnsafeRawBufferPointer(start: file.base, count: dictionaryLength))
    }

    private func blockFirstDoc(_ k: Int) throws(IndexError) -> Int {
        try file.check(indexOffset + 12 * k, 12)
        return Int(UInt32(littleEndian: file.base.loadUnaligned(fromByteOffset: indexOffset + 12 * k, as: UInt32.self)))
    }

    private func blockOffset(_ k: Int) throws(IndexError) -> Int {
        try file.check(indexOffset + 12 * k, 12)
        return Int(
            truncatingIfNeeded: UInt64(
                littleEndian: file.base.loadUnaligned(fromByteOffset: indexOffset + 12 * k + 4, as: UInt64.self)
            )
        )
    }

    /// A decompressed block: its records' lengths and bytes, and the doc id of its first record.
    private struct Block {
        var firstDoc: Int
        var count: Int
        /// The decompressed payload: VInt count, VInt lengths, records.
        var bytes: [UInt8]
        /// Where the lengths start (after the count) and where the records start.
        var lengthsStart: Int
        var recordsStart: Int
    }

    /// The fields of `doc` when it is a record of `StoredFieldsWriter.largeRecordBytes` or more (alone in its
    /// block), read from a stream: each value decompressed straight into its `String`, so the record is held
    /// once, not twice; `nil` for a document in a block of ordinary size.
    private func largeDocument(
        _ doc: Int,
        schema: IndexSchema,
        streamsLarge: Bool,
        streaming: (StoredFieldID, UnsafeRawBufferPointer) -> Bool
    ) throws(IndexError) -> [StoredField]? {
        guard doc >= 0, doc < docCount, largestBlock >= StoredFieldsWriter.largeRecordBytes else { return nil }
        let k = try blockIndex(of: doc)
        let (frame, size) = try self.frame(k)
        guard size >= StoredFieldsWriter.largeRecordBytes, try blockFirstDoc(k) == doc else { return nil }
        var stream = try ZstdFrameReader(frame, decompressor: decompressor)
        var fields: [StoredField] = []
        let idValue = idField >= 0 ? try ids.value(doc) : nil
        do throws(DecodeFailure) {
            // A block of several records is read as usual.
            guard try stream.vint(max: size) == 1 else { return nil }
            let length = try stream.vint(max: size)
            var left = length
            let count = try stream.vint(max: schema.storedFields.count * 4)
            for k in 0..<count {
                let code = try stream.vint(max: schema.storedFields.count * 2 - 1)
                let name = schema.storedFields[code >> 1]
                let id = StoredFieldID(rawValue: UInt16(code >> 1))
                if code & 1 != 0 {
                    guard code >> 1 == idField else {
                        throw DecodeFailure.malformed("a field other than the id in the column")
                    }
                    fields.append(StoredField(field: id, name: name, value: idValue ?? ""))
                    continue
                }
                let n = try stream.vint(max: left)
                left -= n
                if streamsLarge && n >= StoredFieldsWriter.largeRecordBytes {
                    try stream.chunks(n, readingPast: k < count - 1) { streaming(id, $0) }
                    fields.append(StoredField(field: id, name: name, value: ""))
                    continue
                }
                var failure: DecodeFailure? = nil
                let value = String(unsafeUninitializedCapacity: n) { buffer in
                    guard n > 0 else { return 0 }
                    do throws(DecodeFailure) { try stream.read(into: buffer.baseAddress!, count: n) } catch {
                        failure = error
                    }
                    return n
                }
                if let failure { throw failure }
                fields.append(StoredField(field: id, name: name, value: value))
            }
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        return fields
    }

    /// The block that holds `doc` (a binary search of the block index).
    private func blockIndex(of doc: Int) throws(IndexError) -> Int {
        var low = 0
        var high = blockCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if try blockFirstDoc(mid) <= doc { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Block `k`'s compressed frame, checked against its page checksums, and the size it announces.
    private func frame(_ k: Int) throws(IndexError) -> (UnsafeRawBufferPointer, Int) {
        let start = try blockOffset(k)
        try file.check(start, 4)
        var r = file.reader(from: start, to: indexOffset)
        let frame: UnsafeRawBufferPointer
        let size: Int
        do throws(DecodeFailure) {
            guard start >= dictionaryLength, start < indexOffset else {
                throw DecodeFailure.malformed("bad block index")
            }
            frame = try r.bytes(Int(try r.u32()))
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        try file.check(start, 4 + frame.count)
        try file.check(0, dictionaryLength)
        do throws(DecodeFailure) {
            guard let announced = ZstdDecompressor.contentSize(frame), announced > 0, announced <= largestBlock else {
                throw DecodeFailure.malformed("a block announces an impossible size")
            }
            size = announced
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        return (frame, size)
    }

    /// Decompresses block `k` and checks its table of record lengths.
    private func block(_ k: Int, context: borrowing ZstdDecompressor.Context) throws(IndexError) -> Block {
        let (frame, rawLength) = try self.frame(k)
        var bytes = [UInt8](repeating: 0, count: rawLength)
        var failure: IndexError? = nil
        let ok = bytes.withUnsafeMutableBytes { out in
            do throws(IndexError) { return try decompressor.decompress(frame, into: out, context: context) } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        guard ok else { throw IndexError.corrupted(file.name, "a stored-fields block does not decompress") }
        let firstDoc = try blockFirstDoc(k)
        return try bytes.withBytes { (raw) throws(IndexError) -> Block in
            var p = RawReader(base: raw.baseAddress!, offset: 0, end: raw.count)
            do throws(DecodeFailure) {
                let count = try p.vint(max: rawLength)
                let lengthsStart = p.offset
                var total = 0
                for _ in 0..<count { total += try p.vint(max: rawLength) }
                guard count > 0, total == p.remaining else {
                    throw DecodeFailure.malformed("a block's record lengths do not add up")
                }
                return Block(
                    firstDoc: firstDoc,
                    count: count,
                    bytes: bytes,
                    lengthsStart: lengthsStart,
                    recordsStart: p.offset
                )
            } catch { throw IndexError.corrupted(file.name, error.detail) }
        }
    }

    /// Calls `body` with each record of `block` (its index in the block and its bytes) until it returns false.
    private func forEachRecord(
        in block: Block,
        _ body: (Int, UnsafeRawBufferPointer) throws(IndexError) -> Bool
    ) throws(IndexError) {
        try block.bytes.withBytes { (raw) throws(IndexError) in
            // `block(_:context:)` checked the lengths: they decode and add up to the records' bytes.
            var lengths = RawReader(base: raw.baseAddress!, offset: block.lengthsStart, end: block.recordsStart)
            var at = block.recordsStart
            for k in 0..<block.count {
                let length: Int
                do throws(DecodeFailure) { length = try lengths.vint(max: raw.count - at) } catch {
                    throw IndexError.corrupted(file.name, error.detail)
                }
                if try !body(k, UnsafeRawBufferPointer(rebasing: raw[at..<at + length])) { return }
                at += length
            }
        }
    }

    /// Hands `body` the record bytes of `doc` (see `StoredFieldsWriter`), decompressing its block.
    package func withRecord<R>(
        _ doc: Int,
        _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R
    ) throws(IndexError) -> R {
        guard doc >= 0, doc < docCount else {
            throw IndexError(.invalidArgument, "document \(doc) is outside the segment (\(docCount) documents)")
        }
        let context = try decompressor.makeContext()
        let found = try block(try blockIndex(of: doc), context: context)
        let k = doc - found.firstDoc
        guard k >= 0, k < found.count else {
            throw IndexError.corrupted(file.name, "a block holds fewer documents than indexed")
        }
        var result: R? = nil
        try forEachRecord(in: found) { (i, record) throws(IndexError) -> Bool in
            guard i == k else { return true }
            result = try body(record)
            return false
        }
        return result!
    }

    /// Calls `body` with every document's record and id value in doc-id order, decompressing each block once
    /// (merges).
    package func forEachRecord(
        _ body: (Int, UnsafeRawBufferPointer, UnsafeRawBufferPointer?) throws(IndexError) -> Void
    ) throws(IndexError) {
        let context = try decompressor.makeContext()
        var expected = 0
        for b in 0..<blockCount {
            let found = try block(b, context: context)
            guard found.firstDoc == expected, expected + found.count <= docCount else {
                throw IndexError.corrupted(file.name, "its blocks do not cover the documents in order")
            }
            try forEachRecord(in: found) { (k, record) throws(IndexError) -> Bool in
                try ids.withValue(found.firstDoc + k) { (id) throws(IndexError) in
                    try body(found.firstDoc + k, record, id)
                }
                return true
            }
            expected += found.count
        }
    }

    /// The stored fields of `doc`, in the order they were added.
    ///
    package func document(_ doc: Int, schema: IndexSchema) throws(IndexError) -> [StoredField] {
        try document(doc, schema: schema, streamsLarge: false) { _, _ in false }
    }

    /// The stored fields of `doc`; with `streamsLarge`, a value of `StoredFieldsWriter.largeRecordBytes` or
    /// more is not made a `String` (its field comes back empty): its bytes are handed to `streaming` in
    /// pieces, in order, until it returns `false`.
    package func document(
        _ doc: Int,
        schema: IndexSchema,
        streamsLarge: Bool,
        streaming: (StoredFieldID, UnsafeRawBufferPointer) -> Bool
    ) throws(IndexError) -> [StoredField] {
        if let fields = try largeDocument(doc, schema: schema, streamsLarge: streamsLarge, streaming: streaming) {
            return fields
        }
        var fields: [StoredField] = []
        try forEachField(doc, schema: schema) { (field, bytes) throws(IndexError) in
            fields.append(
                StoredField(
                    field: StoredFieldID(rawValue: UInt16(field)),
                    name: schema.storedFields[field],
                    value: String(decoding: bytes, as: UTF8.self)
                )
            )
            return true
        }
        return fields
    }

    /// The value of one stored field of `doc`, or `nil` when the document has none; only that value
    /// becomes a `String` (a run file needs the id of each hit, not its whole statement).
    ///
    /// - Complexity: O(1) for the schema's id field (read from the column); otherwise one block decompressed.
    package func value(_ doc: Int, field: StoredFieldID, schema: IndexSchema) throws(IndexError) -> String? {
        if Int(field.rawValue) == idField { return try ids.value(doc) }
        var found: String? = nil
        try forEachField(doc, schema: schema) { (id, bytes) throws(IndexError) in
            guard id == Int(field.rawValue) else { return true }
            found = String(decoding: bytes, as: UTF8.self)
            return false
        }
        return found
    }

    /// Calls `body` with each field of `doc` (its number and bytes, the id taken from the column) until it
    /// returns `false`.
    private func forEachField(
        _ doc: Int,
        schema: IndexSchema,
        _ body: (Int, UnsafeRawBufferPointer) throws(IndexError) -> Bool
    ) throws(IndexError) {
        try withRecord(doc) { (record) throws(IndexError) in
            var r = RawReader(
                base: record.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                offset: 0,
                end: record.count
            )
            let count: Int
            do throws(DecodeFailure) { count = try r.vint(max: 1 << 20) } catch {
                throw IndexError.corrupted(file.name, error.detail)
            }
            for _ in 0..<count {
                let code: Int
                do throws(DecodeFailure) { code = try r.vint(max: schema.storedFields.count * 2 - 1) } catch {
                    throw IndexError.corrupted(file.name, error.detail)
                }
                if code & 1 != 0 {
                    guard code >> 1 == idField else {
                        throw IndexError.corrupted(file.name, "a record places a field other than the id in the column")
                    }
                    let more = try ids.withValue(doc) { (value) throws(IndexError) -> Bool in
                        guard let value else {
                            throw IndexError.corrupted(
                                ids.file.name,
                                "document \(doc) has no id, its record says it has"
                            )
                        }
                        return try body(code >> 1, value)
                    }
                    if !more { return }
                } else {
                    let bytes: UnsafeRawBufferPointer
                    do throws(DecodeFailure) { bytes = try r.bytes(try r.vint(max: r.remaining)) } catch {
                        throw IndexError.corrupted(file.name, error.detail)
                    }
                    if try !body(code >> 1, bytes) { return }
                }
            }
        }
    }
}
