import Foundation
import SearchIndex
import TextAnalysis

extension Indexer {
    /// One piece of work for a reader thread: a whole page, or a run of whole lines of a JSONL file.
    struct WorkUnit: Sendable {
        var file: Int
        /// For JSONL chunks: the mapped file, the byte range and the number of the range's first line.
        var chunk: (data: Data, range: Range<Int>, firstLine: Int)?
        /// Whether this is the last unit of its file (the file's record is complete after it).
        var isLast: Bool
    }

    /// What a reader thread hands to the writer: the unit's documents, ready to add.
    struct PreparedUnit: Sendable {
        var documents: [IndexDocument] = []
        var warnings: [SourceWarning] = []
        var outcome: SourceResult.Outcome = .parsed
        var bytes = 0
        var hash: ContentHash?
    }

    /// Reads, analyzes and adds `files`, recording each in `table`.
    static func ingest(
        _ files: [SourceFile], into writer: IndexWriter, table: inout SourceTable, report: inout IndexingReport,
        options: IndexingOptions, progress: (@Sendable (IndexingProgress) -> Void)?
    ) throws(PodiumError) {
        let units = makeUnits(files)
        let totalUnits = units.count
        var statements: [Int: Int] = [:]
        var hashes: [Int: ContentHash] = [:]
        var doneBytes: Int64 = 0
        do {
            try OrderedPipeline.run(
                count: units.count, workers: options.jobs, window: options.jobs * 4,
                produce: { i in prepare(units[i], file: files[units[i].file]) },
                consume: { i, prepared in
                    let unit = units[i]
                    let file = files[unit.file]
                    for document in prepared.documents {
                        do throws(IndexError) { try writer.add(document) } catch {
                            throw PodiumError(error, index: options.index)
                        }
                    }
                    statements[unit.file, default: 0] += prepared.documents.count
                    if let hash = prepared.hash { hashes[unit.file] = hash }
                    report.warnings += prepared.warnings
                    report.statementsIndexed += prepared.documents.count
                    doneBytes += Int64(prepared.bytes)
                    report.bytes += Int64(prepared.bytes)
                    if unit.isLast {
                        report.sourcesRead += 1
                        var record = SourceRecord(
                            path: file.path, size: file.fingerprint.size, modified: file.fingerprint.modified,
                            hash: (hashes[unit.file] ?? ContentHash(value: 0)).description,
                            statements: statements[unit.file] ?? 0
                        )
                        switch prepared.outcome {
                        case .parsed:
                            table[file.path] = record
                        case .skipped(let reason):
                            record.skipped = reason.description
                            table[file.path] = record
                            report.skipped.append((file.path, reason.description))
                        case .failed(let message):
                            // Not recorded, so the next refresh tries it again.
                            table[file.path] = nil
                            report.failed.append((file.path, message))
                        }
                    }
                    progress?(IndexingProgress(done: i + 1, total: totalUnits, bytes: doneBytes))
                }
            )
        } catch let error as PodiumError {
            throw error
        } catch {
            throw PodiumError(.output, "\(error)")
        }
    }

    /// Cuts the work: one unit per page, JSONL files in chunks of about `chunkBytes` ending at line ends.
    static func makeUnits(_ files: [SourceFile]) -> [WorkUnit] {
        var units: [WorkUnit] = []
        for (index, file) in files.enumerated() {
            guard file.isJSONL, file.fingerprint.size > Int64(chunkBytes),
                let data = try? Data(contentsOf: URL(fileURLWithPath: file.path), options: .alwaysMapped)
            else {
                units.append(WorkUnit(file: index, chunk: nil, isLast: true))
                continue
            }
            var chunks: [(Range<Int>, Int)] = []
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                var line = 1
                while start < bytes.count {
                    var end = min(start + chunkBytes, bytes.count)
                    while end < bytes.count && bytes[end - 1] != 0x0A { end += 1 }
                    chunks.append((start..<end, line))
                    var newlines = 0
                    for i in start..<end where bytes[i] == 0x0A { newlines += 1 }
                    line += newlines
                    start = end
                }
            }
            for (n, (range, firstLine)) in chunks.enumerated() {
                units.append(WorkUnit(file: index, chunk: (data, range, firstLine), isLast: n == chunks.count - 1))
            }
        }
        return units
    }

    /// Reads and analyzes one unit. Runs on a reader thread.
    static func prepare(_ unit: WorkUnit, file: SourceFile) -> PreparedUnit {
        var prepared = PreparedUnit()
        let reader = TranscriptReader()
        let result: SourceResult
        if let chunk = unit.chunk {
            result = chunk.data.withUnsafeBytes { bytes in
                reader.read(buffer: UnsafeRawBufferPointer(rebasing: bytes[chunk.range]), path: file.path)
            }
            prepared.bytes = chunk.range.count
            if unit.isLast {
                prepared.hash = chunk.data.withUnsafeBytes { ContentHash($0) }
            }
            prepared.warnings = result.warnings.map { warning in
                var shifted = warning
                if let line = warning.line { shifted.line = line + chunk.firstLine - 1 }
                return shifted
            }
        } else {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file.path), options: .mappedIfSafe)
            } catch {
                prepared.outcome = .failed("cannot read: \(error.localizedDescription)")
                return prepared
            }
            prepared.hash = data.withUnsafeBytes { ContentHash($0) }
            prepared.bytes = data.count
            result = data.withUnsafeBytes { reader.read(buffer: $0, path: file.path) }
            prepared.warnings = result.warnings
        }
        prepared.outcome = result.outcome
        let analyzer = Analyzer()
        var tokens = TokenBuffer()
        prepared.documents.reserveCapacity(result.statements.count)
        for var statement in result.statements {
            if !file.isJSONL { statement.id = "\(file.idPrefix)#\(statement.ordinal)" }
            if unit.chunk != nil { statement.ordinal += unit.chunk!.firstLine - 1 }
            // A new document for each statement: reusing one (cleared with `keepingCapacity`) would give every
            // kept copy the capacity of the largest statement so far, many times the memory of its tokens.
            var document = IndexDocument()
            StatementSchema.fill(&document, with: statement, analyzer: analyzer, tokens: &tokens)
            prepared.documents.append(document)
        }
        return prepared
    }
}
