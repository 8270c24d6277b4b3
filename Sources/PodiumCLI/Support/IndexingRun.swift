import ArgumentParser
import Foundation
import Podium
import Synchronization

/// Runs a build or refresh with a progress bar on a terminal, mapping errors to exit statuses.
///
/// SIGINT and SIGTERM ask the run to stop: it removes the files it wrote and exits with 128 + the signal's
/// number, the index as it was. A second signal ends the process at once (the next writer cleans up).
func runIndexing(
    _ label: String,
    _ body: (@escaping @Sendable (IndexingProgress) -> Void) throws(PodiumError) -> IndexingReport
) throws -> IndexingReport {
    // Build progress counts files and blocks of large JSONL files alike: megabytes say more.
    let bar = ProgressBar(label: label, unit: nil)
    let box = ProgressBox(bar)
    defer { bar.finish() }
    Interruption.install()
    do {
        return try body { progress in box.update(progress) }
    } catch let error where error.interruptedBy != nil {
        bar.finish()
        let signal = error.interruptedBy ?? 0
        let style = Style(enabled: Terminal.useColor(.auto, on: .standardError))
        StandardError.line("\(style.error("error:")) \(error.message)")
        Foundation.exit(128 + signal)
    } catch {
        UserFacingError(error).exit()
    }
}

/// The signal that asked a build or refresh to stop, set by the handler that `install` puts in place.
enum Interruption {
    private static let number = Atomic<Int32>(0)

    /// Handles SIGINT and SIGTERM: the first is recorded for the run to see, a second ends the process.
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { caught in
            let (exchanged, _) = Interruption.number.compareExchange(expected: 0, desired: caught, ordering: .relaxed)
            if !exchanged {
                signal(caught, SIG_DFL)
                raise(caught)
            }
        }
        for number in [SIGINT, SIGTERM] {
            // A signal the parent chose to ignore (`nohup`, a shell's background job) stays ignored.
            if let previous = signal(number, handler), unsafeBitCast(previous, to: Int.self) == 1 {  // SIG_IGN
                signal(number, SIG_IGN)
            }
        }
        // A parent's blocked mask (threads of a test runner block signals) must not make them go unheard.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal received, or `nil`.
    static var received: Int32? {
        let value = number.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}

/// Lets the progress closure, which must be `Sendable`, reach the bar; it is only called from the writer's
/// thread.
final class ProgressBox: @unchecked Sendable {
    let bar: ProgressBar
    init(_ bar: ProgressBar) { self.bar = bar }
    func update(_ p: IndexingProgress) {
        bar.update(done: p.done, total: p.total, bytes: p.bytes, totalBytes: p.totalBytes, force: p.done == p.total)
    }
}

/// The summary line (and skipped sources) after a build or refresh, on standard error.
struct IndexingSummary {
    var report: IndexingReport
    var refresh: Bool
    /// Whether to leave out the skipped sources and the warnings (failures are always shown).
    var quiet = false

    func print() {
        let r = report
        let mbps = r.seconds > 0 ? Double(r.bytes) / 1e6 / r.seconds : 0
        var line = ""
        if refresh {
            line =
                "refreshed: \(r.added) added, \(r.changed) changed, \(r.deleted) deleted, "
                + "\(r.touched) touched, \(r.unchanged) unchanged; "
        } else {
            // Every source file found is indexed, skipped (read, nothing in it to index) or failed (not read);
            // a folder that could not be listed is a failure of its own, printed above, not a source.
            let failedFiles = r.sourcesFound - r.added
            line =
                "\(r.sourcesFound) sources: \(r.added - r.skipped.count) indexed, \(r.skipped.count) skipped, "
                + "\(failedFiles) failed; "
        }
        line += "\(r.statementsIndexed) statements written, \(r.statementsInIndex) in the index; "
        if refresh { line += "\(r.skipped.count) skipped, \(r.failed.count) failed; " }
        if !r.warnings.isEmpty { line += "\(r.warnings.count) warning\(r.warnings.count == 1 ? "" : "s"); " }
        line += String(format: "%.1f MB in %.2f s (%.1f MB/s)", Double(r.bytes) / 1e6, r.seconds, mbps)
        if !r.committed { line += "; nothing to commit" }
        if !quiet {
            for (path, reason) in r.skipped.prefix(50) { StandardError.line("skipped \(path): \(reason)") }
            if r.skipped.count > 50 { StandardError.line("… and \(r.skipped.count - 50) more skipped") }
        }
        for (path, message) in r.failed { StandardError.line("failed \(path): \(message)") }
        if !quiet {
            for warning in r.warnings.prefix(20) { StandardError.line("warning: \(warning)") }
            if r.warnings.count > 20 {
                StandardError.line("… and \(r.warnings.count - 20) more warnings (--quiet leaves them out)")
            }
            if let topics = r.topicsFile { StandardError.line("topics: \(topics), kept in the index") }
        }
        if let readers = ReaderCounts.line(r.readers) { StandardError.line(readers) }
        if let unread = SourceParser.unreadSummary(r.unread) { StandardError.line(unread) }
        StandardError.line(line)
    }

    /// Ends the run with the input status when a source or folder could not be read: what was readable is
    /// committed, but the run did not do all it was asked.
    static func exitIfFailed(_ report: IndexingReport) throws {
        guard !report.failed.isEmpty else { return }
        throw ExitCode(ExitStatus.input.rawValue)
    }
}

/// The line that says which readers read the sources of a run.
enum ReaderCounts {
    /// `read: 40 ministry transcripts, 3 generic transcripts, 12 articles, 2 JSONL files; skipped 5 listings`,
    /// or `nil` when no source was read.
    static func line(_ counts: [ReaderKind: Int]) -> String? {
        let read = ReaderKind.allCases.filter { $0 != .listing }.compactMap { kind in
            counts[kind].map { kind.counted($0) }
        }
        var line = read.isEmpty ? "" : "read: " + read.joined(separator: ", ")
        if let listings = counts[.listing] {
            line += (line.isEmpty ? "" : "; ") + "skipped \(ReaderKind.listing.counted(listings))"
        }
        return line.isEmpty ? nil : line
    }
}
