/// Writing a `SegmentBuffer` out as the files of a new segment.
extension SegmentBuffer {
    /// Writes the term dictionary, postings, positions, norms and dates, and finishes the stored fields.
    ///
    /// Every file is fsynced; the segment becomes part of the index only when a commit names it.
    package func write(directory: String, id: String) throws(IndexError) -> SegmentInfo {
        table.finishPending()
        let maxDoc = Int(docCount)
        let termSink = try FileSink(directory: directory, name: "\(id).tim")
        let docSink = try FileSink(directory: directory, name: "\(id).doc")
        let posSink = try FileSink(directory: directory, name: "\(id).pos")
        let dictionary = TermDictionaryWriter(sink: termSink)
        let encoder = PostingsEncoder(docSink: docSink, posSink: posSink)
        let textCount = schema.textFields.count
        let ids = table.sortedIDs()
        for id in ids {
            let key = table.key(id)
            let field = Int(key[0])
            let isText = field < textCount
            try (isText ? norms[field] : []).withUnsafeBufferPointer { (fieldNorms) throws(IndexError) in
                encoder.startTerm(hasPositions: isText, norms: isText ? fieldNorms : nil)
                var docReader = table.reader(id, positions: false)
                var posReader = table.reader(id, positions: true)
                var doc: Int64 = -1
                while !docReader.isAtEnd {
                    let code = docReader.vint()
                    let freq = code & 1 != 0 ? 1 : docReader.vint()
                    doc += Int64(code >> 1)
                    try encoder.addDoc(UInt32(doc), freq: freq)
                    if isText {
                        for _ in 0..<freq { encoder.addPositionDelta(posReader.vint()) }
                    }
                }
                let written = try encoder.finishTerm()
                try dictionary.add(
                    key: key,
                    docFreq: written.docFreq,
                    docStart: written.docStart,
                    posStart: written.posStart
                )
            }
        }
        try dictionary.finish()
        try docSink.finish(kind: .postings)
        try posSink.finish(kind: .positions)
        try SegmentBuffer.writeColumns(directory: directory, id: id, norms: norms, dates: dates)
        try stored.finish()
        return SegmentInfo(
            id: id,
            maxDoc: maxDoc,
            deleteCount: 0,
            deleteGeneration: 0,
            termCount: Int(dictionary.termCount),
            fieldLengthSums: fieldLengthSums,
            fieldDocCounts: norms.map { column in column.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
        )
    }

    /// Writes `.nrm` (per text field, `maxDoc` norm bytes) and `.dat` (`maxDoc` little-endian `Int32`).
    package static func writeColumns(directory: String, id: String, norms: [[UInt8]], dates: [Int32]) throws(IndexError)
    {
        let normSink = try FileSink(directory: directory, name: "\(id).nrm")
        for column in norms { try normSink.write(column) }
        try normSink.finish(kind: .norms)
        let dateSink = try FileSink(directory: directory, name: "\(id).dat")
        var bytes = ByteWriter(capacity: dates.count * 4)
        for d in dates { bytes.u32(UInt32(bitPattern: d)) }
        try dateSink.write(bytes)
        try dateSink.finish(kind: .dates)
    }

    /// The local doc ids below `limit` of the documents holding a term key, for deletes of buffered documents.
    ///
    /// Call after `write` (or `table.finishPending()`), when every document's postings are in the streams.
    package func documents(withKey key: [UInt8], below limit: Int32) -> [Int32] {
        guard !key.isEmpty else { return [] }
        guard let id = key.withUnsafeBufferPointer({ table.find($0.baseAddress!, $0.count) }) else { return [] }
        var reader = table.reader(id, positions: false)
        var result: [Int32] = []
        var doc: Int64 = -1
        while !reader.isAtEnd {
            let code = reader.vint()
            if code & 1 == 0 { _ = reader.vint() }
            doc += Int64(code >> 1)
            if doc >= Int64(limit) { break }
            result.append(Int32(doc))
        }
        return result
    }
}
