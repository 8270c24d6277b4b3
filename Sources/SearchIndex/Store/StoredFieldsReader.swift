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

    /// Decompresses block `k` and checks its table of record lengths.
    private func block(_ k: Int, context: borrowing ZstdDecompressor.Context) throws(IndexError) -> Block {
        let start = try blockOffset(k)
        try file.check(start, 4)
        var r = file.reader(from: start, to: indexOffset)
        let frame: UnsafeRawBufferPointer
        let rawLength: Int
        do throws(DecodeFailure) {
            guard start >= dictionaryLength, start < indexOffset else {
                throw DecodeFailure.malformed("bad block index")
            }
            frame = try r.bytes(Int(try r.u32()))
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        // The frame and the dictionary it is decompressed with.
        try file.check(start, 4 + frame.count)
        try file.check(0, dictionaryLength)
        do throws(DecodeFailure) {
            guard let size = ZstdDecompressor.contentSize(frame), size > 0, size <= largestBlock else {
                throw DecodeFailure.malformed("a block announces an impossible size")
            }
            rawLength = size
        } catch { throw IndexError.corrupted(file.name, error.detail) }
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
        var low = 0
        var high = blockCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if try blockFirstDoc(mid) <= doc { low = mid } else { high = mid - 1 }
        }
        let context = try decompressor.makeContext()
        let found = try block(low, context: context)
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
    package func document(_ doc: Int, schema: IndexSchema) throws(IndexError) -> [StoredField] {
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
