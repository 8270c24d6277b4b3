/// Builds a segment's `.ids` file: one value of the schema's `idField` per document, uncompressed, so that a
/// reader finds it in O(1) (see `IDColumnReader`).
///
/// Values are kept in memory until `finish`: an id is a few bytes, and the file is written in one go.
package struct IDColumnWriter {
    /// Per document the end of its value in `values`; bit 31 set when the document has no value.
    private var ends: [UInt32] = []
    private var values: [UInt8] = []

    /// Bit 31 of an end offset: the document has no value.
    package static let absent: UInt32 = 1 << 31

    package init() {}

    /// Bytes held in memory, for the writer's budget.
    package var bufferedBytes: Int { ends.capacity * 4 + values.capacity }

    /// Appends the next document's value, or `nil` when it has none.
    /// - Throws: `.invalidArgument` once the segment's values pass 2 GiB (offsets are 31 bits).
    package mutating func add(_ value: UnsafeRawBufferPointer?) throws(IndexError) {
        guard let value else {
            ends.append(UInt32(values.count) | Self.absent)
            return
        }
        guard values.count + value.count < Int(Self.absent) else {
            throw IndexError(.invalidArgument, "the id values of one segment exceed 2 GiB")
        }
        values.append(contentsOf: value)
        ends.append(UInt32(values.count))
    }

    /// Writes `u32` end offsets (one per document), the values, then the footer; an empty column when the
    /// schema has no id field.
    package func finish(directory: String, name: String) throws(IndexError) {
        var sink = try FileSink(directory: directory, name: name)
        var table = ByteWriter(capacity: ends.count * 4)
        for end in ends { table.u32(end) }
        try sink.write(table)
        try sink.write(values)
        try sink.finish(kind: .ids)
    }
}
