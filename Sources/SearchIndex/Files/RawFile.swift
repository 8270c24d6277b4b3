#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain file written once (the commit's temporary file), and directory fsync.
package final class RawFile {
    private var fd: Int32
    private let path: String

    package init(directory: String, name: String) throws(IndexError) {
        path = directory + "/" + name
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.io("creating", path, errno: errno) }
    }

    deinit { if fd >= 0 { close(fd) } }

    package func writeAll(_ bytes: [UInt8]) throws(IndexError) {
        try bytes.withUnsafeBufferPointer { (raw) throws(IndexError) in
            var p = UnsafeRawPointer(raw.baseAddress!)
            var left = raw.count
            while left > 0 {
                let n = write(fd, p, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IndexError.io("writing", path, errno: errno)
                }
                p += n
                left -= n
            }
        }
    }

    package func syncAndClose() throws(IndexError) {
        guard fsync(fd) == 0 else { throw IndexError.io("syncing", path, errno: errno) }
        let result = close(fd)
        fd = -1
        guard result == 0 else { throw IndexError.io("closing", path, errno: errno) }
    }

    /// Makes a rename or a new file in `directory` durable.
    package static func syncDirectory(_ directory: String) throws(IndexError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IndexError.io("opening the directory", directory, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IndexError.io("syncing the directory", directory, errno: errno) }
    }
}
