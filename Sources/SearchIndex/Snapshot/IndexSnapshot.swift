/// A consistent, read-only view of the index as of one commit.
///
/// Opening reads `meta.json` once and maps each segment's files; it never takes the writer lock, so it
/// never waits for a writer, and later commits do not change it (files of a snapshot are never modified,
/// and stay readable after a writer deletes them, as they are mapped).
///
/// Global doc ids, if the caller wants them, are `docBases[s] + local doc` for segment `s`.
public final class IndexSnapshot: @unchecked Sendable {
    /// How much of the files' checksums to check when opening.
    public enum Verification: Sendable {
        /// Check footers and sizes only: O(number of segments); pages are checked as they are first read.
        case footers
        /// Also recompute every file's CRC-32C: O(index size), but a damaged file is reported before any
        /// query reads it.
        case checksums
    }

    /// The directory the snapshot was read from.
    public let directory: String
    /// The commit this snapshot shows.
    public let commit: IndexCommit
    /// The live segments, in commit order.
    public let segments: [SegmentReader]
    /// For each segment, the global id of its doc 0.
    public let docBases: [Int]
    /// Documents in all segments, deleted ones included.
    public let maxDoc: Int
    /// Documents neither deleted nor folded.
    public private(set) var liveDocCount: Int
    /// Live documents hidden by `fold(_:)` as copies of others.
    public private(set) var foldedCount = 0

    /// Opens the current commit of the index in `directory`.
    ///
    /// - Parameter verification: `.checksums` (the default) checks every byte first, so a damaged file is
    ///   reported by name before any query could read it (about 0.5 ms per MB); `.footers` opens in
    ///   O(segments): each page is then checked when a reader first decodes it, and a damaged one fails that
    ///   read (or, for dates, delete bits and norms, shows in `checkDamage()`), never giving another answer.
    /// - Throws: `.notFound` without a commit; `.corrupted` naming the file whose footer, size or checksum is
    ///   wrong; `.unsupportedVersion`.
    public static func open(
        directory: String,
        verification: Verification = .checksums
    ) throws(IndexError) -> IndexSnapshot {
        // A writer may delete the files of the commit just read (after a newer commit): read it again.
        var attempt = 0
        while true {
            let commit = try IndexCommit.read(directory: directory)
            do {
                return try IndexSnapshot(directory: directory, commit: commit, verification: verification)
            } catch  where error.code == .notFound && attempt < 5 {
                attempt += 1
                let newer = try? IndexCommit.read(directory: directory)
                if newer?.generation == commit.generation { throw error }
            }
        }
    }

    package init(directory: String, commit: IndexCommit, verification: Verification) throws(IndexError) {
        self.directory = directory
        self.commit = commit
        var segments: [SegmentReader] = []
        var bases: [Int] = []
        var total = 0
        var live = 0
        for info in commit.segments {
            let segment = try SegmentReader(directory: directory, info: info, schema: commit.schema)
            if verification == .checksums { try segment.verifyChecksums() }
            segments.append(segment)
            bases.append(total)
            total += info.maxDoc
            live += info.liveDocCount
        }
        self.segments = segments
        docBases = bases
        maxDoc = total
        liveDocCount = live
    }

    /// Hides live documents from queries, counts and statistics as if they were deleted, in this snapshot
    /// only: `docs[s]` are local doc ids of segment `s`, copies whose original another document keeps.
    /// `SegmentReader.isFolded` still tells them, so they can be opened by address.
    ///
    /// Call once, right after opening and before the snapshot is shared with other threads.
    /// - Throws: `.corrupted` when a delete bitset is damaged.
    public func fold(_ docs: [[Int32]]) throws(IndexError) {
        for (segment, local) in zip(segments, docs) where !local.isEmpty {
            let before = segment.foldedCount
            try segment.fold(local)
            foldedCount += segment.foldedCount - before
            liveDocCount -= segment.foldedCount - before
        }
    }

