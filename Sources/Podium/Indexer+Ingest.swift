import Foundation
import SearchIndex
import TextAnalysis

extension Indexer {
    /// One piece of work for a reader thread: a whole page, or one block of a JSONL file (the lines that
    /// start in it).
    struct WorkUnit: Sendable {
        var file: Int
        /// The block of a JSONL file; `nil` for a page, which is read whole.
        var block: Int?
        /// Whether this is the last unit of its file.
        var isLast: Bool
    }

    /// What a reader thread hands to the writer.
    struct PreparedUnit: Sendable {
        var documents: [IndexDocument] = []
        /// Statement ids, parallel to `documents` (JSONL: duplicates across blocks are dropped by the writer).
        var ids: [String] = []
        /// Warnings; for a JSONL block their line numbers count from the block's first line.
        var warnings: [SourceWarning] = []
        var outcome: SourceResult.Outcome = .parsed
        var bytes = 0
        /// A page: the hash of the whole file. A JSONL block: the hash of the block's bytes.
        var hash = ContentHash.emptyFile
        /// JSONL: line breaks in the block's bytes, and whether the block's first line starts after one of
        /// them (it then is line breaks-before-block + 2, else + 1).
        var newlines = 0
        var startsAfterNewline = false
    }

    /// Per-file state the writer keeps while a JSONL file's blocks arrive in order.
    private struct FileProgress {
        var hash = ContentHash.emptyFile
        var newlinesBefore = 0
        var statements = 0
        var ids = Set<String>()
        var outcome: SourceResult.Outcome = .parsed
    }

