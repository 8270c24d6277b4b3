import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file written through a 1 MiB buffer with plain `write(2)` calls.
final class OutputFile {
    let path: String
    private let fd: Int32
    private(set) var bytesWritten = 0
    var buffer: [UInt8] = []

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw WriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(1 << 21)
    }

    deinit { close(fd) }

    /// Writes the buffer out once it holds a megabyte.
    func flushIfFull() throws { if buffer.count >= 1 << 20 { try flush() } }

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
