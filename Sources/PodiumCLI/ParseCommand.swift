import ArgumentParser
import Foundation
import Podium

/// `podium parse`: how sources split into statements, without indexing.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show the statements each source yields, without indexing.",
        discussion: """
            Reads HTML pages (.html .htm .shtml), Markdown files with front matter (.md .markdown) and JSONL files \
            (.jsonl), also gzipped (.gz), in parallel, and prints their statements in input order. A summary goes to \
            standard error: sources read, statements, skipped sources with their reasons, warnings, files of other \
            kinds not read, and throughput.

            Examples:
              podium parse Corpus/2019-05-09-en-presser-qiao-ming-t1662118.html
              podium parse Corpus --format jsonl | jq -r .id
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case jsonl
    }

    @Argument(
        help: """
            Files or directories to read (folders are searched for .html .htm .shtml .md .markdown .jsonl, \
            also gzipped).
            """
    )
    var paths: [String]

    @Option(help: "Output format: text (for reading) or jsonl (one statement object per line).")
    var format: Format = .text

    @Option(help: "Threads that read sources: pages, and blocks of JSONL files. (default: the number of cores)")
    var jobs: Int?

    @Flag(
        name: [.customShort("L"), .customLong("follow")],
        help: "Follow symbolic links that lead out of the given folders (links inside them are always followed)."
    )
    var follow = false

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var summary = ParseSummary()
        let output = StandardOutput()
        let started = Date()
        // A missing path is reported and the other paths are still read.
        try handlingErrors { () throws(PodiumError) in
            let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            summary.unread = try SourceParser.read(paths, jobs: jobs, followSymlinks: follow) { piece in
                summary.add(piece)
                if format == .text, piece.metadata != nil {
                    output.write(
                        StatementRendering.sourceHeader(piece.source, reader: piece.reader, metadata: piece.metadata)
                    )
                }
                for statement in piece.statements {
                    output.write(
                        format == .jsonl
                            ? StatementRendering.jsonLine(statement, reader: piece.reader)
                            : StatementRendering.text(statement)
                    )
                }
            }
        }
        output.flush()
        summary.report(seconds: Date().timeIntervalSince(started))
        if summary.sources == 0 {
            UserFacingError(
                "no sources (\(SourceParser.readExtensions), also gzipped) found in \(paths.joined(separator: " "))",
                hint: "name pages or JSONL files, or folders that hold them",
                status: .input
            ).exit()
        }
        // Every readable source was still printed; the status says some input could not be used.
        if !summary.failed.isEmpty {
            StandardError.line("hint: check the paths named above; every source that could be read was printed")
            throw ExitCode(ExitStatus.input.rawValue)
        }
    }
}

/// Counts for the summary line on standard error.
struct ParseSummary {
    var sources = 0
    var statements = 0
    var bytes = 0
    var skipped: [(String, String)] = []
    var failed: [(String, String)] = []
    var warnings: [String] = []
    var readers: [ReaderKind: Int] = [:]
    /// Files in the folders of a kind not read, by extension.
    var unread: [String: Int] = [:]

    /// Warnings of the source being read, shown or not.
    private var sourceWarnings = 0

    /// Counts a piece of a source; its last piece says how the source ended.
    mutating func add(_ piece: ParsedPiece) {
        statements += piece.statements.count
        bytes += piece.byteCount
        for warning in piece.warnings {
            if sourceWarnings < Self.warningsShown { warnings.append(warning.description) }
            sourceWarnings += 1
        }
        guard let outcome = piece.outcome else { return }
        sources += 1
        if let reader = piece.reader { readers[reader, default: 0] += 1 }
        switch outcome {
        case .parsed: break
        case .skipped(let reason): skipped.append((piece.source, reason.description))
        case .failed(let message): failed.append((piece.source, message))
        }
        if sourceWarnings > Self.warningsShown {
            warnings.append("\(piece.source): … and \(sourceWarnings - Self.warningsShown) more warnings")
        }
        sourceWarnings = 0
    }

    /// Warnings shown for one source.
    private static let warningsShown = 20

    func report(seconds: Double) {
        var lines: [String] = []
        for warning in warnings { lines.append("warning: \(warning)") }
        for (source, reason) in skipped { lines.append("skipped: \(source): \(reason)") }
        for (source, message) in failed { lines.append("error: \(source): \(message)") }
        if let line = ReaderCounts.line(readers) { lines.append(line) }
        if let note = SourceParser.unreadSummary(unread) { lines.append(note) }
        let megabytes = Double(bytes) / 1_048_576
        let rate = seconds > 0 ? megabytes / seconds : 0
        lines.append(
            "\(sources) sources, \(sources - skipped.count - failed.count) read, \(skipped.count) skipped, "
                + "\(failed.count) failed; \(statements) statements; "
                + String(format: "%.1f MB in %.2f s (%.1f MB/s)", megabytes, seconds, rate)
        )
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
