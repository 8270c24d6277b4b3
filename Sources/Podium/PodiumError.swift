import SearchIndex

/// An error of the Podium library: what went wrong in one line, what to do about it, and which kind of
/// trouble it is (the command line turns the kind into its exit status).
public struct PodiumError: Error, CustomStringConvertible, Sendable {
    /// The kind of trouble, which decides the command line's exit status.
    public enum Kind: Sendable, Equatable {
        /// The request itself is wrong: bad query, bad date, unknown topic, bad option value.
        case usage
        /// The index is missing, locked, damaged or was built by another analyzer.
        case index
        /// An input cannot be used: no such corpus path, a topics file with a mistake.
        case input
        /// An output cannot be written: no space, no permission.
        case output
    }

    /// The kind of trouble.
    public var kind: Kind
    /// What went wrong, in one line.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// Lines shown between the message and the hint, e.g. the query with a caret under the bad spot.
    public var detail: [String] = []
    /// Whether the index is whole but was written by another version of podium (an older format or
    /// analyzer): rebuilding it from its sources is the cure.
    public var isOutdatedIndex = false
    /// The signal that stopped a build or refresh before its commit, when that is what happened.
    public var interruptedBy: Int32?
    /// For a query without a reading: the spot, in characters from the start of the query.
    public var queryOffset: Int?
    /// Whether the task was cancelled while it searched (a server's time limit), so nothing is wrong with
    /// the query or the index.
    public var isCancelled = false

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, detail: [String] = []) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.detail = detail
    }

    /// The message.
    public var description: String { message }

    /// Translates an index error, with a hint that fits its code.
    init(_ error: IndexError, index: String) {
        switch error.code {
        case .locked:
            self.init(.index, error.message, hint: "wait for the other podium process to finish, then try again")
        case .notFound:
            self.init(.index, "no index at '\(index)'", hint: "build one with: podium index build --index \(index)")
        case .corrupted:
            self.init(
                .index,
                error.message,
                hint: "run 'podium index verify --index \(index)', then rebuild with '\(Self.rebuild(index))'"
            )
        case .unsupportedVersion:
            self.init(.index, error.message, hint: "rebuild it with: \(Self.rebuild(index))")
            isOutdatedIndex = true
        case .invalidArgument:
            self.init(.index, error.message, hint: "rebuild it with: \(Self.rebuild(index))")
        case .io:
            self.init(.output, error.message, hint: "check free space and permissions of '\(index)'")
        }
    }
}

extension PodiumError {
    /// The command that builds `index` again from the corpus it was built from (as its commit records it),
    /// with the paths quoted for a shell where they need it; `--corpus PATH` when the record is lost.
    static func rebuild(_ index: String) -> String {
        let corpus = Indexer.recordedCorpus(index: index)?.map { "--corpus \(shellQuoted($0))" } ?? ["--corpus PATH"]
        return (["podium index build", "--index \(shellQuoted(index))"] + corpus).joined(separator: " ")
    }

    private static func shellQuoted(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || "0123456789/._-~+,:@".unicodeScalars.contains($0)
        }
        return plain && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
