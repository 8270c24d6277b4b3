#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error from the index: what went wrong, in words a user can act on, and the file it concerns.
public struct IndexError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is.
    public enum Code: Sendable, Equatable {
        /// Another process holds the writer lock.
        case locked
        /// A file's bytes are not what the format says (checksum, bounds, structure).
        case corrupted
        /// The index was written by an incompatible format version.
        case unsupportedVersion
        /// No commit exists in the directory.
        case notFound
        /// The caller asked for something the index cannot do (bad field, schema mismatch, term too long).
        case invalidArgument
        /// The operating system refused an operation (open, write, fsync, rename, mmap).
        case io
    }

    /// The kind of failure.
    public let code: Code
    /// A complete sentence describing the failure.
    public let message: String
    /// The file concerned, relative to the index directory, when there is one.
    public let file: String?
    /// For `.locked`: the process id recorded in the lock file.
    public let lockHolder: Int32?

    package init(_ code: Code, _ message: String, file: String? = nil, lockHolder: Int32? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.lockHolder = lockHolder
    }

    /// The message.
    public var description: String { message }

    package static func corrupted(_ file: String, _ detail: String) -> IndexError {
        IndexError(.corrupted, "index file '\(file)' is corrupted: \(detail)", file: file)
    }

    package static func io(_ what: String, _ path: String, errno code: Int32) -> IndexError {
        IndexError(.io, "\(what) '\(path)' failed: \(String(cString: strerror(code)))", file: path)
    }
}

/// Why a decoder stopped: the caller turns it into an `IndexError` naming the file.
package enum DecodeFailure: Error {
    case truncated
    case malformed(String)

    package var detail: String {
        switch self {
        case .truncated: "data ends too early"
        case .malformed(let why): why
        }
    }
}
