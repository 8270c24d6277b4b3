import Foundation

/// Settings of an `IndexWriter`.
public struct IndexWriterOptions: Sendable {
    /// Flush the in-memory segment when it holds more than this many bytes (default 256 MiB).
    public var memoryBudget: Int = 256 << 20
    /// Segments of similar size merged at once by the log merge policy (default 10).
    public var mergeFactor: Int = 10
    /// Whether `commit` runs the merge policy (then commits again) before returning.
    public var mergeOnCommit: Bool = true
    /// Whether `commit` rewrites the segments that have deleted documents (merging them into one), so that
    /// term statistics (document frequencies, field lengths) count live documents only and a refreshed index
    /// scores exactly like a rebuilt one. Costs a rewrite of the segments touched by deletes.
    public var expungeDeletesOnCommit: Bool = false
    /// Start from an empty index, ignoring any existing commit; the old segments are removed once the first
    /// commit of this writer replaces them (readers keep seeing the old index until then).
    public var create: Bool = false

    /// Settings; see each property.
    public init(
        memoryBudget: Int = 256 << 20,
        mergeFactor: Int = 10,
        mergeOnCommit: Bool = true,
        expungeDeletesOnCommit: Bool = false,
        create: Bool = false
    ) {
        self.memoryBudget = memoryBudget
        self.mergeFactor = max(2, mergeFactor)
        self.mergeOnCommit = mergeOnCommit
        self.expungeDeletesOnCommit = expungeDeletesOnCommit
        self.create = create
    }
}

/// The single writer of an index directory: adds and deletes documents, flushes segments under a memory
/// budget, commits atomically and merges segments.
///
/// Nothing becomes visible to readers before `commit`; closing (or dying) without committing leaves the last
/// commit as it was, and the next writer removes the files the dead one left behind.
public final class IndexWriter {
    /// The directory of the index.
    public let directory: String
    /// The fields of the index.
    public let schema: IndexSchema
    /// The analyzer recorded in every commit.
    public let analyzer: AnalyzerIdentity
    /// The writer's settings.
    public let options: IndexWriterOptions

    package struct SegmentState {
        package var info: SegmentInfo
        package var reader: SegmentReader
        package var deletes: DeleteBitset
        package var deletesChanged = false
    }

    private var lock: WriteLock?
    package var segments: [SegmentState] = []
    private var buffer: SegmentBuffer?
    private var bufferID = ""
    private var bufferDeletes: [(key: [UInt8], below: Int32)] = []
    private var sortedScratch = IndexDocument()
    /// The generation of the last commit (0 before the first).
    public private(set) var generation: Int
    /// The user data of the last commit.
    public private(set) var userData: [String: String]
    /// Why the merges after the last `commit` stopped (its documents are committed all the same), or `nil`.
    public private(set) var mergeError: IndexError?

