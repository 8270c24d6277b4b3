/// Writing a `SegmentBuffer` out as the files of a new segment.
extension SegmentBuffer {
    /// Writes the buffered documents as the files of segment `id` through a `SegmentSerializer`: every
    /// term's postings in key order, then the columns; the stored fields were written as documents came.
    ///
    /// Every file is fsynced; the segment becomes part of the index only when a commit names it.
    package func write(directory: String, id: String) throws(IndexError) -> SegmentInfo {
        table.finishPending()
        var serializer = try SegmentSerializer(
            directory: directory,
            id: id,
            schema: schema,
            norms: norms,
            stored: stored
        )
        let table = self.table
        let textCount = schema.textFields.count
        for term in table.sortedIDs() {
            let key = table.key(term)
            let isText = Int(key[0]) < textCount
            try serializer.writeTerm(key) { (encoder) throws(IndexError) in
                var docReader = table.reader(term, positions: false)
                var posReader = table.reader(term, positions: true)
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
            }
        }
        return try serializer.finish(
            dates: dates,
            columns: columns,
            lexicon: lexicon,
            fieldLengthSums: fieldLengthSums
        )
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
