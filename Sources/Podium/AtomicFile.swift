import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file all at once or not at all: the bytes go to a temporary file beside the target, which
/// is flushed to disk and renamed over the target only when everything was written. A failed or
/// interrupted write leaves the target as it was and no half file behind.
public struct AtomicFile {
    /// Why the file could not be written; the target is left as it was.
    public enum Failure: Error, CustomStringConvertible {
        /// The temporary file beside the target could not be created (`reason` is the system's).
        case cannotCreate(path: String, reason: String)
        /// Writing, flushing or renaming the temporary file failed (`reason` is the system's).
        case cannotWrite(path: String, reason: String)

        /// `"cannot create PATH: reason"` or `"cannot write PATH: reason"`.
        public var description: String {
            switch self {
            case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Runs `body` with a handle to a temporary file, then renames it to `path`.
    /// - Throws: `Failure` when the file cannot be created, written or renamed, or what `body` throws;
    ///   in every case the temporary file is removed.
    public static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        let temp = "\(directory)/.\(target.lastPathComponent).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try body(handle)
            guard fsync(fd) == 0 else {
                throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            try handle.close()
            guard rename(temp, path) == 0 else {
                throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? handle.close()
            unlink(temp)
            throw error
        }
    }
}
