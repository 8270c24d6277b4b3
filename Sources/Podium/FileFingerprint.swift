#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Size and modification time of a file: the fast path of refresh, which re-reads a source only when
/// one of them differs from what the sources table recorded.
public struct FileFingerprint: Hashable, Sendable {
    /// Size in bytes.
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64

    /// A fingerprint with known values, such as one read back from a sources table.
    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// `stat(2)` of `path`, or `nil` when it cannot be read.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int64(st.st_size)
        #if canImport(Darwin)
            modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
            modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }
}
