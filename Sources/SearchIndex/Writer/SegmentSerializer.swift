/// Writes the files of one new segment: the term dictionary, postings and positions term by term, the norms
/// and dates columns, the schema's columns (`.col`), and the stored fields' finish. A flush (`SegmentBuffer.write`) and a merge
/// (`SegmentMerger`) both write through it, so every segment's bytes come from one place.
///
/// Use: `writeTerm` for every term in key order, then `finish`. The stored fields are added by the caller
/// as it goes (`stored`); a merge may finish them early with `finishStoredFields` to free their memory.
/// Every file is fsynced; the segment becomes part of the index only when a commit names it.
///
/// A noncopyable value that the flush or the merge keeps in a local variable: writing a term touches
/// no class state (no dynamic exclusivity checks per term).
package struct SegmentSerializer: ~Copyable {
    /// The segment's name, the stem of its files.
    package let id: String
    /// The stored-fields writer of the segment (`.sto` and `.ids`).
    package let stored: StoredFieldsWriter
    /// Per text field, one norm byte per document of the new segment.
    private let norms: [[UInt8]]
    private let textCount: Int
    private var dictionary: TermDictionaryWriter
    private let directory: String
    private var encoder: PostingsEncoder
    private var storedFinished = false
    /// Per text field, the frequencies of the terms written summed: the total length of that field over
    /// the documents whose postings were written (for a merge, its live documents).
    package private(set) var postingsLengthSums: [UInt64]

    /// Creates the segment's `.tim`, `.doc` and `.pos` files.
    ///
    /// - Parameters:
    ///   - norms: per text field of `schema`, the norm byte of every document of the new segment, in doc
    ///     order: written to `.nrm` and used for the blocks' impacts.
    ///   - stored: the writer of the segment's stored fields, finished by `finish` if not before.
    package init(
        directory: String,
        id: String,
        schema: IndexSchema,
        norms: [[UInt8]],
        stored: StoredFieldsWriter
    ) throws(IndexError) {
        precondition(norms.count == schema.textFields.count, "one norms column per text field")
        self.directory = directory
        self.id = id
        self.norms = norms
        self.stored = stored
        textCount = schema.textFields.count
        let termSink = try SegmentSerializer.create(.terms, directory: directory, id: id)
        let docSink = try SegmentSerializer.create(.postings, directory: directory, id: id)
        let posSink = try SegmentSerializer.create(.positions, directory: directory, id: id)
        dictionary = TermDictionaryWriter(sink: termSink)
        encoder = PostingsEncoder(docSink: docSink, posSink: posSink)
        postingsLengthSums = Array(repeating: 0, count: textCount)
    }

    /// Writes one term: `addPostings` adds its documents in increasing order to the encoder it is lent
    /// (`addDoc`, then for a text field `addPosition` or `addPositionDelta` once per occurrence).
    ///
    /// Keys must arrive in strictly increasing byte order (field byte first). A term to which no document
    /// was added (every one deleted, in a merge) is left out of the segment.
    /// - Returns: whether the term was written.
    @discardableResult
    package mutating func writeTerm(
        _ key: UnsafeBufferPointer<UInt8>,
        _ addPostings: (inout PostingsEncoder) throws(IndexError) -> Void
    ) throws(IndexError) -> Bool {
        let field = Int(key[0])
        let isText = field < textCount
        return try (isText ? norms[field] : []).withUnsafeBufferPointer { (fieldNorms) throws(IndexError) -> Bool in
            encoder.startTerm(hasPositions: isText, norms: isText ? fieldNorms : nil)
            try addPostings(&encoder)
            guard encoder.docFreq > 0 else { return false }
            let written = try encoder.finishTerm()
            if isText { postingsLengthSums[field] &+= encoder.totalTermFreq }
            try dictionary.add(
                key: key,
                docFreq: written.docFreq,
                docStart: written.docStart,
                posStart: written.posStart
            )
            return true
        }
    }

    /// Finishes `.sto` and `.ids` now (a merge, to free the id column and the compressor before it merges
    /// postings); `finish` does it otherwise.
    package mutating func finishStoredFields() throws(IndexError) {
        guard !storedFinished else { return }
        try stored.finish()
        storedFinished = true
    }

    /// Finishes the dictionary, postings and positions, writes the norms, dates, the schema's columns and the
    /// lexicon of surface words, finishes the stored fields, and describes the segment.
    ///
    /// - Parameters:
    ///   - dates: every document's date, in doc order: `maxDoc` of them.
    ///   - columns: every column of the schema, in order, with `maxDoc` values each.
    ///   - lexicon: the surface words of the segment's documents, counted (`.lex`).
    ///   - fieldLengthSums: per text field, the exact sum of the documents' field lengths.
    package mutating func finish(
        dates: [Int32],
        columns: [ColumnBuffer],
        lexicon: SurfaceCounts,
        fieldLengthSums: [UInt64]
    ) throws(IndexError) -> SegmentInfo {
        try dictionary.finish()
        try encoder.finishFiles()
        try writeColumns(dates: dates)
        try ColumnFile.write(columns, maxDoc: dates.count, directory: directory, id: id)
        try LexiconFile.write(lexicon, directory: directory, id: id)
        try finishStoredFields()
        return SegmentInfo(
            id: id,
            maxDoc: dates.count,
            deleteCount: 0,
            deleteGeneration: 0,
            termCount: Int(dictionary.termCount),
            fieldLengthSums: fieldLengthSums,
            fieldDocCounts: norms.map { column in column.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
        )
    }

    /// Writes `.nrm` (per text field, `maxDoc` norm bytes) and `.dat` (`maxDoc` little-endian `Int32`).
    private func writeColumns(dates: [Int32]) throws(IndexError) {
        var normSink = try SegmentSerializer.create(.norms, directory: directory, id: id)
        for column in norms { try normSink.write(column) }
        try normSink.finish(kind: .norms)
        var dateSink = try SegmentSerializer.create(.dates, directory: directory, id: id)
        var bytes = ByteWriter(capacity: dates.count * 4)
        for d in dates { bytes.u32(UInt32(bitPattern: d)) }
        try dateSink.write(bytes)
        try dateSink.finish(kind: .dates)
    }

    private static func create(_ kind: IndexFileKind, directory: String, id: String) throws(IndexError) -> FileSink {
        try FileSink(directory: directory, name: "\(id).\(kind.rawValue)")
    }
}
