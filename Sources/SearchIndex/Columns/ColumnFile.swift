/// The layout of a segment's `.col` file: a header that lists the schema's columns, then one section per
/// column (see `Docs/IndexFormat.md`).
package enum ColumnFile {
    /// Bytes of the header before the column entries (the column count).
    static let headerSize = 4
    /// Bytes of one column entry of the header.
    static let entrySize = 24

    /// The kind byte of a column entry.
    static func code(_ kind: ColumnField.Kind) -> UInt8 { kind == .keyword ? 1 : 2 }

    /// Writes `<id>.col` in `directory`: every column of `columns` (in schema order), `maxDoc` values each.
    static func write(_ columns: [ColumnBuffer], maxDoc: Int, directory: String, id: String) throws(IndexError) {
        var sink = try FileSink(directory: directory, name: "\(id).\(IndexFileKind.columns.rawValue)")
        let sections = columns.map { column in
            precondition(column.count == maxDoc, "one value per document in every column")
            return column.encode()
        }
        var header = ByteWriter()
        header.u32(UInt32(columns.count))
        var offset = UInt64(headerSize + entrySize * columns.count)
        for (column, section) in zip(columns, sections) {
            header.u8(code(column.kind))
            header.u8(section.width)
            header.u16(0)
            header.u32(section.valueCount)
            header.u64(offset)
            header.u64(UInt64(section.bytes.count))
            offset += UInt64(section.bytes.count)
        }
        try sink.write(header)
        for section in sections { try sink.write(section.bytes) }
        try sink.finish(kind: .columns)
    }
}
