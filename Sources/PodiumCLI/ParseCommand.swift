import ArgumentParser
import Foundation
import TranscriptIngest

/// `podium parse`: how sources split into statements, without indexing.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show the statements each source yields, without indexing.",
        discussion: """
            Reads HTML pages (.html .htm .shtml) and JSONL files (.jsonl), in parallel, and prints their \
            statements in input order. A summary goes to standard error: sources read, statements, skipped \
            sources with their reasons, warnings, and throughput.

            Examples:
              podium parse Corpus/2019-05-09-en-presser-qiao-ming-t1662118.html
              podium parse Corpus --format jsonl | jq -r .id
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case jsonl
    }

    @Argument(help: "Files or directories to read (directories are searched for .html .htm .shtml .jsonl).")
    var paths: [String]

    @Option(help: "Output format: text (for reading) or jsonl (one statement object per line).")
    var format: Format = .text

    @Option(help: "Number of files read at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: .hidden)
    var benchmark = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        // A missing path is reported and the other paths are still read.
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        let missing = paths.filter { !existing.contains($0) }
        let files: [String]
        do {
            files = try SourceFiles.list(existing)
        } catch {
            UserFacingError("\(error)", hint: "check the paths", status: .input).exit()
        }
        if benchmark {
            try ParseBenchmark(files: files, jobs: jobs).run()
            return
        }
        let reader = TranscriptReader()
        var summary = ParseSummary()
        for path in missing { summary.addMissing(path) }
        let output = StandardOutput()
        let started = Date()
        // Batches keep memory bounded and output flowing while every core stays busy.
        let batchSize = max(jobs * 16, 32)
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            for result in reader.read(paths: batch, concurrency: jobs) {
                summary.add(result)
                for statement in result.statements {
                    output.write(
                        format == .jsonl ? StatementRendering.jsonLine(statement) : StatementRendering.text(statement)
                    )
                }
            }
            start += batchSize
        }
        output.flush()
        summary.report(seconds: Date().timeIntervalSince(started))
        if files.isEmpty, missing.isEmpty {
            UserFacingError(
                "no sources (.html .htm .shtml .jsonl) found in \(paths.joined(separator: " "))",
                hint: "name pages or JSONL files, or folders that hold them", status: .input
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

    mutating func addMissing(_ path: String) {
        sources += 1
        failed.append((path, "no such file or directory"))
    }

    mutating func add(_ result: SourceResult) {
        sources += 1
        statements += result.statements.count
        bytes += result.byteCount
        switch result.outcome {
        case .parsed: break
        case .skipped(let reason): skipped.append((result.source, reason.description))
        case .failed(let message): failed.append((result.source, message))
        }
        let shown = result.warnings.prefix(20)
        warnings.append(contentsOf: shown.map(\.description))
        if result.warnings.count > shown.count {
            warnings.append("\(result.source): … and \(result.warnings.count - shown.count) more warnings")
        }
    }

    func report(seconds: Double) {
        var lines: [String] = []
        for warning in warnings { lines.append("warning: \(warning)") }
        for (source, reason) in skipped { lines.append("skipped: \(source): \(reason)") }
        for (source, message) in failed { lines.append("error: \(source): \(message)") }
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
