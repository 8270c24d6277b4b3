import Foundation
import TranscriptIngest

/// A run of statements of one source, in source order, with what reading it told.
public struct ParsedPiece: Sendable {
    /// The source's path, as listed.
    public var source: String
    /// The statements, numbered and with duplicate JSONL ids dropped as in an index build.
    public var statements: [Statement]
    /// Warnings met in this piece, JSONL ones with their line in the file.
    public var warnings: [SourceWarning]
    /// The bytes of the source this piece covers.
    public var byteCount: Int
    /// How reading the source ended, on its last piece; `nil` on the pieces before.
    public var outcome: SourceOutcome?
    /// Which reader read the source; `nil` when none did (an empty, binary or unreadable file).
    public var reader: ReaderKind?
    /// A page's metadata with where each value came from (on a page's one piece); `nil` otherwise.
    public var metadata: PageMetadata?
}

/// Reads sources into statements without indexing them, with the reader an index build uses: what
/// `podium parse` shows.
public enum SourceParser {
    /// The extensions read from folders, for messages: `.html .htm .shtml .md .markdown .jsonl`.
    public static var readExtensions: String { SourceFiles.readExtensions }

    /// `"not read: 2 .pdf, 1 .docx (podium reads …)"` for files of kinds not read, counted by extension;
    /// `nil` when there are none.
    public static func unreadSummary(_ unread: [String: Int]) -> String? { SourceFiles.unreadSummary(unread) }

    /// Reads the sources under `paths` on `jobs` threads and hands their pieces to `body` in source order.
    ///
    /// A page is one piece; a JSONL file is read in blocks of whole lines, so memory stays bounded however
    /// large it is. A path that does not exist is handed over first, as a failed source, and the other
    /// paths are still read; so is a subfolder that cannot be listed, or a link that is not followed.
    ///
    /// - Parameters:
    ///   - paths: files (read whatever their extension) and folders (searched for .html .htm .shtml .md
    ///     .markdown .jsonl, also gzipped).
    ///   - jobs: threads that read sources.
    ///   - followSymlinks: follow links that lead out of `paths` too.
    ///   - body: called on the calling thread with every piece of every source.
    /// - Returns: the files in the folders of a kind not read, counted by extension (see
    ///   `unreadSummary`).
    /// - Throws: `.input` when a folder cannot be listed.
    @discardableResult
    public static func read(
        _ paths: [String],
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        followSymlinks: Bool = false,
        _ body: (ParsedPiece) -> Void
    ) throws(PodiumError) -> [String: Int] {
        var existing: [String] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                let failure = SourceOutcome.failed("no such file or directory")
                body(ParsedPiece(source: path, statements: [], warnings: [], byteCount: 0, outcome: failure))
                continue
            }
            existing.append(path)
        }
        let listing: SourceListing
        do { listing = try SourceFiles.scan(existing, followSymlinks: followSymlinks) } catch {
            throw PodiumError(.input, error.description, hint: "check the paths")
        }
        // An unreadable subfolder, a dangling link or one out of the given paths is told, not passed over.
        for problem in listing.problems {
            let failure = SourceOutcome.failed(problem.message)
            body(ParsedPiece(source: problem.path, statements: [], warnings: [], byteCount: 0, outcome: failure))
        }
        let files = listing.files
        let units = files.flatMap { path in
            Indexer.reader.units(ofSource: path, size: FileFingerprint(path: path)?.size ?? 0)
        }
        var joiner = SourceJoiner()
        OrderedPipeline.run(
            count: units.count,
            workers: max(1, jobs),
            window: max(1, jobs) * 4,
            produce: { i in Indexer.reader.read(units[i]) },
            consume: { _, read in
                var piece = read
                if piece.unit.isFirst { joiner = SourceJoiner() }
                joiner.join(&piece)
                body(
                    ParsedPiece(
                        source: piece.unit.path,
                        statements: piece.statements,
                        warnings: piece.warnings,
                        byteCount: piece.byteCount,
                        outcome: piece.unit.isLast ? joiner.sourceOutcome : nil,
                        reader: joiner.reader,
                        metadata: piece.metadata
                    )
                )
            }
        )
        return listing.unread
    }
}
