import SearchIndex

extension Indexer {
    /// Stores a statement's fingerprint and group in its document's columns.
    static func setFingerprint(_ fingerprint: NearDuplicateFingerprint, group: Int64, in document: inout IndexDocument)
    {
        document.setColumn(StatementSchema.simhashColumn, int64: Int64(bitPattern: fingerprint.simhash))
        document.setColumn(StatementSchema.wordsColumn, int64: fingerprint.wordsColumn)
        document.setColumn(StatementSchema.groupColumn, int64: group)
    }
}

extension NearDuplicateGrouper {
    /// A grouper that knows the live statements of `writer`'s committed segments, so that a refresh groups a
    /// new copy with the statement it copies.
    init(writer: IndexWriter) {
        self.init()
        for segment in writer.segments {
            let reader = segment.reader
            let speakers = reader.column(StatementSchema.speakerColumn)
            let simhashes = reader.column(StatementSchema.simhashColumn)
            let words = reader.column(StatementSchema.wordsColumn)
            let groups = reader.column(StatementSchema.groupColumn)
            var names: [UInt32: String] = [0: ""]
            for doc in 0..<Int32(reader.maxDoc) where !segment.deletes.contains(doc) {
                let ordinal = speakers.ordinal(doc)
                if names[ordinal] == nil {
                    names[ordinal] = NearDuplicateFingerprint.normalizedSpeaker(
                        (try? speakers.value(ofOrdinal: ordinal)) ?? ""
                    )
                }
                let fingerprint = NearDuplicateFingerprint(
                    simhash: UInt64(bitPattern: simhashes.int64(doc)),
                    words: Int(words.int64(doc) & 0xFFFF_FFFF),
                    answerWords: Int(words.int64(doc) >> 32),
                    date: reader.date(doc),
                    speaker: names[ordinal] ?? ""
                )
                record(fingerprint, group: groups.int64(doc))
            }
        }
    }
}
