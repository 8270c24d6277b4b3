#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source file open for positioned reads (`pread(2)`), so that several threads can each read their own
/// piece without sharing a file offset and without mapping the whole file into memory.
final class BlockFile: @unchecked Sendable {
    let path: String
    private let fd: Int32

    init(path: String) throws(PodiumError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw PodiumError(.input, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes at `offset` into `buffer` (grown when needed); returns the bytes read,
    /// fewer only at the end of the file.
    func read(into buffer: inout [UInt8], at offset: Int, count: Int) throws(PodiumError) -> Int {
        if buffer.count < count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + done, count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw PodiumError(.input, "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads `range`, or what of it lies before the end of the file.
    func read(_ range: Range<Int>) throws(PodiumError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: range.count)
        let n = try read(into: &buffer, at: range.lowerBound, count: range.count)
        buffer.removeLast(buffer.count - n)
        return buffer
    }
}
