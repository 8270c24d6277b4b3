import CLZ4

/// One stored field of a document.
public struct StoredField: Sendable, Equatable {
    /// The field's id in the schema's `storedFields`.
    public var field: StoredFieldID
    /// The field's name.
    public var name: String
    /// The text stored.
    public var value: String

    public init(field: StoredFieldID, name: String, value: String) {
        self.field = field
        self.name = name
        self.value = value
    }
}

/// Reads documents from a `.sto` file: binary search of the block index, LZ4 decompression of one block.
package final class StoredFieldsReader: @unchecked Sendable {
    package let file: MappedFile
    private let indexOffset: Int
    private let blockCount: Int
    private let docCount: Int

    package init(file: MappedFile, maxDoc: Int) throws(IndexError) {
        self.file = file
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
        Int(truncatingIfNeeded: UInt64(littleEndian: file.base.loadUnaligned(fromByteOffset: indexOffset + 12 * k + 4, as: UInt64.self)))
    }

    /// Decompresses the block holding `doc` and hands `body` the document's record bytes
    /// (VInt field count, then per field VInt id, VInt length, bytes).
    package func withRecord<R>(_ doc: Int, _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R) throws(IndexError) -> R {
        guard doc >= 0, doc < docCount else {
            throw IndexError(.invalidArgument, "document \(doc) is outside the segment (\(docCount) documents)")
        }
        var low = 0
        var high = blockCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if blockFirstDoc(mid) <= doc { low = mid } else { high = mid - 1 }
        }
        let first = blockFirstDoc(low)
        let start = blockOffset(low)
        var r = file.reader(from: start, to: indexOffset)
        let rawLength: Int
        let packedLength: Int
        do throws(DecodeFailure) {
            guard start >= 0, start < indexOffset, first <= doc else { throw DecodeFailure.malformed("bad block index") }
            rawLength = Int(try r.u32())
            packedLength = Int(try r.u32())
            // LZ4 expands at most 255 times: a larger claimed length is damage, not a reason to allocate.
            guard packedLength <= r.remaining, rawLength <= packedLength * 255 + 16 else { throw DecodeFailure.truncated }
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        let packed = file.base + r.offset
        var raw = [UInt8](repeating: 0, count: rawLength)
        let n = raw.withUnsafeMutableBytes { dst in
            LZ4_decompress_safe(
                packed.assumingMemoryBound(to: CChar.self), dst.baseAddress!.assumingMemoryBound(to: CChar.self),
                Int32(packedLength), Int32(rawLength))
        }
        guard n == rawLength else { throw IndexError.corrupted(file.name, "a stored-fields block does not decompress") }
        return try raw.withBytes { (all) throws(IndexError) -> R in
            var b = RawReader(base: all.baseAddress!, offset: 0, end: all.count)
            var recordStart = 0
            var recordLength = 0
            do throws(DecodeFailure) {
                let count = try b.vint(max: 1 << 20)
                guard doc - first < count else { throw DecodeFailure.malformed("a block holds fewer documents than indexed") }
                var lengths = 0
                for k in 0..<count {
                    let length = try b.vint(max: all.count)
                    if k < doc - first { lengths += length } else if k == doc - first { recordLength = length }
                }
                recordStart = b.offset + lengths
                guard recordStart + recordLength <= all.count else { throw DecodeFailure.truncated }
            } catch { throw IndexError.corrupted(file.name, error.detail) }
            return try body(UnsafeRawBufferPointer(rebasing: all[recordStart..<recordStart + recordLength]))
        }
    }

    /// The stored fields of `doc`, in the order they were added.
    package func document(_ doc: Int, schema: IndexSchema) throws(IndexError) -> [StoredField] {
        try withRecord(doc) { (record) throws(IndexError) in
            var r = RawReader(base: record.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, offset: 0, end: record.count)
            var fields: [StoredField] = []
            do throws(DecodeFailure) {
                let count = try r.vint(max: 1 << 20)
                fields.reserveCapacity(count)
                for _ in 0..<count {
                    let id = try r.vint(max: schema.storedFields.count - 1)
                    let length = try r.vint(max: r.remaining)
                    let bytes = try r.bytes(length)
                    let value = String(decoding: bytes, as: UTF8.self)
                    fields.append(StoredField(field: StoredFieldID(rawValue: UInt16(id)), name: schema.storedFields[id], value: value))
                }
            } catch { throw IndexError.corrupted(file.name, error.detail) }
            return fields
        }
    }
}
