/// Writes one new segment holding the live documents of several, in their order, through a
/// `SegmentSerializer`: the merges of the log policy, `forceMerge`, and the purge of deleted documents.
struct SegmentMerger {
    private let sources: [IndexWriter.SegmentState]
    private let schema: IndexSchema
    private let directory: String
    /// Per source, the new id of each of its documents (-1: deleted): live documents renumbered in order.
    private let docMaps: [[Int32]]
    /// Documents of the new segment.
    let maxDoc: Int

    init(sources: [IndexWriter.SegmentState], schema: IndexSchema, directory: String) {
        self.sources = sources
        self.schema = schema
        self.directory = directory
        var docMaps: [[Int32]] = []
        var next: Int32 = 0
        for source in sources {
            var map = [Int32](repeating: -1, count: source.info.maxDoc)
            for d in 0..<source.info.maxDoc where !source.deletes.contains(Int32(d)) {
                map[d] = next
                next += 1
            }
            docMaps.append(map)
        }
        self.docMaps = docMaps
        maxDoc = Int(next)
    }

    /// Writes the merged segment as `id`: the stored fields first (finished at once, to free their memory),
    /// then the postings, then the norms and dates gathered before.
    func write(id: String) throws(IndexError) -> SegmentInfo {
        // Their pages are checked here at once; postings and stored fields are checked as they are decoded.
        for source in sources {
            try source.reader.normsFile.checkAll()
            try source.reader.datesFile.checkAll()
            try source.reader.columnsFile.checkAll()
        }
        var lexicon = SurfaceCounts()
        for source in sources {
            try LexiconFile.forEachWord(in: source.reader.lexiconFile) { word, count in lexicon.add(word, count: count)
            }
            source.reader.lexiconFile.release(upTo: source.reader.lexiconFile.dataLength)
        }
        let (norms, dates) = gatherColumns()
        let columns = try gatherSchemaColumns()
        var serializer = try SegmentSerializer(
            directory: directory,
            id: id,
            schema: schema,
            norms: norms,
            stored: try StoredFieldsWriter(directory: directory, segment: id, schema: schema)
        )
        try copyStoredFields(to: serializer.stored)
        try serializer.finishStoredFields()
        try mergePostings(into: &serializer)
        return try serializer.finish(
            dates: dates,
            columns: columns,
            lexicon: lexicon,
            fieldLengthSums: serializer.postingsLengthSums
        )
    }

    /// The norms (per text field) and dates of the live documents, in their new order.
    private func gatherColumns() -> (norms: [[UInt8]], dates: [Int32]) {
        let textCount = schema.textFields.count
        var norms = [[UInt8]](repeating: [], count: textCount)
        var dates: [Int32] = []
        dates.reserveCapacity(maxDoc)
        for (s, source) in sources.enumerated() {
            let reader = source.reader
            for d in 0..<source.info.maxDoc where docMaps[s][d] >= 0 {
                let doc = Int32(d)
                for f in 0..<textCount { norms[f].append(reader.norm(FieldID(rawValue: UInt8(f)), doc)) }
                dates.append(reader.date(doc))
            }
            // Keep the merge's resident memory flat: what was read is not read again.
            reader.normsFile.release(upTo: reader.normsFile.dataLength)
            reader.datesFile.release(upTo: reader.datesFile.dataLength)
        }
        return (norms, dates)
    }

    /// The schema's columns of the live documents, in their new order: each source's keyword values are
    /// read once per ordinal and renumbered in the merged segment's sorted dictionary.
    private func gatherSchemaColumns() throws(IndexError) -> [ColumnBuffer] {
        var columns = schema.columns.map { ColumnBuffer(kind: $0.kind) }
        for k in columns.indices {
            let id = ColumnID(rawValue: UInt16(k))
            for (s, source) in sources.enumerated() {
                let reader = source.reader.column(id)
                var values: [String?] = [nil]
                if reader.kind == .keyword {
                    for ordinal in 1...max(1, reader.valueCount) where ordinal <= reader.valueCount {
                        values.append(try reader.value(ofOrdinal: UInt32(ordinal)))
                    }
                }
                for d in 0..<source.info.maxDoc where docMaps[s][d] >= 0 {
                    switch reader.kind {
                    case .keyword:
                        let ordinal = Int(reader.ordinal(Int32(d)))
                        guard ordinal < values.count else {
                            throw IndexError.corrupted(source.reader.columnsFile.name, "an ordinal names no value")
                        }
                        columns[k].append(keyword: values[ordinal])
                    case .int64: columns[k].append(number: reader.int64(Int32(d)))
                    }
                }
            }
        }
        for source in sources { source.reader.columnsFile.release(upTo: source.reader.columnsFile.dataLength) }
        return columns
    }

    /// Copies the stored record and id value of every live document, as the sources wrote them.
    private func copyStoredFields(to stored: StoredFieldsWriter) throws(IndexError) {
        for (s, source) in sources.enumerated() {
            let reader = source.reader
            let map = docMaps[s]
            try reader.forEachStoredRecord { (doc, record, idValue) throws(IndexError) in
                if map[doc] >= 0 { try stored.addRaw(record, id: idValue) }
            }
            reader.storedFile.release(upTo: reader.storedFile.dataLength)
            reader.idsFile.release(upTo: reader.idsFile.dataLength)
        }
    }

    /// Walks the sources' term dictionaries together in key order and writes each term once, with the
    /// postings of every source that has it, renumbered and without deleted documents.
    private func mergePostings(into serializer: inout SegmentSerializer) throws(IndexError) {
        var terms: [TermDictionary.TermIterator] = []
        var live: [Bool] = []
        for source in sources {
            var iterator = try source.reader.terms.iterator()
            live.append(try iterator.next())
            terms.append(iterator)
        }
        var positions: [UInt32] = []
        positions.reserveCapacity(64)
        var merged = 0
        while true {
            merged += 1
            if merged % 4096 == 0 { releaseReadPostings(terms, live) }
            var smallest: [UInt8]? = nil
            for k in terms.indices where live[k] {
                if smallest == nil || terms[k].key.lexicographicallyPrecedes(smallest!) { smallest = terms[k].key }
            }
            guard let key = smallest else { return }
            let field = FieldID(rawValue: key[0])
            let hasPositions = schema.isText(field)
            try key.withUnsafeBufferPointer { (keyBytes) throws(IndexError) -> Void in
                try serializer.writeTerm(keyBytes) { (encoder) throws(IndexError) in
                    for k in terms.indices where live[k] && terms[k].key == key {
                        let cursor = try sources[k].reader.postings(field: field, info: terms[k].info)
                        let map = docMaps[k]
                        while cursor.next() != PostingsCursor.noMoreDocs {
                            let mapped = map[Int(cursor.doc)]
                            guard mapped >= 0 else { continue }
                            try encoder.addDoc(UInt32(mapped), freq: cursor.freq)
                            if hasPositions {
                                try cursor.readPositions(into: &positions)
                                for p in positions { encoder.addPosition(p) }
                            }
                        }
                        if let error = cursor.error { throw error }
                        live[k] = try terms[k].next()
                    }
                }
            }
        }
    }

    /// Postings are read in term order, so everything before each source's current term is done with.
    private func releaseReadPostings(_ terms: [TermDictionary.TermIterator], _ live: [Bool]) {
        for k in terms.indices where live[k] {
            let reader = sources[k].reader
            reader.postingsFile.release(upTo: terms[k].info.docStart)
            reader.positionsFile.release(upTo: terms[k].info.posStart)
        }
    }
}