    /// Opens the index in `directory` for writing, creating the directory and an empty index if needed.
    ///
    /// Takes the writer lock, then deletes files that no commit references (left by a writer that died).
    /// - Throws: `.locked` naming the PID of the writer holding the lock; `.invalidArgument` when an existing
    ///   index has another schema or analyzer (open with `options.create` to rebuild); `.corrupted`.
    public init(
        directory: String,
        schema: IndexSchema,
        analyzer: AnalyzerIdentity,
        options: IndexWriterOptions = IndexWriterOptions()
    ) throws(IndexError) {
        try schema.validate()
        self.directory = directory
        self.schema = schema
        self.analyzer = analyzer
        self.options = options
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw IndexError(.io, "cannot create the index directory '\(directory)': \(error.localizedDescription)")
        }
        lock = try WriteLock(directory: directory)
        var existing: IndexCommit? = nil
        var olderFormat = false
        do {
            existing = try IndexCommit.read(directory: directory)
        } catch let error where error.code == .notFound {
            // No index yet: this writer starts an empty one.
        } catch let error where error.code == .unsupportedVersion && options.create {
            // A rebuild replaces an index this build cannot read. Which files that commit uses is unknown, so
            // nothing is removed until the first commit of this writer, which removes them all.
            olderFormat = true
        }
        if !olderFormat { try IndexWriter.removeUnreferencedFiles(directory: directory, commit: existing) }
        generation = existing?.generation ?? 0
        userData = [:]
        guard let existing, !options.create else { return }
        guard existing.schema == schema else {
            throw IndexError(.invalidArgument, "the index at '\(directory)' was built with another schema; rebuild it")
        }
        guard existing.analyzer == analyzer else {
            throw IndexError(
                .invalidArgument,
                "the index at '\(directory)' was built with analyzer \(existing.analyzer.name) \(existing.analyzer.version), not \(analyzer.name) \(analyzer.version); rebuild it"
            )
        }
        userData = existing.userData
        for info in existing.segments {
            let reader = try SegmentReader(directory: directory, info: info, schema: schema)
            segments.append(SegmentState(info: info, reader: reader, deletes: try DeleteBitset(segment: reader)))
        }
    }

    deinit { lock?.release() }

    /// Releases the lock without committing: documents added since the last commit are dropped.
    public func close() {
        buffer = nil
        lock?.release()
        lock = nil
    }

    // MARK: - Adding and deleting

    /// Documents added but not yet flushed into a segment.
    public var bufferedDocumentCount: Int { Int(buffer?.docCount ?? 0) }

    /// Segments flushed and committed (or about to be), not counting the in-memory one.
    public var segmentCount: Int { segments.count }

    /// Live documents in flushed segments plus buffered documents, as the next commit would have them
    /// (buffered deletes not yet applied).
    public var documentCount: Int {
        segments.reduce(0) { $0 + $1.info.maxDoc - $1.deletes.count } + bufferedDocumentCount
    }

    /// Adds a document. It becomes visible to readers at the next commit.
    ///
    /// Flushes the in-memory segment to disk when it grows past `options.memoryBudget`.
    /// - Throws: `.invalidArgument` for a token of an unknown field or a term longer than
    ///   `IndexFormat.maxTermLength`; `.io` when a flush fails.
    public func add(_ document: IndexDocument) throws(IndexError) {
        let buffer = try openBuffer()
        if document.needsSort {
            sortedScratch = document
            sortedScratch.sortTokens()
            _ = try buffer.add(sortedScratch)
        } else {
            _ = try buffer.add(document)
        }
        if buffer.memoryBytes > options.memoryBudget { try flush() }
    }

    /// Adds a document with one text too long to analyze at once: `head` holds its other fields, `nextPart`
    /// hands over the long text's tokens piece by piece. It is one document, found and returned as one.
    ///
    /// Memory: the stored record is compressed and written before the first piece is asked for; then one
    /// piece's tokens at a time, plus the postings the document adds to the in-memory segment (a flush
    /// follows when they take it past the budget).
    /// - Parameters:
    ///   - storedText: the long text's stored field and UTF-8 bytes, stored as one value after `head`'s.
    ///   - nextPart: fills the document it is given (cleared) with the next piece's tokens, their positions
    ///     following the previous piece's; returns `false` when there are no more.
    /// - Throws: as `add(_:)`; after a part's refused token the document holds the pieces before it, so
    ///   a caller abandons the writer (as after a failed flush) rather than commit.
    public func add(
        _ head: IndexDocument,
        storedText: (field: StoredFieldID, bytes: UnsafeRawBufferPointer),
        nextPart: (inout IndexDocument) -> Bool
    ) throws(IndexError) {
        let buffer = try openBuffer()
        var head = head
        if head.needsSort { head.sortTokens() }
        _ = try buffer.add(head, storedText: storedText, nextPart: nextPart)
        if buffer.memoryBytes > options.memoryBudget { try flush() }
    }

    /// The in-memory segment, started when there is none.
    private func openBuffer() throws(IndexError) -> SegmentBuffer {
        try checkOpen()
        if let buffer { return buffer }
        bufferID = IndexWriter.newSegmentID()
        let stored = try StoredFieldsWriter(directory: directory, segment: bufferID, schema: schema)
        let created = SegmentBuffer(schema: schema, stored: stored)
        buffer = created
        return created
    }

    /// Deletes every document added before this call whose keyword (or text) `field` holds `term`.
    ///
    /// Documents added after the call are not affected, so "delete by source, then add the new version"
    /// replaces a source. Applied to readers at the next commit.
    public func deleteDocuments(field: FieldID, term: String) throws(IndexError) {
        try checkOpen()
        var key: [UInt8] = [field.rawValue]
        key.append(contentsOf: term.utf8)
        for k in segments.indices {
            let reader = segments[k].reader
            let found = try key.withBytes { (raw) throws(IndexError) in try reader.terms.lookup(raw) }
            guard let info = found else { continue }
            let cursor = try segments[k].reader.postings(field: field, info: info)
            while cursor.next() != PostingsCursor.noMoreDocs {
                if segments[k].deletes.insert(cursor.doc) { segments[k].deletesChanged = true }
            }
            if let error = cursor.error { throw error }
        }
        if let buffer { bufferDeletes.append((key, buffer.docCount)) }
    }

    /// Writes the buffered documents as a new segment (not yet committed).
    public func flush() throws(IndexError) {
        try checkOpen()
        guard let buffer else { return }
        guard buffer.docCount > 0 else {
            // Only refused documents: drop the buffer (its empty stored-fields file goes with the next cleanup).
            self.buffer = nil
            bufferDeletes.removeAll()
            return
        }
        let info = try buffer.write(directory: directory, id: bufferID)
        var deletes = DeleteBitset(maxDoc: info.maxDoc)
        for request in bufferDeletes {
            for doc in buffer.documents(withKey: request.key, below: request.below) { deletes.insert(doc) }
        }
        self.buffer = nil
        bufferDeletes.removeAll()
        let reader = try SegmentReader(directory: directory, info: info, schema: schema)
        segments.append(SegmentState(info: info, reader: reader, deletes: deletes, deletesChanged: deletes.count > 0))
    }

    // MARK: - Committing

    /// Makes every added and deleted document visible to new snapshots, atomically and durably.
    ///
    /// Flushes the buffer, writes new delete generations, then replaces `meta.json` (temporary file, fsync,
    /// rename, directory fsync). With `options.expungeDeletesOnCommit`, then rewrites the segments holding
    /// deleted documents; with `options.mergeOnCommit`, merges by the log policy; each followed by a commit.
    /// Finally deletes files no longer referenced.
    ///
    /// A merge that fails (a full disk) does not make the commit fail: the documents are committed before
    /// merging starts, and a merge only reorganizes them. The error is kept in `mergeError`, the writer goes
    /// on with the segments of the last commit, and the next commit tries the merge again.
    /// - Parameter userData: saved in the commit for the caller (the facade's sources table).
    /// - Throws: when flushing or writing the commit fails; the previous commit then stays in place.
    public func commit(userData: [String: String]) throws(IndexError) {
        try checkOpen()
        try flush()
        try writeCommit(userData: userData)
        mergeError = nil
        if options.mergeOnCommit || options.expungeDeletesOnCommit {
            var committed = segments
            do throws(IndexError) {
                let withDeletes = segments.indices.filter { segments[$0].deletes.count > 0 }
                if options.expungeDeletesOnCommit && !withDeletes.isEmpty {
                    try merge(withDeletes)
                    try writeCommit(userData: userData)
                    committed = segments
                }
                while options.mergeOnCommit, let picked = pickMerge() {
                    try merge(picked)
                    try writeCommit(userData: userData)
                    committed = segments
                }
            } catch {
                // `merge` replaced segments in memory that the commit on disk still references.
                segments = committed
                mergeError = error
            }
        }
        try IndexWriter.removeUnreferencedFiles(
            directory: directory,
            commit: try IndexCommit.read(directory: directory)
        )
    }

    /// Writes delete bitsets that changed and the commit file.
    package func writeCommit(userData: [String: String]) throws(IndexError) {
        var kept: [SegmentState] = []
        for var state in segments {
            if state.deletes.count == state.info.maxDoc { continue }
            if state.deletesChanged {
                let generation = state.info.deleteGeneration + 1
                try state.deletes.write(directory: directory, name: state.info.deleteFileName(generation: generation))
                state.info.deleteGeneration = generation
                state.info.deleteCount = state.deletes.count
                state.deletesChanged = false
                state.reader = try SegmentReader(directory: directory, info: state.info, schema: schema)
            }
            kept.append(state)
        }
        let commit = IndexCommit(
            formatVersion: IndexFormat.version,
            generation: generation + 1,
            analyzer: analyzer,
            schema: schema,
            segments: kept.map(\.info),
            userData: userData
        )
        try commit.write(directory: directory)
        segments = kept
        generation = commit.generation
        self.userData = userData
    }

    private func checkOpen() throws(IndexError) {
        guard lock != nil else { throw IndexError(.invalidArgument, "the index writer is closed") }
    }

    /// A fresh segment name: 16 random hexadecimal digits.
    package static func newSegmentID() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
