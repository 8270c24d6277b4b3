/// Integrity checks and size figures of a snapshot.
extension IndexSnapshot {
    /// What `verify` checked.
    public struct VerifyReport: Sendable {
        /// Files whose checksum was recomputed, `meta.json` included.
        public var files: Int
        /// Bytes read.
        public var bytes: Int
    }

    /// Opens the current commit and checks every file's footer, size, CRC-32C and page CRC-32Cs, and the
    /// commit's own checksum.
    ///
    /// - Throws: `.corrupted` naming the first damaged file (or `.notFound` naming a missing one).
    /// - Complexity: reads the whole index twice (the file's checksum, then its pages').
    public static func verify(directory: String) throws(IndexError) -> VerifyReport {
        let snapshot = try IndexSnapshot.open(directory: directory, verification: .footers)
        return try snapshot.verify()
    }

    /// Recomputes the checksum of every file of this snapshot, and of every page (which searches check).
    public func verify() throws(IndexError) -> VerifyReport {
        var report = VerifyReport(files: 1, bytes: 0)
        for segment in segments {
            for file in segment.files {
                try file.verifyChecksum()
                try file.checkAll()
                report.files += 1
                report.bytes += file.dataLength + FileFooter.size
            }
        }
        return report
    }

    /// Decodes every structure of every segment: terms in strictly increasing order, every posting list
    /// (doc ids increasing and below `maxDoc`, lengths as the dictionary says, skip data consistent, every
    /// posting covered by its block's impacts), every position list and every stored record. Catches what a
    /// checksum cannot: a file written wrong.
    ///
    /// - Throws: `.corrupted` naming the file at fault.
    /// - Complexity: reads and decodes the whole index.
    public func verifyStructure() throws(IndexError) {
        var positions: [UInt32] = []
        for segment in segments {
            var iterator = try segment.terms.iterator()
            var previous: [UInt8] = []
            var count = 0
            while try iterator.next() {
                let key = iterator.key
                guard !key.isEmpty, Int(key[0]) < schema.indexedFieldCount,
                    previous.lexicographicallyPrecedes(key) || count == 0
                else { throw IndexError.corrupted(segment.terms.file.name, "its terms are not in order") }
                count += 1
                let field = FieldID(rawValue: key[0])
                let cursor = try segment.postings(field: field, info: iterator.info)
                var postings = 0
                while cursor.next() != PostingsCursor.noMoreDocs {
                    postings += 1
                    // The block's impacts must cover the posting, or block-max pruning could drop it.
                    cursor.shallowAdvance(to: cursor.doc)
                    let norm = schema.isText(field) ? segment.norm(field, cursor.doc) : 0
                    var covered = false
                    for i in 0..<cursor.blockImpactCount {
                        let impact = cursor.blockImpact(i)
                        if impact.freq >= cursor.freq && impact.norm <= norm { covered = true }
                    }
                    guard covered, cursor.blockLastDoc >= cursor.doc else {
                        throw IndexError.corrupted(
                            segment.postingsFile.name,
                            "a block's impacts do not cover its postings"
                        )
                    }
                    if schema.isText(field) {
                        try cursor.readPositions(into: &positions)
                        guard positions.count == Int(cursor.freq) else {
                            throw IndexError.corrupted(segment.positionsFile.name, "a position list is short")
                        }
                    }
                }
                if let error = cursor.error { throw error }
                guard postings == iterator.info.docFreq else {
                    throw IndexError.corrupted(
                        segment.postingsFile.name,
                        "a posting list's length disagrees with the dictionary"
                    )
                }
                previous = key
            }
            guard count == segment.info.termCount else {
                throw IndexError.corrupted(
                    segment.terms.file.name,
                    "it holds \(count) terms, not \(segment.info.termCount)"
                )
            }
            try segment.validateIDColumn()
            try segment.validateColumns()
            try LexiconFile.forEachWord(in: segment.lexiconFile) { _, _ in }
            var records = 0
            try segment.forEachStoredRecord { (doc, _, _) throws(IndexError) in
                guard doc == records else { throw IndexError.corrupted(segment.storedFile.name, "a record is missing") }
                records += 1
            }
            guard records == segment.maxDoc else {
                throw IndexError.corrupted(
                    segment.storedFile.name,
                    "it holds \(records) documents, not \(segment.maxDoc)"
                )
            }
            for doc in stride(from: 0, to: segment.maxDoc, by: max(1, segment.maxDoc / 64)) {
                _ = try segment.storedFields(Int32(doc))
            }
        }
    }

    /// Bytes on disk per kind of file, over all segments of the snapshot.
    public func bytesByKind() -> [IndexFileKind: Int] {
        var sizes: [IndexFileKind: Int] = [:]
        for segment in segments {
            for file in segment.files { sizes[file.kind, default: 0] += file.dataLength + FileFooter.size }
        }
        return sizes
    }

    /// Distinct terms summed over segments (a term present in two segments counts twice).
    public var termCount: Int { commit.segments.reduce(0) { $0 + $1.termCount } }
}
