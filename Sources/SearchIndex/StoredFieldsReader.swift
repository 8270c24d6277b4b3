import CLZ4

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

/// Reads documents from a `.sto` file (binary search of the block index, LZ4 decompression of one block)
/// and their id from the `.ids` column.
package final class StoredFieldsReader: @unchecked Sendable {
    package let file: MappedFile
    package let ids: IDColumnReader
    private let idField: Int
    private let indexOffset: Int
    private let blockCount: Int
    private let docCount: Int

    package init(file: MappedFile, idFile: MappedFile, maxDoc: Int, schema: IndexSchema) throws(IndexError) {
        self.file = file
        let idField = schema.idStoredField.map { Int($0.rawValue) } ?? -1
        self.idField = idField
        ids = try IDColumnReader(file: idFile, maxDoc: maxDoc, hasIDField: idField >= 0)
        let end = file.dataLength
        var r = file.reader(from: max(0, end - 16))
        do throws(DecodeFailure) {
            guard end >= 16 else { throw DecodeFailure.truncated }
            indexOffset = Int(try r.u64())
            blockCount = Int(try r.u32())
            docCount = Int(try r.u32())
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        guard indexOffset >= 0, indexOffset + blockCount * 12 == end - 16, docCount == maxDoc else {
            throw IndexError.corrupted(file.name, "its block index is inconsistent")
        }
    }

    private func blockFirstDoc(_ k: Int) -> Int {
        Int(UInt32(littleEndian: file.base.loadUnaligned(fromByteOffset: indexOffset + 12 * k, as: UInt32.self)))
    }

    private func blockOffset(_ k: Int) -> Int {
        Int(
            truncatingIfNeeded: UInt64(
                littleEndian: file.base.loadUnaligned(fromByteOffset: indexOffset + 12 * k + 4, as: UInt64.self)
            )
        )
    }

    /// A block's header: the records' uncompressed and compressed lengths, each record's length, and
    /// where the compressed bytes start.
    private struct BlockHeader {
        var firstDoc: Int
        var rawLength: Int
        var packed: UnsafeRawPointer
        var packedLength: Int
        var lengths: RawReader
        var count: Int
    }

    private func header(_ block: Int) throws(IndexError) -> BlockHeader {
        let start = blockOffset(block)
        var r = file.reader(from: start, to: indexOffset)
        do throws(DecodeFailure) {
            guard start >= 0, start < indexOffset else { throw DecodeFailure.malformed("bad block index") }
            let rawLength = Int(try r.u32())
            let packedLength = Int(try r.u32())
            let count = try r.vint(max: 1 << 20)
            let lengths = r
            for _ in 0..<count { _ = try r.vint(max: rawLength) }
            // LZ4 expands at most 255 times: a larger claimed length is damage, not a reason to allocate.
            guard packedLength <= r.remaining, rawLength <= packedLength * 255 + 16 else {
                throw DecodeFailure.truncated
            }
            return BlockHeader(
                firstDoc: blockFirstDoc(block),
                rawLength: rawLength,
                packed: file.base + r.offset,
                packedLength: packedLength,
                lengths: lengths,
                count: count
            )
        } catch { throw IndexError.corrupted(file.name, error.detail) }
    }

    /// Hands `body` the record bytes of `doc` (VInt field count, then per field VInt id, VInt length, bytes),
    /// decompressing its block only up to the end of that record.
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
            if blockFirstDoc(mid) <= doc { low = mid } else { high = mid - 1 }
        }
        var block = try header(low)
        let k = doc - block.firstDoc
        var start = 0
        var length = 0
        do throws(DecodeFailure) {
            guard k >= 0, k < block.count else {
                throw DecodeFailure.malformed("a block holds fewer documents than indexed")
            }
            for i in 0...k {
                length = try block.lengths.vint(max: block.rawLength)
                if i < k { start += length }
            }
            guard start + length <= block.rawLength else { throw DecodeFailure.truncated }
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        let end = start + length
        var raw = [UInt8](repeating: 0, count: max(end, 1))
        let n = raw.withUnsafeMutableBytes { dst in
            LZ4_decompress_safe_partial(
                block.packed.assumingMemoryBound(to: CChar.self),
                dst.baseAddress!.assumingMemoryBound(to: CChar.self),
                Int32(block.packedLength),
                Int32(end),
                Int32(end)
            )
        }
        guard n >= Int32(end) else {
            throw IndexError.corrupted(file.name, "a stored-fields block does not decompress")
        }
        return try raw.withBytes { (all) throws(IndexError) -> R in
            try body(UnsafeRawBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// Calls `body` with every document's record and id value in doc-id order, decompressing each block once
    /// (merges).
    package func forEachRecord(
        _ body: (Int, UnsafeRawBufferPointer, UnsafeRawBufferPointer?) throws(IndexError) -> Void
    ) throws(IndexError) {
        var raw: [UInt8] = []
        for b in 0..<blockCount {
            var block = try header(b)
            if raw.count < block.rawLength { raw = [UInt8](repeating: 0, count: block.rawLength) }
            let n = raw.withUnsafeMutableBytes { dst in
                LZ4_decompress_safe(
                    block.packed.assumingMemoryBound(to: CChar.self),
                    dst.baseAddress!.assumingMemoryBound(to: CChar.self),
                    Int32(block.packedLength),
                    Int32(block.rawLength)
                )
            }
            guard n == Int32(block.rawLength) else {
                throw IndexError.corrupted(file.name, "a stored-fields block does not decompress")
            }
            try raw.withBytes { (all) throws(IndexError) in
                var at = 0
                for k in 0..<block.count {
                    let length: Int
                    do throws(DecodeFailure) { length = try block.lengths.vint(max: block.rawLength) } catch {
                        throw IndexError.corrupted(file.name, error.detail)
                    }
                    guard at + length <= block.rawLength, block.firstDoc + k < docCount else {
                        throw IndexError.corrupted(file.name, "a stored-fields block is truncated")
                    }
                    let record = UnsafeRawBufferPointer(rebasing: all[at..<at + length])
                    try ids.withValue(block.firstDoc + k) { (id) throws(IndexError) in
                        try body(block.firstDoc + k, record, id)
                    }
                    at += length
                }
            }
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
                            throw IndexError.corrupted(ids.file.name, "document \(doc) has no id, its record says it has")
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
