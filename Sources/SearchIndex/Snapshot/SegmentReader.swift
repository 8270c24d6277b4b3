/// One segment of a snapshot, memory-mapped: term lookup, postings cursors, norms, dates, deletes and stored
/// fields for local doc ids `0..<maxDoc`.
///
/// Immutable once opened and safe to share between threads; cursors made from it are not.
public final class SegmentReader: @unchecked Sendable {
    /// What the commit says about this segment.
    public let info: SegmentInfo
    /// The index's schema.
    public let schema: IndexSchema
    package let terms: TermDictionary
    package let postingsFile: MappedFile
    package let positionsFile: MappedFile
    package let normsFile: MappedFile
    package let datesFile: MappedFile
    package let storedFile: MappedFile
    package let idsFile: MappedFile
    package let columnsFile: MappedFile
    /// The surface words of the segment (`LexiconFile`).
    package let lexiconFile: MappedFile
    /// The schema's columns, in `ColumnID` order.
    private let columnReaders: [ColumnReader]
    package let deletesFile: MappedFile?
    private let stored: StoredFieldsReader
    /// The documents hidden from queries: the delete bitset's mapping, or `hidden` once some are folded.
    private var deleteBits: UnsafeRawPointer?
    /// The page checks of the columns read one value at a time, as values: no reference counting per read.
    /// `nil` once `hidden` replaces the mapping (its pages were all checked when it was made).
    private var deletePages: PageCheck?
    /// Deleted or folded documents, owned; `nil` until `fold(_:)` folds some.
    private var hidden: UnsafeMutableRawBufferPointer?
    /// The folded documents, owned; `nil` until `fold(_:)` folds some.
    private var folded: UnsafeMutableRawBufferPointer?
    /// Live documents that `fold(_:)` hid as copies of others.
    public private(set) var foldedCount = 0
    private let datePages: PageCheck
    private let normPages: PageCheck
    private let textFieldCount: Int

    /// Maps the segment's files and checks their footers and sizes.
    package init(directory: String, info: SegmentInfo, schema: IndexSchema) throws(IndexError) {
        self.info = info
        self.schema = schema
        let textCount = schema.textFields.count
        textFieldCount = textCount
        guard info.maxDoc >= 0, info.maxDoc < Int(Int32.max), info.deleteCount >= 0, info.deleteCount <= info.maxDoc,
            info.fieldLengthSums.count == textCount, info.fieldDocCounts.count == textCount, info.deleteGeneration >= 0
        else {
            throw IndexError.corrupted(IndexFormat.commitFileName, "segment \(info.id) is described inconsistently")
        }
        terms = try TermDictionary(file: MappedFile(directory: directory, name: info.fileName(.terms), kind: .terms))
        postingsFile = try MappedFile(directory: directory, name: info.fileName(.postings), kind: .postings)
        positionsFile = try MappedFile(directory: directory, name: info.fileName(.positions), kind: .positions)
        normsFile = try MappedFile(directory: directory, name: info.fileName(.norms), kind: .norms)
        datesFile = try MappedFile(directory: directory, name: info.fileName(.dates), kind: .dates)
        storedFile = try MappedFile(directory: directory, name: info.fileName(.stored), kind: .stored)
        idsFile = try MappedFile(directory: directory, name: info.fileName(.ids), kind: .ids)
        columnsFile = try MappedFile(directory: directory, name: info.fileName(.columns), kind: .columns)
        lexiconFile = try MappedFile(directory: directory, name: info.fileName(.lexicon), kind: .lexicon)
        try columnsFile.check(0, ColumnFile.headerSize)
        guard columnsFile.dataLength >= ColumnFile.headerSize + ColumnFile.entrySize * schema.columns.count,
            columnsFile.base.loadUnaligned(as: UInt32.self) == UInt32(schema.columns.count).littleEndian
        else {
            throw IndexError.corrupted(columnsFile.name, "it does not hold the schema's columns")
        }
        var columnReaders: [ColumnReader] = []
        for (k, field) in schema.columns.enumerated() {
            columnReaders.append(try ColumnReader(file: columnsFile, index: k, field: field, maxDoc: info.maxDoc))
        }
        self.columnReaders = columnReaders
        stored = try StoredFieldsReader(file: storedFile, idFile: idsFile, maxDoc: info.maxDoc, schema: schema)
        guard normsFile.dataLength == info.maxDoc * schema.textFields.count else {
            throw IndexError.corrupted(normsFile.name, "its size does not match the segment's document count")
        }
        guard datesFile.dataLength == info.maxDoc * 4 else {
            throw IndexError.corrupted(datesFile.name, "its size does not match the segment's document count")
        }
        guard terms.termCount == info.termCount else {
            throw IndexError.corrupted(terms.file.name, "its term count disagrees with the commit")
        }
        if info.deleteGeneration > 0 {
            let file = try MappedFile(
                directory: directory,
                name: info.deleteFileName(generation: info.deleteGeneration),
                kind: .deletes
            )
            guard file.dataLength == DeleteBitset.byteCount(maxDoc: info.maxDoc) else {
                throw IndexError.corrupted(file.name, "its size does not match the segment's document count")
            }
            deletesFile = file
            deleteBits = file.base
            deletePages = file.pageCheck
        } else {
            deletesFile = nil
            deleteBits = nil
            deletePages = nil
        }
        datePages = datesFile.pageCheck
        normPages = normsFile.pageCheck
    }

