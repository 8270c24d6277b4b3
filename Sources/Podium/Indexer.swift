import Foundation
import SearchIndex
import TextAnalysis
import TranscriptIngest

/// Settings of a build or refresh.
public struct IndexingOptions: Sendable {
    /// Folders and files to index. Empty for a refresh means: the ones the index was built from.
    public var corpus: [String]
    /// The index directory.
    public var index: String
    /// Bytes of memory for the whole build or refresh. Half of it holds postings before a segment is
    /// written; the other half covers the sources being read and analyzed, merges and the runtime, so the
    /// process's peak resident memory stays within this figure.
    public var memoryBudget: Int
    /// Threads that read and analyze sources.
    public var jobs: Int
    /// The largest page (or gzipped file, read whole) indexed, in bytes; a larger one is skipped with the
    /// limit in its reason. `nil`: a 32nd of `memoryBudget`, at least 4 MiB, since a page takes about 8 times
    /// its size while it is parsed and every reader thread may hold one.
    public var maximumPageBytes: Int? = nil
    /// The page limit in force: `maximumPageBytes`, or its default.
    public var pageLimit: Int { maximumPageBytes ?? max(4 << 20, memoryBudget / 32) }
    /// Follow symbolic links that lead out of the corpus too (links inside it are always followed).
    public var followSymlinks = false
    /// The topics file to keep in the index; `nil` takes `topics.toml` at the top of a corpus folder.
    public var topicsFile: String? = nil
    /// The synonyms file to keep in the index; `nil` takes `synonyms.toml` at the top of a corpus folder.
    public var synonymsFile: String? = nil
    /// Asked between sources and before the commit: the number of a signal that asks the run to stop (its
    /// files are then removed and the index stays as it was), or `nil` to go on.
    public var interruption: @Sendable () -> Int32? = { nil }

    /// Settings for a build or refresh of `index` from `corpus`.
    /// - Parameters:
    ///   - memoryBudget: bytes for the whole run; 512 MiB by default.
    ///   - jobs: reader threads, at least one; the number of cores by default.
    public init(
        corpus: [String],
        index: String,
        memoryBudget: Int = 512 << 20,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.corpus = corpus
        self.index = index
        self.memoryBudget = memoryBudget
        self.jobs = max(1, jobs)
    }
}

/// How far a build or refresh has come, for a progress bar.
public struct IndexingProgress: Sendable {
    /// Work units (a page, or a block of a large JSONL file) done, of `total`.
    public var done: Int
    /// Work units in all.
    public var total: Int
    /// Bytes of sources read so far, of `totalBytes`: units differ in size, bytes measure progress evenly.
    public var bytes: Int64
    /// Bytes of all the sources to read; 0 when not known.
    public var totalBytes: Int64 = 0
}

/// What a build or refresh did.
public struct IndexingReport: Sendable {
    /// Source files found under the corpus paths.
    public var sourcesFound = 0
    /// Sources read and parsed in this run.
    public var sourcesRead = 0
    /// Sources new to the index (a build counts every source read).
    public var added = 0
    /// Sources whose bytes changed since they were indexed.
    public var changed = 0
    /// Sources gone from the corpus, their statements deleted.
    public var deleted = 0
    /// Sources with a new modification time but the same bytes.
    public var touched = 0
    /// Sources with the recorded size and modification time, not read.
    public var unchanged = 0
    /// Statements written in this run.
    public var statementsIndexed = 0
    /// Live statements in the index after the run.
    public var statementsInIndex = 0
    /// Sources read but not indexed, with the reason (a listing page, an empty file…).
    public var skipped: [(path: String, reason: String)] = []
    /// Sources that could not be read, with the system's message; not recorded, so the next refresh retries them.
    public var failed: [(path: String, message: String)] = []
    /// What did not stop a source from being indexed: bad JSONL lines, missing dates, duplicate ids.
    public var warnings: [SourceWarning] = []
    /// Sources read in this run by each reader (a listing page counts as `.listing`, and as skipped).
    public var readers: [ReaderKind: Int] = [:]
    /// Files under the corpus of a kind podium does not read, by extension (`"pdf"`; see
    /// `SourceFiles.unreadSummary`).
    public var unread: [String: Int] = [:]
    /// Bytes of source read in this run.
    public var bytes: Int64 = 0
    /// Wall-clock seconds of the run.
    public var seconds: Double = 0
    /// The commit generation written, or the one left in place when there was nothing to do.
    public var generation = 0
    /// Whether a new commit was written.
    public var committed = false
    /// The topics file copied into the index (`Indexer.topicsFileName`), when there was one.
    public var topicsFile: String? = nil
}

