/// The documents added since the last flush, inverted in memory: a hash of term keys to per-term streams of
/// doc-id deltas + frequencies and of positions, plus norms, dates and the stored-fields file being written.
///
/// Term keys are the field byte followed by the term bytes; they live in one arena, so inverting a token
/// allocates nothing once the tables have grown.
package final class SegmentBuffer {
    package struct TermState {
        package var keyStart: UInt32
        package var keyLength: UInt32
        package var hash: UInt32
        package var docFreq: UInt32 = 0
        /// The document currently being counted, -1 before the first.
        package var lastDoc: Int32 = -1
        /// The last document written to `docs`, -1 before the first.
        package var writtenDoc: Int32 = -1
        package var freq: UInt32 = 0
        package var lastPosition: UInt32 = 0
        package var docs: BytePool.Stream
        package var positions: BytePool.Stream
    }

    package let schema: IndexSchema
    package let pool = BytePool()
    package var terms: [TermState] = []
    package var keys: [UInt8] = []
    private var table: [Int32]
    private var mask: Int
    /// Per text field, one norm byte per document.
    package var norms: [[UInt8]]
    /// Per text field, the exact sum of field lengths.
    package var fieldLengthSums: [UInt64]
    package var dates: [Int32] = []
    package let stored: StoredFieldsWriter
    package var docCount: Int32 { Int32(dates.count) }
    private var fieldLengths: [UInt32]

    package init(schema: IndexSchema, stored: StoredFieldsWriter) {
        self.schema = schema
        self.stored = stored
        table = [Int32](repeating: -1, count: 1 << 14)
        mask = (1 << 14) - 1
        norms = Array(repeating: [], count: schema.textFields.count)
        fieldLengthSums = Array(repeating: 0, count: schema.textFields.count)
        fieldLengths = Array(repeating: 0, count: schema.textFields.count)
    }

    /// An estimate of the memory this buffer holds, for the writer's budget.
    package var memoryBytes: Int {
        pool.allocatedBytes + terms.capacity * MemoryLayout<TermState>.stride + keys.capacity + table.count * 4
            + dates.capacity * 4 + norms.reduce(0) { $0 + $1.capacity } + stored.bufferedBytes
    }

    // MARK: - Adding a document

    /// Inverts one document (its tokens sorted by field then position) and returns its local doc id.
    package func add(_ doc: IndexDocument) throws(IndexError) -> Int32 {
        let docID = docCount
        for k in fieldLengths.indices { fieldLengths[k] = 0 }
        let textCount = schema.textFields.count
        let indexedCount = schema.indexedFieldCount
        try doc.arena.withUnsafeBufferPointer { (arena) throws(IndexError) in
            for token in doc.tokens {
                let field = Int(token.field)
                guard field < indexedCount else {
                    throw IndexError(.invalidArgument, "a token names field \(field), which the schema does not have")
                }
                guard token.length - 1 <= UInt32(IndexFormat.maxTermLength) else {
                    throw IndexError(
                        .invalidArgument, "a term of \(token.length - 1) bytes exceeds the limit of \(IndexFormat.maxTermLength)")
                }
                let key = UnsafeBufferPointer(rebasing: arena[Int(token.start)..<Int(token.start + token.length)])
                let isText = field < textCount
                if isText { fieldLengths[field] &+= 1 }
                invert(key: key, doc: docID, position: token.position, hasPositions: isText)
            }
        }
        for k in 0..<textCount {
            norms[k].append(NormCodec.encode(fieldLengths[k]))
            fieldLengthSums[k] &+= UInt64(fieldLengths[k])
        }
        dates.append(doc.date)
        try stored.add(doc)
        return docID
    }

    @inline(__always)
    private func invert(key: UnsafeBufferPointer<UInt8>, doc: Int32, position: UInt32, hasPositions: Bool) {
        let h = SegmentBuffer.hash(key)
        var slot = Int(h) & mask
        var id: Int32 = -1
        while true {
            let candidate = table[slot]
            if candidate < 0 { break }
            let t = terms[Int(candidate)]
            if t.hash == h && t.keyLength == UInt32(key.count) && equalKey(t.keyStart, key) {
                id = candidate
                break
            }
            slot = (slot + 1) & mask
        }
        if id < 0 {
            id = Int32(terms.count)
            let start = UInt32(keys.count)
            keys.append(contentsOf: key)
            let docs = pool.newStream()
            let positions = hasPositions ? pool.newStream() : docs
            terms.append(
                TermState(keyStart: start, keyLength: UInt32(key.count), hash: h, docs: docs, positions: positions))
            table[slot] = id
            if terms.count * 2 > table.count { rehash() }
        }
        terms.withUnsafeMutableBufferPointer { all in
            let t = all.baseAddress! + Int(id)
            if t.pointee.lastDoc != doc {
                if t.pointee.lastDoc >= 0 && t.pointee.writtenDoc != t.pointee.lastDoc { writePending(t) }
                t.pointee.lastDoc = doc
                t.pointee.freq = 1
                t.pointee.docFreq &+= 1
                t.pointee.lastPosition = 0
            } else {
                t.pointee.freq &+= 1
            }
            if hasPositions {
                pool.appendVInt(position &- t.pointee.lastPosition, to: &t.pointee.positions)
                t.pointee.lastPosition = position
            }
        }
    }

    /// Writes the counted document of a term to its doc stream: VInt (delta << 1 | freq == 1), then freq if not 1.
    @inline(__always)
    private func writePending(_ t: UnsafeMutablePointer<TermState>) {
        let delta = UInt32(bitPattern: t.pointee.lastDoc &- t.pointee.writtenDoc)
        let freq = t.pointee.freq
        if freq == 1 {
            pool.appendVInt(delta << 1 | 1, to: &t.pointee.docs)
        } else {
            pool.appendVInt(delta << 1, to: &t.pointee.docs)
            pool.appendVInt(freq, to: &t.pointee.docs)
        }
        t.pointee.writtenDoc = t.pointee.lastDoc
    }

    @inline(__always)
    private func equalKey(_ start: UInt32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.withUnsafeBufferPointer { all in
            memcmp(all.baseAddress! + Int(start), key.baseAddress!, key.count) == 0
        }
    }

    private func rehash() {
        let size = table.count * 2
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (k, t) in terms.enumerated() {
            var slot = Int(t.hash) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(k)
        }
    }

    /// A 32-bit hash of a key, 8 bytes at a time.
    @inline(__always)
    package static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        let raw = UnsafeRawPointer(key.baseAddress!)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count {
            tail |= UInt64(key[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h)
    }

    // MARK: - Reading back at flush

    /// Finishes every term's pending document so the streams hold all postings.
    package func finishPending() {
        terms.withUnsafeMutableBufferPointer { all in
            for k in all.indices where all[k].lastDoc >= 0 && all[k].writtenDoc != all[k].lastDoc {
                writePending(all.baseAddress! + k)
            }
        }
    }

    /// Term ids sorted by key bytes (field byte first, then the term's UTF-8 bytes).
    package func sortedTermIDs() -> [Int32] {
        var ids = (0..<Int32(terms.count)).map { $0 }
        keys.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            terms.withUnsafeBufferPointer { ts in
                ids.sort { a, b in
                    let x = ts[Int(a)]
                    let y = ts[Int(b)]
                    let n = Int(min(x.keyLength, y.keyLength))
                    let c = memcmp(base + Int(x.keyStart), base + Int(y.keyStart), n)
                    return c != 0 ? c < 0 : x.keyLength < y.keyLength
                }
            }
        }
        return ids
    }

    /// The id of a term key, or `nil` if no added document has it.
    package func termID(key: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard key.count > 0 else { return nil }
        let h = SegmentBuffer.hash(key)
        var slot = Int(h) & mask
        while table[slot] >= 0 {
            let t = terms[Int(table[slot])]
            if t.hash == h && t.keyLength == UInt32(key.count) && equalKey(t.keyStart, key) { return table[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#endif
