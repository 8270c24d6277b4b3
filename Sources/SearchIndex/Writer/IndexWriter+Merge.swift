import Foundation

/// Merging segments: the log merge policy and the merge itself.
extension IndexWriter {
    /// The segments the log policy would merge next, or `nil`.
    ///
    /// Segments are grouped in levels by live size (level 0 below 1,000 documents, then one level per factor
    /// of `mergeFactor`); a level with `mergeFactor` segments has its smallest ones merged. A segment with
    /// more than a third of its documents deleted is rewritten on its own to purge them.
    package func pickMerge() -> [Int]? {
        let factor = Double(options.mergeFactor)
        var levels: [Int: [Int]] = [:]
        for (k, state) in segments.enumerated() {
            if state.deletes.count * 3 > state.info.maxDoc { return [k] }
            let live = Double(max(1, state.info.maxDoc - state.deletes.count))
            let level = live < 1000 ? 0 : 1 + Int(log(live / 1000) / log(factor))
            levels[level, default: []].append(k)
        }
        for level in levels.keys.sorted() {
            let members = levels[level]!
            if members.count >= options.mergeFactor {
                let bySize = members.sorted { segments[$0].info.maxDoc < segments[$1].info.maxDoc }
                return Array(bySize.prefix(options.mergeFactor)).sorted()
            }
        }
        return nil
    }

    /// Merges all segments into at most `maxSegments` (the smallest ones first) and commits.
    public func forceMerge(maxSegments: Int = 1, userData: [String: String]? = nil) throws(IndexError) {
        try flush()
        let data = userData ?? self.userData
        let needsPurge = segments.contains { $0.deletes.count > 0 } && maxSegments == 1
        guard segments.count > max(1, maxSegments) || needsPurge else {
            try writeCommit(userData: data)
            return
        }
        let bySize = segments.indices.sorted { segments[$0].info.maxDoc < segments[$1].info.maxDoc }
        let take = needsPurge && segments.count <= 1 ? segments.count : segments.count - max(1, maxSegments) + 1
        try merge(Array(bySize.prefix(take)).sorted())
        try writeCommit(userData: data)
        try IndexWriter.removeUnreferencedFiles(
            directory: directory,
            commit: try IndexCommit.read(directory: directory)
        )
    }

    /// Replaces the segments at `indices` (ascending) with one new segment holding their live documents in
    /// order; the new segment takes the place of the first.
    package func merge(_ indices: [Int]) throws(IndexError) {
        let sources = indices.map { segments[$0] }
        let id = IndexWriter.newSegmentID()
        // New doc ids: live documents renumbered in segment order.
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
        let maxDoc = Int(next)
        let textCount = schema.textFields.count
        var norms = [[UInt8]](repeating: [], count: textCount)
        var dates: [Int32] = []
        dates.reserveCapacity(maxDoc)
        let stored = try StoredFieldsWriter(directory: directory, segment: id, schema: schema)
        for (s, source) in sources.enumerated() {
            let reader = source.reader
            for d in 0..<source.info.maxDoc where docMaps[s][d] >= 0 {
                let doc = Int32(d)
                for f in 0..<textCount { norms[f].append(reader.norm(FieldID(rawValue: UInt8(f)), doc)) }
                dates.append(reader.date(doc))
            }
            let map = docMaps[s]
            try reader.forEachStoredRecord { (doc, record, idValue) throws(IndexError) in
                if map[doc] >= 0 { try stored.addRaw(record, id: idValue) }
            }
            // Keep the merge's resident memory flat: what was read is not read again.
            reader.storedFile.release(upTo: reader.storedFile.dataLength)
            reader.idsFile.release(upTo: reader.idsFile.dataLength)
            reader.normsFile.release(upTo: reader.normsFile.dataLength)
            reader.datesFile.release(upTo: reader.datesFile.dataLength)
        }
        try stored.finish()
        try SegmentBuffer.writeColumns(directory: directory, id: id, norms: norms, dates: dates)

        let termSink = try FileSink(directory: directory, name: "\(id).tim")
        let docSink = try FileSink(directory: directory, name: "\(id).doc")
        let posSink = try FileSink(directory: directory, name: "\(id).pos")
        let dictionary = TermDictionaryWriter(sink: termSink)
        let encoder = PostingsEncoder(docSink: docSink, posSink: posSink)
        var lengthSums = [UInt64](repeating: 0, count: textCount)
        var iterators: [TermDictionary.TermIterator] = []
        var live: [Bool] = []
        for source in sources {
            var iterator = try source.reader.terms.iterator()
            live.append(try iterator.next())
            iterators.append(iterator)
        }
        var positions: [UInt32] = []
        positions.reserveCapacity(64)
        var merged = 0
        while true {
            merged += 1
            if merged % 4096 == 0 {
                // Postings are read in term order, so everything before the current terms is done with.
                for k in iterators.indices where live[k] {
                    let reader = sources[k].reader
                    reader.postingsFile.release(upTo: iterators[k].info.docStart)
                    reader.positionsFile.release(upTo: iterators[k].info.posStart)
                }
            }
            var smallest: [UInt8]? = nil
            for k in iterators.indices where live[k] {
                if smallest == nil || iterators[k].key.lexicographicallyPrecedes(smallest!) {
                    smallest = iterators[k].key
                }
            }
            guard let key = smallest else { break }
            let field = FieldID(rawValue: key[0])
            let isText = Int(key[0]) < textCount
            var docFreq = 0
            try (isText ? norms[Int(key[0])] : []).withUnsafeBufferPointer { (fieldNorms) throws(IndexError) in
                encoder.startTerm(hasPositions: isText, norms: isText ? fieldNorms : nil)
                for k in iterators.indices where live[k] && iterators[k].key == key {
                    let cursor = try sources[k].reader.postings(field: field, info: iterators[k].info)
                    while cursor.next() != PostingsCursor.noMoreDocs {
                        let mapped = docMaps[k][Int(cursor.doc)]
                        guard mapped >= 0 else { continue }
                        try encoder.addDoc(UInt32(mapped), freq: cursor.freq)
                        docFreq += 1
                        if isText {
                            try cursor.readPositions(into: &positions)
                            for p in positions { encoder.addPosition(p) }
                        }
                    }
                    if let error = cursor.error { throw error }
                    live[k] = try iterators[k].next()
                }
                if docFreq > 0 {
                    let written = try encoder.finishTerm()
                    if isText { lengthSums[Int(key[0])] &+= encoder.totalTermFreq }
                    try key.withUnsafeBufferPointer { (k) throws(IndexError) in
                        try dictionary.add(
                            key: k,
                            docFreq: written.docFreq,
                            docStart: written.docStart,
                            posStart: written.posStart
                        )
                    }
                }
            }
        }
        try dictionary.finish()
        try docSink.finish(kind: .postings)
        try posSink.finish(kind: .positions)
        let info = SegmentInfo(
            id: id,
            maxDoc: maxDoc,
            deleteCount: 0,
            deleteGeneration: 0,
            termCount: Int(dictionary.termCount),
            fieldLengthSums: lengthSums,
            fieldDocCounts: norms.map { column in column.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
        )
        let reader = try SegmentReader(directory: directory, info: info, schema: schema)
        var replaced: [SegmentState] = []
        for (k, state) in segments.enumerated() {
            if k == indices[0] {
                if maxDoc > 0 {
                    replaced.append(SegmentState(info: info, reader: reader, deletes: DeleteBitset(maxDoc: maxDoc)))
                }
            } else if !indices.contains(k) {
                replaced.append(state)
            }
        }
        segments = replaced
    }
}
