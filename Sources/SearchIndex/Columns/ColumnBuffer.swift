/// One column's values for the documents of a segment being written, in doc order: what a flush gathered
/// from its documents, or a merge from the live documents of its sources.
///
/// A keyword column numbers its distinct values as they come; `encode` sorts them by their UTF-8 bytes
/// and writes each document's ordinal in that order, so every segment's dictionary is sorted.
package struct ColumnBuffer {
    /// What the column holds.
    package let kind: ColumnField.Kind
    /// Keyword columns: each distinct value's number, in order of first appearance.
    private var numbering: [String: UInt32] = [:]
    /// Keyword columns: the distinct values in order of first appearance.
    private var values: [String] = []
    private var valueBytes = 0
    /// Keyword columns: per document its value's number plus one, 0 for none.
    private var docs: [UInt32] = []
    /// `int64` columns: per document its value (0 for none).
    private var numbers: [Int64] = []

    /// An empty column of `kind`.
    package init(kind: ColumnField.Kind) { self.kind = kind }

    /// Documents added.
    package var count: Int { kind == .keyword ? docs.count : numbers.count }

    /// An estimate of the memory held, for the writer's budget.
    package var memoryBytes: Int { docs.capacity * 4 + numbers.capacity * 8 + valueBytes + values.count * 64 }

    /// Adds the next document's value of a keyword column (`nil` or empty: none).
    package mutating func append(keyword value: String?) {
        guard let value, !value.isEmpty else {
            docs.append(0)
            return
        }
        if let number = numbering[value] {
            docs.append(number &+ 1)
            return
        }
        let number = UInt32(values.count)
        numbering[value] = number
        values.append(value)
        valueBytes += value.utf8.count
        docs.append(number &+ 1)
    }

    /// Adds the next document's value of an `int64` column.
    package mutating func append(number value: Int64) { numbers.append(value) }

    /// The column's section of a `.col` file (see `Docs/IndexFormat.md`) and its header fields.
    package func encode() -> (bytes: [UInt8], width: UInt8, valueCount: UInt32) {
        var out = ByteWriter()
        guard kind == .keyword else {
            out.bytes.reserveCapacity(numbers.count * 8)
            for n in numbers { out.u64(UInt64(bitPattern: n)) }
            return (out.bytes, 8, 0)
        }
        let order = values.indices.sorted { values[$0].utf8.lexicographicallyPrecedes(values[$1].utf8) }
        var ordinalOf = [UInt32](repeating: 0, count: values.count)
        for (rank, number) in order.enumerated() { ordinalOf[number] = UInt32(rank + 1) }
        let width = ColumnBuffer.width(valueCount: values.count)
        out.bytes.reserveCapacity(docs.count * Int(width) + values.count * 4 + valueBytes)
        for d in docs {
            let ordinal = d == 0 ? 0 : ordinalOf[Int(d - 1)]
            switch width {
            case 1: out.u8(UInt8(ordinal))
            case 2: out.u16(UInt16(ordinal))
            default: out.u32(ordinal)
            }
        }
        var end: UInt32 = 0
        for number in order {
            end &+= UInt32(values[number].utf8.count)
            out.u32(end)
        }
        for number in order { out.append(Array(values[number].utf8)) }
        return (out.bytes, width, UInt32(values.count))
    }

    /// Bytes per ordinal for a dictionary of `valueCount` values (ordinal 0 meaning none).
    package static func width(valueCount: Int) -> UInt8 {
        valueCount < Int(UInt8.max) ? 1 : valueCount < Int(UInt16.max) ? 2 : 4
    }
}
