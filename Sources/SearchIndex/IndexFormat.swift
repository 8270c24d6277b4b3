/// Constants of the on-disk format described in `Docs/IndexFormat.md`.
public enum IndexFormat {
    /// The format version written in every footer and in `meta.json`; readers accept only this version.
    public static let version: UInt32 = 6
    /// Documents per postings block (bit-packed) and per skip entry.
    public static let blockSize = 128
    /// The most (frequency, norm) pairs a skip entry keeps for block-max bounds; see `ImpactFront`.
    public static let maxImpacts = 8
    /// Bytes per checksummed page of a file's data (`PageChecksums`): a reader verifies a page the first time
    /// it touches it. 4 KiB keeps what a lookup reads beyond its bytes small; the page sums cost 0.1%.
    package static let pageShift = 12
    /// `1 << pageShift`.
    package static let pageSize = 1 << pageShift
    /// Terms per term-dictionary block.
    package static let termBlockSize = 32
    /// Uncompressed bytes after which a stored-fields block is closed. 16 and 64 KiB were measured too: 16 KiB
    /// costs 1% more bytes, 64 KiB saves 0.5% but doubles the time to fetch one record (~80 µs).
    package static let storedBlockBytes = 32 * 1024
    /// The zstd level of stored-fields blocks: level 3 with the dictionary compresses as fast as levels 1 and 2
    /// and 15% smaller; level 5 costs twice the CPU for 1%, level 7 four times for 8%.
    package static let storedLevel = 3
    /// The largest dictionary a segment's stored fields get (less for a small segment, see
    /// `StoredFieldsWriter`). On the 200 MB bench corpus: 112 KiB → 60.3 MB stored, 256 KiB → 56.5 MB,
    /// 1 MiB → 51.4 MB, 2 MiB → 49.2 MB.
    package static let storedDictionaryBytes = 1 << 20
    /// Record bytes sampled, from the start of a segment, to train its dictionary (~0.25 s of training).
    package static let storedSampleBytes = 16 << 20
    /// The longest term (field byte excluded) the index accepts, in bytes.
    public static let maxTermLength = 16 * 1024
    /// The commit file's name.
    public static let commitFileName = "meta.json"
    /// The writer lock's name.
    public static let lockFileName = "write.lock"
}
