/// Reads a segment's `.ids` file: the value of the schema's `idField` of any document in O(1), straight
/// from the mapped file.
///
/// Layout (see `Docs/IndexFormat.md`): `maxDoc` little-endian `u32` end offsets, bit 31 set when the
/// document has no value, then the values back to back. Document `d`'s value spans
/// `[end(d − 1), end(d))` of the value area (`end(−1)` = 0).
package struct IDColumnReader: @unchecked Sendable {
    package let file: MappedFile
    private let docCount: Int
    private let values: UnsafeRawPointer
    private let valueBytes: Int

    /// Checks that the file holds `maxDoc` entries, and that the last one ends where the file does; an
    /// index whose schema has no id field has an empty column.
    package init(file: MappedFile, maxDoc: Int, hasIDField: Bool) throws(IndexError) {
        self.file = file
        docCount = hasIDField ? maxDoc : 0
        let table = docCount * 4
        guard file.dataLength >= table else {
            throw IndexError.corrupted(file.name, "it is shorter than its offset table")
        }
        values = file.base + table
        valueBytes = file.dataLength - table
        try file.check(table - 4, 4)
        let last =
            docCount == 0
            ? 0
            : Int(
                UInt32(littleEndian: file.base.loadUnaligned(fromByteOffset: table - 4, as: UInt32.self))
                    & ~IDColumnWriter.absent
            )
        guard last == valueBytes else {
            throw IndexError.corrupted(file.name, "its offsets do not match its size")
        }
    }

    @inline(__always)
    private func end(_ doc: Int) -> UInt32 {
        UInt32(littleEndian: file.base.loadUnaligned(fromByteOffset: doc * 4, as: UInt32.self))
    }

    /// Hands `body` the value bytes of `doc`, or `nil` when it has none.
    ///
    /// - Throws: `.corrupted` when the offsets of `doc` are out of order or out of the file.
    /// - Complexity: O(1) plus the value's length.
    package func withValue<R>(
        _ doc: Int,
        _ body: (UnsafeRawBufferPointer?) throws(IndexError) -> R
    ) throws(IndexError) -> R {
        guard doc >= 0, doc < docCount else {
            if docCount == 0 { return try body(nil) }
            throw IndexError(.invalidArgument, "document \(doc) is outside the segment (\(docCount) documents)")
        }
        if doc == 0 { try file.check(0, 4) } else { try file.check(doc * 4 - 4, 8) }
        let raw = end(doc)
        let stop = Int(raw & ~IDColumnWriter.absent)
        let start = doc == 0 ? 0 : Int(end(doc - 1) & ~IDColumnWriter.absent)
        guard start <= stop, stop <= valueBytes else {
            throw IndexError.corrupted(file.name, "the offsets of document \(doc) are out of order")
        }
        if raw & IDColumnWriter.absent != 0 { return try body(nil) }
        try file.check(docCount * 4 + start, stop - start)
        return try body(UnsafeRawBufferPointer(start: values + start, count: stop - start))
    }

    /// The value of `doc` as a `String`, or `nil` when it has none.
    package func value(_ doc: Int) throws(IndexError) -> String? {
        try withValue(doc) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Checks that every offset follows the one before (what `verifyStructure` adds to the checksum).
    package func validate() throws(IndexError) {
        try file.checkAll()
        var previous: UInt32 = 0
        for doc in 0..<docCount {
            let stop = end(doc) & ~IDColumnWriter.absent
            guard stop >= previous else {
                throw IndexError.corrupted(file.name, "the offsets of document \(doc) are out of order")
            }
            previous = stop
        }
    }
}
