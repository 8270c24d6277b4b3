/// Constants of the on-disk format described in `Docs/IndexFormat.md`.
public enum IndexFormat {
    /// The format version written in every footer and in `meta.json`; readers accept only this version.
    public static let version: UInt32 = 1
    /// Documents per postings block (bit-packed) and per skip entry.
    public static let blockSize = 128
    /// The most (frequency, norm) pairs a skip entry keeps for block-max bounds; see `ImpactFront`.
    public static let maxImpacts = 8
    /// Terms per term-dictionary block.
    package static let termBlockSize = 32
    /// Uncompressed bytes after which a stored-fields block is closed.
    package static let storedBlockBytes = 16 * 1024
    /// The longest term (field byte excluded) the index accepts, in bytes.
    public static let maxTermLength = 16 * 1024
    /// The commit file's name.
    public static let commitFileName = "meta.json"
    /// The writer lock's name.
    public static let lockFileName = "write.lock"
}
