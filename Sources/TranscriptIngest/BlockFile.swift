#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source file open for positioned reads (`pread(2)`), so that several threads can each read their own
/// piece without sharing a file offset and without mapping the whole file into memory.
package final class BlockFile: @unchecked Sendable {
    package let path: String
    private let fd: Int32

    /// Opens `path` for reading (`open(2)`).
    ///
    /// - Throws: `BlockFileError` with the system's reason.
    package init(path: String) throws(BlockFileError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BlockFileError(errno: errno) }
    }

    deinit { close(fd) }

    /// The file's size in bytes now (`fstat(2)`).
    package func size() throws(BlockFileError) -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BlockFileError(errno: errno) }
        if st.st_mode & S_IFMT == S_IFDIR { throw BlockFileError(errno: EISDIR) }
        return Int(st.st_size)
    }

    /// Reads up to `count` bytes at `offset` into `buffer` (grown when needed); returns the bytes read,
    /// fewer only at the end of the file.
    /// - Parameter start: where in `buffer` the bytes go.
    package func read(
        into buffer: inout [UInt8],
        at offset: Int,
        count: Int,
        from start: Int = 0
    ) throws(BlockFileError) -> Int {
        if buffer.count < start + count {
            buffer.append(contentsOf: repeatElement(0, count: start + count - buffer.count))
        }
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + start + done, count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw BlockFileError(errno: errno)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads `range`, or what of it lies before the end of the file.
    package func read(_ range: Range<Int>) throws(BlockFileError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: range.count)
        let n = try read(into: &buffer, at: range.lowerBound, count: range.count)
        buffer.removeLast(buffer.count - n)
        return buffer
    }
}

/// Why a source file could not be opened or read, in the words a summary shows after its path.
package struct BlockFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `"no such file"`, `"permission denied"`, `"is a directory"`, or the system's own words.
    package var message: String

    package init(errno code: Int32) {
        switch code {
        case ENOENT: message = "no such file"
        case EACCES: message = "permission denied"
        case EISDIR: message = "is a directory"
        default: message = String(cString: strerror(code))
        }
    }

    package var description: String { message }
}