/// Builds and refreshes a Podium index from a corpus of HTML pages and JSONL files.
///
/// Sources are read and analyzed on every core (`IndexingOptions.jobs`) while one writer adds their
/// statements in a fixed order; a large JSONL file is cut into chunks of whole lines so that it, too,
/// is analyzed in parallel and in bounded memory. Nothing is visible to readers before the final
/// commit, which also records the sources table that the next refresh compares against.
public enum Indexer {
    /// User-data keys of the commit.
    static let sourcesKey = "podium.sources"
    static let corpusKey = "podium.corpus"

    /// Indexes every source under `options.corpus` into a new index that replaces whatever
    /// `options.index` held (readers see the old one until the commit).
    public static func build(
        _ options: IndexingOptions,
        progress: (@Sendable (IndexingProgress) -> Void)? = nil
    ) throws(PodiumError) -> IndexingReport {
        let start = Date()
        let roots = try resolveRoots(options.corpus)
        let listing = try listSources(roots, followSymlinks: options.followSymlinks)
        let files = listing.files
        let topics = try topicsSource(options, roots: roots)
        let synonyms = try synonymsSource(options, roots: roots)
        let writer = try openWriter(options, create: true)
        defer { writer.close() }
        var report = IndexingReport()
        report.sourcesFound = files.count
        var table = SourceTable()
        try removingPartialFiles(of: options.index) { () throws(PodiumError) in
            try ingest(files, into: writer, table: &table, report: &report, options: options, progress: progress)
            report.added = files.count - report.failed.count
            listing.report(into: &report)
            try stopIfInterrupted(options)
            try commit(writer, table: table, roots: roots, report: &report, index: options.index)
        }
        try keepTopics(topics, index: options.index, isBuild: true)
        try keepSynonyms(synonyms, index: options.index, isBuild: true)
        report.topicsFile = topics
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Brings the index up to date with its corpus: new sources are added, changed ones replaced, deleted
    /// ones removed, unchanged ones not read at all (same size and modification time), touched ones
    /// (same bytes) only recorded.
    public static func refresh(
        _ options: IndexingOptions,
        progress: (@Sendable (IndexingProgress) -> Void)? = nil
    ) throws(PodiumError) -> IndexingReport {
        let start = Date()
        let writer = try openExistingWriter(options, to: "refresh")
        defer { writer.close() }
        var table = SourceTable()
        if let text = writer.userData[sourcesKey] {
            do { table = try SourceTable(decoding: text) } catch {
                throw PodiumError(
                    .index,
                    "the sources table of '\(options.index)' cannot be read",
                    hint: "rebuild with: podium index build --index \(options.index)"
                )
            }
        }
        var roots = try resolveRoots(options.corpus)
        if options.corpus.isEmpty, let saved = writer.userData[corpusKey],
            let list = try? JSONDecoder().decode([String].self, from: Data(saved.utf8))
        {
            roots = list
        }
        let listing = try listSources(roots, followSymlinks: options.followSymlinks)
        let files = listing.files
        let topics = try topicsSource(options, roots: roots)
        let synonyms = try synonymsSource(options, roots: roots)
        var unreadable: [String: String] = [:]
        var plan = RefreshPlan.make(table: table, current: files.map { ($0.path, $0.fingerprint) }) { path in
            do throws(PodiumError) { return try ContentHash.ofFile(path: path) } catch {
                unreadable[path] = error.message.replacingOccurrences(of: "cannot read \(path): ", with: "")
                return ContentHash(value: 0)
            }
        }
        // What cannot be read now is not known to have changed, nor what lies in a folder that cannot be
        // listed to have gone: their statements stay, and they count as failed.
        plan.changed.removeAll { unreadable[$0] != nil }
        plan.deleted.removeAll { listing.isUnknown($0) }
        var report = IndexingReport()
        listing.report(into: &report)
        for (path, message) in unreadable.sorted(by: { $0.key < $1.key }) { report.failed.append((path, message)) }
        report.sourcesFound = files.count
        report.unchanged = plan.unchanged.count
        report.touched = plan.touched.count
        report.deleted = plan.deleted.count
        report.changed = plan.changed.count
        report.added = plan.added.count
        for path in plan.changed + plan.deleted {
            do { try writer.deleteDocuments(field: StatementSchema.source, term: path) } catch {
                throw PodiumError(error, index: options.index)
            }
        }
        for path in plan.deleted { table[path] = nil }
        for path in plan.touched {
            if let fingerprint = FileFingerprint(path: path) {
                table[path]?.size = fingerprint.size
                table[path]?.modified = fingerprint.modified
            }
        }
        let toRead = Set(plan.added + plan.changed)
        let work = files.filter { toRead.contains($0.path) }
        try removingPartialFiles(of: options.index) { () throws(PodiumError) in
            try ingest(work, into: writer, table: &table, report: &report, options: options, progress: progress)
            report.statementsInIndex = writer.documentCount
            report.generation = writer.generation
            let rootsChanged = writer.userData[corpusKey] != encodeRoots(roots)
            if !plan.isEmpty || rootsChanged {
                try stopIfInterrupted(options)
                try commit(writer, table: table, roots: roots, report: &report, index: options.index)
            }
        }
        try keepTopics(topics, index: options.index, isBuild: false)
        try keepSynonyms(synonyms, index: options.index, isBuild: false)
        report.topicsFile = topics
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    // MARK: - Writing

    static func openWriter(_ options: IndexingOptions, create: Bool) throws(PodiumError) -> IndexWriter {
        // A refresh rewrites the segments it deleted from, so that term statistics, and with them every
        // score, are exactly those of a rebuild.
        let writerOptions = IndexWriterOptions(
            memoryBudget: options.memoryBudget / 2,
            expungeDeletesOnCommit: !create,
            create: create
        )
        do {
            return try IndexWriter(
                directory: options.index,
                schema: StatementSchema.schema,
                analyzer: StatementSchema.analyzer,
                options: writerOptions
            )
        } catch {
            throw PodiumError(error, index: options.index)
        }
    }

    /// A writer on an index that must already exist: otherwise an error saying there is nothing to `verb`.
    /// Nothing is created where there is no index.
    static func openExistingWriter(_ options: IndexingOptions, to verb: String) throws(PodiumError) -> IndexWriter {
        let commit = (options.index as NSString).appendingPathComponent(IndexFormat.commitFileName)
        let missing = PodiumError(
            .index,
            "no index at '\(options.index)' to \(verb)",
            hint: "build one first: podium index build --index \(options.index)"
        )
        guard FileManager.default.fileExists(atPath: commit) else {
            // A first build still running has no commit yet, but holds the lock: say that, not "no index".
            let lockFile = (options.index as NSString).appendingPathComponent(IndexFormat.lockFileName)
            if FileManager.default.fileExists(atPath: lockFile) {
                do throws(IndexError) { try WriteLock(directory: options.index).release() } catch {
                    throw PodiumError(error, index: options.index)
                }
            }
            throw missing
        }
        let writer = try openWriter(options, create: false)
        guard writer.generation > 0 else {
            writer.close()
            throw missing
        }
        return writer
    }

    static func commit(
        _ writer: IndexWriter,
        table: SourceTable,
        roots: [String],
        report: inout IndexingReport,
        index: String
    ) throws(PodiumError) {
        do {
            let data = [sourcesKey: try table.encoded(), corpusKey: encodeRoots(roots)]
            try writer.commit(userData: data)
        } catch let error as IndexError {
            throw PodiumError(error, index: index)
        } catch {
            throw PodiumError(.output, "cannot write the sources table: \(error)")
        }
        report.generation = writer.generation
        report.statementsInIndex = writer.documentCount
        report.committed = true
        if let error = writer.mergeError {
            // The commit stands; what the failed merge wrote goes now, not at the next writer's start.
            removePartialFiles(of: index)
            report.warnings.append(
                SourceWarning(
                    source: index,
                    message: "committed, but merging segments failed (\(error.message)); the next refresh merges them"
                )
            )
        }
    }
}