    /// Every mapped file of the segment.
    package var files: [MappedFile] {
        [terms.file, postingsFile, positionsFile, normsFile, datesFile, storedFile, idsFile, columnsFile, lexiconFile]
            + (deletesFile.map { [$0] } ?? [])
    }

    /// Documents in the segment, deleted ones included.
    public var maxDoc: Int { info.maxDoc }
    /// Documents neither deleted nor folded.
    public var liveDocCount: Int { info.liveDocCount - foldedCount }
    /// Whether any document is deleted (when `false`, `isDeleted` is always `false`).
    public var hasDeletions: Bool { deleteBits != nil }

    /// Whether `doc` is deleted or folded: hidden from queries, counts and statistics alike.
    ///
    /// The bit's page is checked first; when it is damaged, the answer is unreliable and `damage` says so:
    /// callers that cannot throw per document check `damage` after their loop.
    @inline(__always)
    public func isDeleted(_ doc: Int32) -> Bool {
        guard let deleteBits else { return false }
        if let deletePages { _ = deletePages.isIntact(Int(doc >> 3), 1) }
        let byte = deleteBits.load(fromByteOffset: Int(doc >> 3), as: UInt8.self)
        return byte & (1 << UInt8(doc & 7)) != 0
    }

    /// Whether `doc` is live but folded as a copy of another document (`fold(_:)`): hidden from queries, yet
    /// still opened by whoever asks for it by address.
    public func isFolded(_ doc: Int32) -> Bool {
        guard let folded else { return false }
        return folded[Int(doc >> 3)] & (1 << UInt8(doc & 7)) != 0
    }

