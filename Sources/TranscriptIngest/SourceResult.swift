/// What reading one source produced: its statements, the warnings met on the way, and whether the
/// source was skipped or could not be read at all.
///
/// Exactly one of three things holds: the source was parsed (`outcome == .parsed`, possibly with zero
/// statements only for JSONL files whose every line was bad), skipped for a stated reason (listing page,
/// empty or binary file), or failed (the file could not be read).
public struct SourceResult: Sendable, Hashable {
    /// The source's path, as given.
    public var source: String
    /// The statements, in source order.
    public var statements: [Statement]
    /// Things worth telling the user that did not stop the source from being read.
    public var warnings: [SourceWarning]
    /// Parsed, skipped (with a reason) or failed (with a message).
    public var outcome: Outcome
    /// The number of bytes read from the source.
    public var byteCount: Int
    /// Which reader read the source; `nil` when none did (an empty, binary or unreadable file).
    public var reader: ReaderKind?
    /// A page's metadata with where each value came from; `nil` for JSONL files and skipped pages.
    public var metadata: PageMetadata?

    /// How reading a source ended.
    public enum Outcome: Sendable, Hashable {
        /// The source was read; `statements` holds what it says.
        case parsed
        /// The source was not indexed on purpose; the reason says why.
        case skipped(SkipReason)
        /// The source could not be read (I/O error); the message says why.
        case failed(String)
    }

    /// Creates a result.
    public init(
        source: String,
        statements: [Statement] = [],
        warnings: [SourceWarning] = [],
        outcome: Outcome = .parsed,
        byteCount: Int = 0,
        reader: ReaderKind? = nil
    ) {
        self.source = source
        self.statements = statements
        self.warnings = warnings
        self.outcome = outcome
        self.byteCount = byteCount
        self.reader = reader
    }

    /// Whether the source was skipped or failed.
    public var isSkippedOrFailed: Bool {
        if case .parsed = outcome { return false }
        return true
    }
}

/// Why a source was skipped rather than indexed.
public enum SkipReason: Sendable, Hashable, CustomStringConvertible {
    /// The file has no bytes, or only whitespace.
    case empty
    /// The bytes are not text (NUL bytes or many control characters).
    case binary
    /// A page with no transcript body and no main text: a listing, index or navigation page, a login wall,
    /// an image gallery.
    case noTranscriptBody
    /// A page whose transcript body holds no text.
    case emptyBody
    /// The file name does not end in a known source extension.
    case unsupportedExtension(String)
    /// The file is larger than the reader accepts.
    case tooLarge(Int)

    /// The reason in words, for summaries: `"empty file"`, `"no transcript body or main text (…)"`.
    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary: "binary data, not a text page"
        case .noTranscriptBody: "no transcript body or main text (listing, navigation, login or gallery page)"
        case .emptyBody: "the transcript body holds no text"
        case .unsupportedExtension(let ext): "unsupported file type '.\(ext)'"
        case .tooLarge(let bytes): "file too large (\(bytes / 1_048_576) MB)"
        }
    }
}

/// A problem met while reading a source that did not stop it: a bad JSONL line, a date that could not
/// be read, a page that looks truncated.
public struct SourceWarning: Sendable, Hashable, CustomStringConvertible {
    /// The source's path, as given.
    public var source: String
    /// The 1-based line number for line-oriented sources (JSONL), or `nil`.
    public var line: Int?
    /// What went wrong, in words a user can act on.
    public var message: String

    /// Creates a warning.
    public init(source: String, line: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    /// `"path:line: message"` or `"path: message"`.
    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
