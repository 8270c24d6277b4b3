import Foundation
import SearchIndex
import TextAnalysis
import TranscriptIngest

extension Indexer {
    /// The reader of every build and refresh (and of `SourceParser`): JSONL blocks of `ContentHash.blockSize`,
    /// so that the block hashes fold into the file hash that refresh compares.
    static let reader = TranscriptReader(blockSize: ContentHash.blockSize)

    /// One piece of work for a reader thread: a unit of one of the files.
    struct WorkUnit: Sendable {
        /// The file's position in the list being ingested.
        var file: Int
        var unit: SourceUnit
        /// A JSONL block whose last line is longer than `longLineBytes`: read once the writer has flushed.
        var isHeavy = false
    }

    /// What a reader thread hands to the writer.
    struct PreparedUnit: Sendable {
        /// The piece read, its statements taken out once analyzed.
        var piece: SourcePiece
        /// One document per statement of the piece as read; a long answer's statement without its answer.
        var documents: [IndexDocument] = []
        /// The long answers left out of `documents`, by statement position, for the writer to add in pieces.
        var longAnswers: [Int: String] = [:]
        /// The near-duplicate fingerprint of each statement of the piece as read.
        var fingerprints: [NearDuplicateFingerprint] = []
        /// A page: the hash of the whole file. A JSONL block: the hash of the block's bytes.
        var hash = ContentHash.emptyFile
    }

    /// Per-file state the writer keeps while a file's units arrive in order.
    private struct FileProgress {
        var joiner = SourceJoiner()
        var hash = ContentHash.emptyFile
    }

    /// Reads, analyzes and adds `files`, recording each in `table`.
    static func ingest(
        _ files: [SourceFile],
        into writer: IndexWriter,
        table: inout SourceTable,
        report: inout IndexingReport,
        options: IndexingOptions,
        progress: (@Sendable (IndexingProgress) -> Void)?
    ) throws(PodiumError) {
        let units = makeUnits(files)
        var current = FileProgress()
        var doneBytes: Int64 = 0
        let totalBytes = files.reduce(Int64(0)) { $0 + max(0, $1.fingerprint.size) }
        let ordinalField = StatementSchema.schema.storedField(named: "ordinal")!
        HeapTuning.returnLargeBlocksToSystem()
        var ids = IDRegistry(writer: writer, files: files)
        var copies = NearDuplicateGrouper(writer: writer)
        let reader = TranscriptReader(maximumSourceBytes: options.pageLimit, blockSize: ContentHash.blockSize)
        do {
            try OrderedPipeline.run(
                count: units.count,
                workers: options.jobs,
                window: options.jobs + 1,
                isHeavy: { i in units[i].isHeavy },
                beforeHeavy: { _ in
                    do throws(IndexError) { try writer.flush() } catch {
                        throw PodiumError(error, index: options.index)
                    }
                },
                produce: { i in prepare(units[i], file: files[units[i].file], reader: reader) },
                consume: { i, prepared in
                    try stopIfInterrupted(options)
                    let unit = units[i]
                    let file = files[unit.file]
                    if unit.unit.isFirst { current = FileProgress() }
                    var piece = prepared.piece
                    let before = current.joiner.statementCount
                    for (k, position) in current.joiner.join(&piece).enumerated() {
                        var document = prepared.documents[position]
                        if file.isJSONL {
                            let id = piece.keys[k].id
                            if let unique = ids.claim(id, file: file, writer: writer),
                                let again = Indexer.document(
                                    rereading: unit,
                                    position: position,
                                    file: file,
                                    id: unique
                                )
                            {
                                document = again
                                let message = "id '\(id)' is another statement's already; indexed as '\(unique)'"
                                report.warnings.append(SourceWarning(source: file.path, message: message))
                            }
                            document.addStored(field: ordinalField, value: String(before + k + 1))
                        }
                        let fingerprint = prepared.fingerprints[position]
                        setFingerprint(fingerprint, group: copies.group(of: fingerprint), in: &document)
                        do throws(IndexError) {
                            if let answer = prepared.longAnswers[position] {
                                try addLong(document, answer: answer, to: writer)
                            } else {
                                try writer.add(document)
                            }
                        } catch {
                            throw PodiumError(error, index: options.index)
                        }
                    }
                    report.warnings += piece.warnings
                    current.hash = unit.unit.block == nil ? prepared.hash : current.hash.folding(prepared.hash)
                    doneBytes += Int64(piece.byteCount)
                    report.bytes += Int64(piece.byteCount)
                    if unit.unit.isLast {
                        try finish(file, current, writer: writer, table: &table, report: &report, options: options)
                    }
                    progress?(
                        IndexingProgress(done: i + 1, total: units.count, bytes: doneBytes, totalBytes: totalBytes)
                    )
                }
            )
        } catch let error as PodiumError {
            throw error
        } catch {
            throw PodiumError(.output, "\(error)")
        }
    }

