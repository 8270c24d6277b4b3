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
    /// The surface words of the buffered documents, counted.
    package var lexicon = SurfaceCounts()
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
            + columns.reduce(0) { $0 + $1.memoryBytes } + lexicon.memoryBytes
    }

    /// Inverts one document (its tokens sorted by field then position) and returns its local doc id.
    package func add(_ doc: IndexDocument) throws(IndexError) -> Int32 {
        try validate(doc)
        let docID = docCount
        var lengths = fieldLengths
        for k in lengths.indices { lengths[k] = 0 }
        invert(doc, as: docID, lengths: &lengths)
        lexicon.add(doc)
        finishDocument(doc, lengths: lengths)
        try stored.add(doc)
        return docID
    }

    /// Inverts one document whose text comes in parts, and returns its local doc id: `head` holds every
    /// field but one long text, which `nextPart` hands over piece by piece (tokens only, positions going on
    /// from the previous piece), so that no more than one piece's tokens are held at a time.
    ///
    /// - Parameters:
    ///   - storedText: the long text's stored field and its UTF-8 bytes, stored as one value after `head`'s.
    ///   - nextPart: fills the document it is given (cleared) with the next piece's tokens; returns `false`
    ///     when there are no more (the document it filled then is not used).
    package func add(
        _ head: IndexDocument,
        storedText: (field: StoredFieldID, bytes: UnsafeRawBufferPointer),
        nextPart: (inout IndexDocument) -> Bool
    ) throws(IndexError) -> Int32 {
        try validate(head)
        let docID = docCount
        // Stored first: its buffers are let go before the postings of the parts grow.
        try stored.add(head, appending: storedText)
        var lengths = fieldLengths
        for k in lengths.indices { lengths[k] = 0 }
        invert(head, as: docID, lengths: &lengths)
        lexicon.add(head)
        var part = IndexDocument()
        while true {
            part.removeAll()
            guard nextPart(&part) else { break }
            do throws(IndexError) { try validate(part) } catch {
                // The record is stored: the document is ended so the segment's files still agree.
                finishDocument(head, lengths: lengths)
                throw error
            }
            if part.needsSort { part.sortTokens() }
            invert(part, as: docID, lengths: &lengths)
            lexicon.add(part)
        }
        finishDocument(head, lengths: lengths)
        return docID
    }

    /// Refuses a document with a token of an unknown field or an overlong term, before it leaves a trace.
    private func validate(_ doc: IndexDocument) throws(IndexError) {
        let indexedCount = schema.indexedFieldCount
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
        for value in doc.columnValues where Int(value.column) >= columns.count {
            throw IndexError(.invalidArgument, "a value names column \(value.column), which the schema does not have")
        }
    }

    /// Adds `doc`'s tokens to the term table as document `docID`, counting each text field's tokens.
    private func invert(_ doc: IndexDocument, as docID: Int32, lengths: inout [UInt32]) {
        let textCount = schema.textFields.count
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
    }

    /// Records the norms, length sums, date and column values of the document just inverted.
    private func finishDocument(_ doc: IndexDocument, lengths: [UInt32]) {
        for k in 0..<schema.textFields.count {
            norms[k].append(NormCodec.encode(lengths[k]))
            fieldLengthSums[k] &+= UInt64(lengths[k])
        }
        fieldLengths = lengths
        dates.append(doc.date)
        appendColumns(of: doc)
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
