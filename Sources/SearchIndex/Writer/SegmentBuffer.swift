/// The documents added since the last flush, inverted in memory (`TermTable`), plus their norms, dates and
/// the stored-fields file being written.
package final class SegmentBuffer {
    package let schema: IndexSchema
    package var table = TermTable()
    /// Per text field, one norm byte per document.
    package var norms: [[UInt8]]
    /// Per text field, the exact sum of field lengths.
    package var fieldLengthSums: [UInt64]
    package var dates: [Int32] = []
    /// The schema's columns, one value (or none) per document.
    package var columns: [ColumnBuffer]
    package let stored: StoredFieldsWriter
    package var docCount: Int32 { Int32(dates.count) }
    private var fieldLengths: [UInt32]

    package init(schema: IndexSchema, stored: StoredFieldsWriter) {
        self.schema = schema
        self.stored = stored
        norms = Array(repeating: [], count: schema.textFields.count)
        fieldLengthSums = Array(repeating: 0, count: schema.textFields.count)
        fieldLengths = Array(repeating: 0, count: schema.textFields.count)
        columns = schema.columns.map { ColumnBuffer(kind: $0.kind) }
    }

    deinit { table.deallocate() }

    /// An estimate of the memory this buffer holds, for the writer's budget.
    package var memoryBytes: Int {
        table.memoryBytes + dates.capacity * 4 + norms.reduce(0) { $0 + $1.capacity } + stored.bufferedBytes
            + columns.reduce(0) { $0 + $1.memoryBytes }
    }

    /// Inverts one document (its tokens sorted by field then position) and returns its local doc id.
    package func add(_ doc: IndexDocument) throws(IndexError) -> Int32 {
        let docID = docCount
        let textCount = schema.textFields.count
        let indexedCount = schema.indexedFieldCount
        // Validate first, so a refused document leaves no trace.
        for token in doc.tokens {
            guard Int(token.field) < indexedCount else {
                throw IndexError(.invalidArgument, "a token names field \(token.field), which the schema does not have")
            }
            guard token.length - 1 <= UInt32(IndexFormat.maxTermLength) else {
                throw IndexError(
                    .invalidArgument,
                    "a term of \(token.length - 1) bytes exceeds the limit of \(IndexFormat.maxTermLength)"
                )
            }
        }
        for value in doc.columnValues {
            guard Int(value.column) < columns.count else {
                throw IndexError(
                    .invalidArgument,
                    "a value names column \(value.column), which the schema does not have"
                )
            }
        }
        var lengths = fieldLengths
        for k in lengths.indices { lengths[k] = 0 }
        var local = table
        doc.arena.withUnsafeBufferPointer { arena in
            doc.tokens.withUnsafeBufferPointer { tokens in
                lengths.withUnsafeMutableBufferPointer { lengths in
                    guard let base = arena.baseAddress else { return }  // no tokens
                    for token in tokens {
                        let field = Int(token.field)
                        let isText = field < textCount
                        if isText { lengths[field] &+= 1 }
                        local.invert(
                            key: base + Int(token.start),
                            length: Int(token.length),
                            doc: docID,
                            position: token.position,
                            hasPositions: isText
                        )
                    }
                }
            }
        }
        table = local
        for k in 0..<textCount {
            norms[k].append(NormCodec.encode(lengths[k]))
            fieldLengthSums[k] &+= UInt64(lengths[k])
        }
        fieldLengths = lengths
        dates.append(doc.date)
        appendColumns(of: doc)
        try stored.add(doc)
        return docID
    }

    /// Adds the document's value of every column (the last one set, or none).
    private func appendColumns(of doc: IndexDocument) {
        for k in columns.indices {
            let value = doc.columnValues.last { Int($0.column) == k }
            switch columns[k].kind {
            case .keyword: columns[k].append(keyword: value?.text)
            case .int64: columns[k].append(number: value?.number ?? 0)
            }
        }
    }
}