    /// Reads, analyzes and adds `files`, recording each in `table`.
    static func ingest(
        _ files: [SourceFile], into writer: IndexWriter, table: inout SourceTable, report: inout IndexingReport,
        options: IndexingOptions, progress: (@Sendable (IndexingProgress) -> Void)?
    ) throws(PodiumError) {
        let units = makeUnits(files)
        var current = FileProgress()
        var doneBytes: Int64 = 0
        let totalBytes = files.reduce(Int64(0)) { $0 + max(0, $1.fingerprint.size) }
        let ordinalField = StatementSchema.schema.storedField(named: "ordinal")!
        HeapTuning.returnLargeBlocksToSystem()
        do {
            try OrderedPipeline.run(
                count: units.count, workers: options.jobs, window: options.jobs + 1,
                produce: { i in prepare(units[i], file: files[units[i].file]) },
                consume: { i, prepared in
                    let unit = units[i]
                    let file = files[unit.file]
                    if unit.block == nil || unit.block == 0 { current = FileProgress() }
                    let firstLine = current.newlinesBefore + (prepared.startsAfterNewline ? 2 : 1)
                    for (n, var document) in prepared.documents.enumerated() {
                        if file.isJSONL {
                            let id = prepared.ids[n]
                            guard current.ids.insert(id).inserted else {
                                report.warnings.append(
                                    SourceWarning(source: file.path, message: "duplicate id '\(id)'; statement skipped")
                                )
                                continue
                            }
                            document.addStored(field: ordinalField, value: String(current.statements + 1))
                        }
                        do throws(IndexError) { try writer.add(document) } catch {
                            throw PodiumError(error, index: options.index)
                        }
                        current.statements += 1
                    }
                    for var warning in prepared.warnings {
                        if unit.block != nil, let line = warning.line { warning.line = line + firstLine - 1 }
                        report.warnings.append(warning)
                    }
                    current.hash = unit.block == nil ? prepared.hash : current.hash.folding(prepared.hash)
                    current.newlinesBefore += prepared.newlines
                    switch prepared.outcome {
                    case .parsed: break
                    case .skipped where (unit.block ?? 0) > 0: break  // a block of blank lines
                    default: current.outcome = prepared.outcome
                    }
                    doneBytes += Int64(prepared.bytes)
                    report.bytes += Int64(prepared.bytes)
                    if unit.isLast {
                        try finish(file, current, writer: writer, table: &table, report: &report, index: options.index)
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
        _ file: SourceFile, _ state: FileProgress, writer: IndexWriter, table: inout SourceTable,
        report: inout IndexingReport, index: String
    ) throws(PodiumError) {
        report.sourcesRead += 1
        report.statementsIndexed += state.statements
        var record = SourceRecord(
            path: file.path, size: file.fingerprint.size, modified: file.fingerprint.modified,
            hash: state.hash.description, statements: state.statements
        )
        switch state.outcome {
        case .parsed:
            table[file.path] = record
        case .skipped(let reason):
            record.skipped = reason.description
            table[file.path] = record
            report.skipped.append((file.path, reason.description))
        case .failed(let message):
            // Whatever of it was added goes again, and it is not recorded: the next refresh retries it.
            do throws(IndexError) { try writer.deleteDocuments(field: StatementSchema.source, term: file.path) } catch {
                throw PodiumError(error, index: index)
            }
            report.statementsIndexed -= state.statements
            table[file.path] = nil
            report.failed.append((file.path, message))
        }
    }

    /// One unit per page; one per block of `ContentHash.blockSize` bytes of a JSONL file (at least one).
    static func makeUnits(_ files: [SourceFile]) -> [WorkUnit] {
        var units: [WorkUnit] = []
        for (index, file) in files.enumerated() {
            guard file.isJSONL else {
                units.append(WorkUnit(file: index, block: nil, isLast: true))
                continue
            }
            let blocks = max(1, Int((file.fingerprint.size + Int64(ContentHash.blockSize) - 1) / Int64(ContentHash.blockSize)))
            for block in 0..<blocks {
                units.append(WorkUnit(file: index, block: block, isLast: block == blocks - 1))
            }
        }
        return units
    }

    /// Reads and analyzes one unit. Runs on a reader thread.
    static func prepare(_ unit: WorkUnit, file: SourceFile) -> PreparedUnit {
        var prepared = PreparedUnit()
        let result: SourceResult
        do {
            if let block = unit.block {
                result = try readBlock(block, of: file, into: &prepared)
            } else {
                let bytes = try BlockFile(path: file.path).read(0..<Int(max(file.fingerprint.size, 0)) + 1)
                prepared.bytes = bytes.count
                prepared.hash = bytes.withUnsafeBytes { ContentHash.ofFileBytes($0) }
                result = bytes.withUnsafeBytes { TranscriptReader().read(buffer: $0, path: file.path) }
            }
        } catch {
            prepared.outcome = .failed(error.message)
            return prepared
        }
        prepared.outcome = result.outcome
        prepared.warnings = result.warnings
        let analyzer = Analyzer()
        var tokens = TokenBuffer()
        prepared.documents.reserveCapacity(result.statements.count)
        for var statement in result.statements {
            if !file.isJSONL { statement.id = "\(file.idPrefix)#\(statement.ordinal)" }
            // A new document for each statement: reusing one (cleared with `keepingCapacity`) would give every
            // kept copy the capacity of the largest statement so far, many times the memory of its tokens.
            var document = IndexDocument()
            StatementSchema.fill(&document, with: statement, analyzer: analyzer, tokens: &tokens, ordinal: !file.isJSONL)
            // It waits in the pipeline's window until the writer takes it: only its contents should.
            document.shrinkToFit()
            prepared.documents.append(document)
            prepared.ids.append(statement.id)
        }
        return prepared
    }

    /// Reads the lines of a JSONL file that start in `block`, and parses them.
    private static func readBlock(_ block: Int, of file: SourceFile, into prepared: inout PreparedUnit) throws(PodiumError)
        -> SourceResult
    {
        let size = ContentHash.blockSize
        let blockStart = block * size
        let reader = try BlockFile(path: file.path)
        // One byte before the block tells whether its first line starts right at the block.
        let readStart = max(0, blockStart - 1)
        var bytes = try reader.read(readStart..<(blockStart + size + (64 << 10)))
        let blockEnd = min(blockStart + size, readStart + bytes.count)
        guard blockEnd > blockStart || block == 0 else { return SourceResult(source: file.path) }
        let lo = blockStart - readStart, hi = blockEnd - readStart
        prepared.bytes = hi - lo
        bytes.withUnsafeBytes { raw in
            let own = UnsafeRawBufferPointer(rebasing: raw[lo..<hi])
            prepared.hash = ContentHash(own)
            prepared.newlines = countNewlines(own)
        }
        // The first line that starts in the block.
        var start = 0
        if block > 0 {
            guard let newline = bytes.firstIndex(of: 0x0A), newline < hi else {
                return SourceResult(source: file.path)  // a line runs through the whole block
            }
            start = newline + 1
            prepared.startsAfterNewline = newline >= lo
        }
        // The end of the line that holds the block's last byte, reading on when it runs past what was read.
        var end: Int? = hi > 0 ? bytes[(hi - 1)...].firstIndex(of: 0x0A).map { $0 + 1 } : nil
        while end == nil {
            let more = try reader.read((readStart + bytes.count)..<(readStart + bytes.count + (1 << 20)))
            if more.isEmpty { end = bytes.count; break }
            let searchFrom = bytes.count
            bytes += more
            end = bytes[searchFrom...].firstIndex(of: 0x0A).map { $0 + 1 }
        }
        return bytes.withUnsafeBytes { raw in
            TranscriptReader().read(buffer: UnsafeRawBufferPointer(rebasing: raw[start..<end!]), path: file.path)
        }
    }
}

/// Line breaks in `bytes`, found with `memchr` (a byte-at-a-time count costs more than the parse's split).
private func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard var p = bytes.baseAddress else { return 0 }
    let end = p + bytes.count
    var count = 0
    while p < end, let hit = memchr(p, 0x0A, end - p) {
        count += 1
        p = UnsafeRawPointer(hit) + 1
    }
    return count
}