    /// Records a file whose last unit was written.
    private static func finish(
        _ file: SourceFile,
        _ state: FileProgress,
        writer: IndexWriter,
        table: inout SourceTable,
        report: inout IndexingReport,
        options: IndexingOptions
    ) throws(PodiumError) {
        let index = options.index
        report.sourcesRead += 1
        if let reader = state.joiner.reader { report.readers[reader, default: 0] += 1 }
        let statements = state.joiner.statementCount
        report.statementsIndexed += statements
        var record = SourceRecord(
            path: file.path,
            size: file.fingerprint.size,
            modified: file.fingerprint.modified,
            hash: state.hash.description,
            statements: statements
        )
        switch state.joiner.sourceOutcome {
        case .parsed:
            table[file.path] = record
        case .skipped(let reason):
            var words = reason.description
            if case .tooLarge(let bytes) = reason {
                words =
                    "\(bytes >> 20) MB, over the limit of \(options.pageLimit >> 20) MB for a file read whole "
                    + "(raise it with --max-page-mb; a page takes about 8 times its size while it is parsed)"
            }
            record.skipped = words
            table[file.path] = record
            report.skipped.append((file.path, words))
        case .failed(let message):
            // Whatever of it was added goes again, and it is not recorded: the next refresh retries it.
            do throws(IndexError) { try writer.deleteDocuments(field: StatementSchema.source, term: file.path) } catch {
                throw PodiumError(error, index: index)
            }
            report.statementsIndexed -= statements
            table[file.path] = nil
            report.failed.append((file.path, message))
        }
    }

    /// The units of every file, in order: one per page, one per block of a JSONL file.
    static func makeUnits(_ files: [SourceFile]) -> [WorkUnit] {
        var units: [WorkUnit] = []
        for (index, file) in files.enumerated() {
            let size = file.fingerprint.size
            let heavy = reader.blocksWithLongLines(ofSource: file.path, size: size, longerThan: longLineBytes)
            for unit in reader.units(ofSource: file.path, size: size) {
                units.append(WorkUnit(file: index, unit: unit, isHeavy: unit.block.map(heavy.contains) ?? false))
            }
        }
        return units
    }

    /// Reads and analyzes one unit. Runs on a reader thread.
    static func prepare(_ work: WorkUnit, file: SourceFile, reader: TranscriptReader) -> PreparedUnit {
        var hash = ContentHash.emptyFile
        let isBlock = work.unit.block != nil
        var piece = reader.read(work.unit) { bytes in
            hash = isBlock ? ContentHash(bytes) : ContentHash.ofFileBytes(bytes)
        }
        let statements = piece.takeStatements()
        var prepared = PreparedUnit(piece: piece, hash: hash)
        let analyzer = Analyzer()
        var tokens = TokenBuffer()
        prepared.documents.reserveCapacity(statements.count)
        prepared.fingerprints.reserveCapacity(statements.count)
        for (position, read) in statements.enumerated() {
            prepared.fingerprints.append(NearDuplicateFingerprint(read))
            var (statement, longAnswer) = splitLongAnswer(read)
            if let longAnswer { prepared.longAnswers[position] = longAnswer }
            if !file.isJSONL { statement.id = "\(file.idPrefix)#\(statement.ordinal)" }
            // A new document for each statement: reusing one (cleared with `keepingCapacity`) would give every
            // kept copy the capacity of the largest statement so far, many times the memory of its tokens.
            var document = IndexDocument()
            StatementSchema.fill(
                &document,
                with: statement,
                analyzer: analyzer,
                tokens: &tokens,
                ordinal: !file.isJSONL
            )
            // It waits in the pipeline's window until the writer takes it: only its contents should.
            document.shrinkToFit()
            prepared.documents.append(document)
        }
        return prepared
    }
}
