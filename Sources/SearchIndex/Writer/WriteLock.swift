#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The single-writer lock: `write.lock` holding the writer's PID, locked with `flock`.
///
/// The kernel drops an `flock` when its process dies, even by SIGKILL, so a dead writer never leaves the
/// index locked; the PID in the file only makes the error message useful.
package final class WriteLock {
    private var fd: Int32

    package init(directory: String) throws(IndexError) {
        let path = directory + "/" + IndexFormat.lockFileName
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.io("opening the lock file", path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 32, 0)
            close(fd)
            fd = -1
            guard code == EWOULDBLOCK else { throw IndexError.io("locking", path, errno: code) }
            let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
            let pid = Int32(text.split(whereSeparator: { $0 == "\n" }).first ?? "")
            let who = pid.map { "process \($0)" } ?? "another process"
            throw IndexError(
                .locked,
                "index '\(directory)' is locked by \(who); wait for it to finish or stop it",
                file: IndexFormat.lockFileName,
                lockHolder: pid
            )
        }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.count, 0)
    }

    /// Releases the lock (also done by `deinit`).
    package func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