    /// Hides the live documents `docs` from queries as deleted documents are hidden, for this reader only
    /// (nothing is written): a copy of a document that another one keeps. Call before sharing the reader.
    ///
    /// - Throws: `.corrupted` when a page of the delete bitset is damaged.
    package func fold(_ docs: [Int32]) throws(IndexError) {
        guard !docs.isEmpty else { return }
        let bytes = DeleteBitset.byteCount(maxDoc: info.maxDoc)
        let hiddenBytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes), alignment: 8)
        let foldedBytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes), alignment: 8)
        hiddenBytes.initializeMemory(as: UInt8.self, repeating: 0)
        foldedBytes.initializeMemory(as: UInt8.self, repeating: 0)
        if let file = deletesFile {
            try file.checkAll()
            hiddenBytes.copyMemory(from: UnsafeRawBufferPointer(start: file.base, count: bytes))
        }
        for doc in docs {
            let k = Int(doc >> 3)
            let mask: UInt8 = 1 << UInt8(doc & 7)
            guard hiddenBytes[k] & mask == 0 else { continue }
            hiddenBytes[k] |= mask
            foldedBytes[k] |= mask
            foldedCount += 1
        }
        hidden?.deallocate()
        folded?.deallocate()
        hidden = hiddenBytes
        folded = foldedBytes
        deleteBits = UnsafeRawPointer(hiddenBytes.baseAddress!)
        deletePages = nil
    }

    deinit {
        hidden?.deallocate()
        folded?.deallocate()
    }

    /// The one-byte length norm of a text field for `doc` (decode with `NormCodec`); 0 for keyword fields.
    /// Checked as `isDeleted` is.
    @inline(__always)
    public func norm(_ field: FieldID, _ doc: Int32) -> UInt8 {
        guard Int(field.rawValue) < textFieldCount else { return 0 }
        let offset = Int(field.rawValue) * info.maxDoc + Int(doc)
        _ = normPages.isIntact(offset, 1)
        return normsFile.base.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// The norms of a text field as a buffer of `maxDoc` bytes, valid while this segment is alive.
    ///
    /// Unchecked: a postings cursor of the field checks the pages of its decoded block's documents, so the
    /// norms of the documents it yields are checked; check others with `norm(_:_:)`.
    public func norms(_ field: FieldID) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: normPointer(field), count: schema.isText(field) ? info.maxDoc : 0)
    }

    package func normPointer(_ field: FieldID) -> UnsafePointer<UInt8> {
        (normsFile.base + Int(field.rawValue) * info.maxDoc).assumingMemoryBound(to: UInt8.self)
    }

    /// The date (`yyyymmdd`, 0 = unknown) of `doc`.
    @inline(__always)
    public func date(_ doc: Int32) -> Int32 {
        _ = datePages.isIntact(Int(doc) * 4, 4)
        return Int32(littleEndian: datesFile.base.loadUnaligned(fromByteOffset: Int(doc) * 4, as: Int32.self))
    }

    /// The reader of a column of the schema (`IndexSchema.column(named:)`).
    public func column(_ column: ColumnID) -> ColumnReader { columnReaders[Int(column.rawValue)] }

    /// Checks every column's dictionary and ordinals.
    package func validateColumns() throws(IndexError) {
        for reader in columnReaders { try reader.validate(maxDoc: info.maxDoc) }
    }

    /// Adds one to `counts[year]` for the year of every document of `docs` (`counts[0]` for one without a
    /// date, or with a date out of the years `counts` holds).
    public func countYears(of docs: UnsafeBufferPointer<Int32>, into counts: UnsafeMutableBufferPointer<Int>) {
        for doc in docs {
            let year = Int(date(doc) / 10_000)
            counts[year > 0 && year < counts.count ? year : 0] &+= 1
        }
    }

    /// The stored fields of `doc` in the order they were added.
    ///
    /// - Complexity: decompresses one block of about 32 KiB (~40 µs).
    public func storedFields(_ doc: Int32) throws(IndexError) -> [StoredField] {
        try stored.document(Int(doc), schema: schema)
    }

    /// The stored fields of `doc`, a value of 1 MiB or more left empty and handed to `streaming` instead,
    /// in pieces of at most 64 KiB, until it returns `false`: a very long text is never held whole.
    /// - Throws: `.corrupted` when the stored-fields file is damaged.
    public func storedFields(
        _ doc: Int32,
        streaming: (StoredFieldID, UnsafeRawBufferPointer) -> Bool
    ) throws(IndexError) -> [StoredField] {
        try stored.document(Int(doc), schema: schema, streamsLarge: true, streaming: streaming)
    }

    /// One stored field of `doc`, or `nil` when the document has none.
    ///
    /// - Complexity: O(1) for the schema's `idField`, read from the id column; otherwise one block decompressed.
    /// - Throws: `.corrupted` when the stored-fields file is damaged.
    public func storedValue(_ doc: Int32, field: StoredFieldID) throws(IndexError) -> String? {
        try stored.value(Int(doc), field: field, schema: schema)
    }

    /// Every document's stored record and id value in doc-id order (merges, structure checks).
    package func forEachStoredRecord(
        _ body: (Int, UnsafeRawBufferPointer, UnsafeRawBufferPointer?) throws(IndexError) -> Void
    ) throws(IndexError) {
        try stored.forEachRecord(body)
    }

    /// Checks the id column's offsets.
    package func validateIDColumn() throws(IndexError) { try stored.ids.validate() }

    // MARK: - Terms

    /// The dictionary entry of a term, or `nil` when no document of the segment has it.
    public func termInfo(field: FieldID, term: UnsafeRawBufferPointer) throws(IndexError) -> TermInfo? {
        guard term.count <= IndexFormat.maxTermLength else { return nil }
        return try SegmentReader.withKey(field, term) { (key) throws(IndexError) in try terms.lookup(key) }
    }

    /// A cursor over the postings of a term, or `nil` when no document of the segment has it.
    public func postings(field: FieldID, term: UnsafeRawBufferPointer) throws(IndexError) -> PostingsCursor? {
        guard let info = try termInfo(field: field, term: term) else { return nil }
        return try PostingsCursor(segment: self, field: field, info: info)
    }

    /// A cursor over the postings of a term given as a `String`.
    public func postings(field: FieldID, term: String) throws(IndexError) -> PostingsCursor? {
        try Array(term.utf8).withUnsafeBufferPointer { (utf8) throws(IndexError) in
            try postings(field: field, term: UnsafeRawBufferPointer(utf8))
        }
    }

    /// A cursor from a dictionary entry found earlier (by `termInfo` or `terms(field:prefix:limit:)`).
    public func postings(field: FieldID, info: TermInfo) throws(IndexError) -> PostingsCursor {
        try PostingsCursor(segment: self, field: field, info: info)
    }

    /// The terms of `field` that start with `prefix`, in byte order, at most `limit` of them.
    ///
    /// - Returns: each term's bytes (without the field byte) and its dictionary entry.
    public func terms(
        field: FieldID,
        prefix: UnsafeRawBufferPointer,
        limit: Int
    ) throws(IndexError) -> [(term: [UInt8], info: TermInfo)] {
        var result: [(term: [UInt8], info: TermInfo)] = []
        guard limit > 0 else { return result }
        try SegmentReader.withKey(field, prefix) { (key) throws(IndexError) in
            var iterator = try terms.iterator(from: key)
            while try iterator.next() {
                let c = iterator.key.withUnsafeBytes { k in
                    k.count >= key.count && memcmp(k.baseAddress!, key.baseAddress!, key.count) == 0
                        ? 0 : TermDictionary.compare(k, key)
                }
                if c < 0 { continue }
                if c > 0 { break }
                result.append((Array(iterator.key.dropFirst()), iterator.info))
                if result.count >= limit { break }
            }
        }
        return result
    }

    /// The terms of `field` whose first byte lies in `leads` and that `keep` accepts, in byte order, at most
    /// `limit` of them: a scan of every term of the field that starts with one of those bytes (for
    /// instance all terms of CJK characters, to find the bigrams that end with one).
    ///
    /// - Returns: each term's bytes (without the field byte) and its dictionary entry.
    /// - Complexity: O(terms of the field starting with a byte of `leads`).
    public func terms(
        field: FieldID,
        leadingBytes leads: ClosedRange<UInt8>,
        limit: Int,
        where keep: (UnsafeRawBufferPointer) -> Bool
    ) throws(IndexError) -> [(term: [UInt8], info: TermInfo)] {
        var result: [(term: [UInt8], info: TermInfo)] = []
        guard limit > 0 else { return result }
        let start: [UInt8] = [field.rawValue, leads.lowerBound]
        try start.withBytes { (key) throws(IndexError) in
            var iterator = try terms.iterator(from: key)
            while try iterator.next() {
                let k = iterator.key
                guard k.count >= 2, k[0] <= field.rawValue else { continue }
                if k[0] > field.rawValue || k[1] > leads.upperBound { break }
                if k[1] < leads.lowerBound { continue }
                let kept = k.withUnsafeBytes { keep(UnsafeRawBufferPointer(rebasing: $0.dropFirst())) }
                if kept {
                    result.append((Array(k.dropFirst()), iterator.info))
                    if result.count >= limit { break }
                }
            }
        }
        return result
    }

    /// Builds the dictionary key (field byte + term bytes) on the stack for short terms.
    package static func withKey<R>(
        _ field: FieldID,
        _ term: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R
    ) throws(IndexError) -> R {
        var key = [UInt8]()
        key.reserveCapacity(term.count + 1)
        key.append(field.rawValue)
        key.append(contentsOf: term)
        return try key.withBytes { (raw) throws(IndexError) in try body(raw) }
    }

    /// The first damaged page met by a reader that cannot throw (`isDeleted`, `date`, `norm`, a column), if any: its
    /// answers since the mapping was made are unreliable.
    public var damage: IndexError? {
        for file in [deletesFile, datesFile, normsFile, columnsFile] {
            if let error = file?.damageError { return error }
        }
        return nil
    }

    /// Checks every file's CRC-32C; throws naming the first damaged file.
    package func verifyChecksums() throws(IndexError) {
        for file in files { try file.verifyChecksum() }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