    /// Throws the first damaged page met by a reader that cannot throw (`SegmentReader.isDeleted`, `date`,
    /// `norm`): a caller that used them checks here before it trusts its answer.
    public func checkDamage() throws(IndexError) {
        for segment in segments { if let error = segment.damage { throw error } }
    }

    /// The schema the index was created with.
    public var schema: IndexSchema { commit.schema }
    /// The analyzer the index was built with.
    public var analyzer: AnalyzerIdentity { commit.analyzer }
    /// The caller's data saved with the commit.
    public var userData: [String: String] { commit.userData }
    /// The commit's generation.
    public var generation: Int { commit.generation }

    /// The sum of a text field's lengths and the number of documents where it is not empty, over all
    /// segments (deleted documents included, as in Lucene): BM25's average length is `sum / docCount`.
    public func fieldStats(_ field: FieldID) -> (sumLength: UInt64, docCount: Int) {
        let k = Int(field.rawValue)
        guard k < schema.textFields.count else { return (0, 0) }
        var sum: UInt64 = 0
        var docs = 0
        for info in commit.segments {
            sum += info.fieldLengthSums[k]
            docs += info.fieldDocCounts[k]
        }
        return (sum, docs)
    }

    /// The number of documents containing a term, summed over segments (deleted documents included).
    public func docFreq(field: FieldID, term: UnsafeRawBufferPointer) throws(IndexError) -> Int {
        var total = 0
        for segment in segments {
            total += try segment.termInfo(field: field, term: term)?.docFreq ?? 0
        }
        return total
    }

    /// `docFreq` for a `String` term.
    public func docFreq(field: FieldID, term: String) throws(IndexError) -> Int {
        try Array(term.utf8).withUnsafeBufferPointer { (utf8) throws(IndexError) in
            try docFreq(field: field, term: UnsafeRawBufferPointer(utf8))
        }
    }

    /// The distinct terms of `field` starting with `prefix` over all segments, in byte order, at most `limit`.
    public func expand(field: FieldID, prefix: String, limit: Int) throws(IndexError) -> [String] {
        var found = Set<[UInt8]>()
        try Array(prefix.utf8).withUnsafeBufferPointer { (utf8) throws(IndexError) in
            for segment in segments {
                for entry in try segment.terms(field: field, prefix: UnsafeRawBufferPointer(utf8), limit: limit) {
                    found.insert(entry.term)
                }
            }
        }
        let sorted = found.sorted { $0.lexicographicallyPrecedes($1) }
        return sorted.prefix(limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The distinct terms of `field` made of one character and then `suffix` (for a CJK character, the
    /// bigrams that end with it) over all segments, in byte order, at most `limit`.
    ///
    /// - Complexity: a scan of the field's terms that start with a byte of a three- or four-byte UTF-8
    ///   character, in every segment.
    public func expand(field: FieldID, afterOneCharacter suffix: String, limit: Int) throws(IndexError) -> [String] {
        let tail = Array(suffix.utf8)
        var found = Set<[UInt8]>()
        for segment in segments {
            let terms = try segment.terms(field: field, leadingBytes: 0xE0...0xF4, limit: limit) { term in
                let head = term.count - tail.count
                guard head == (term[0] >= 0xF0 ? 4 : 3) else { return false }
                return term[head...].elementsEqual(tail)
            }
            for entry in terms { found.insert(entry.term) }
        }
        let sorted = found.sorted { $0.lexicographicallyPrecedes($1) }
        return sorted.prefix(limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The segment holding a global doc id and the local id in it.
    public func locate(globalDoc: Int) -> (segment: Int, doc: Int32)? {
        guard globalDoc >= 0, globalDoc < maxDoc else { return nil }
        var low = 0
        var high = docBases.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if docBases[mid] <= globalDoc { low = mid } else { high = mid - 1 }
        }
        return (low, Int32(globalDoc - docBases[low]))
    }
}
