/// Integrity checks and size figures of a snapshot.
extension IndexSnapshot {
    /// What `verify` checked.
    public struct VerifyReport: Sendable {
        /// Files whose checksum was recomputed, `meta.json` included.
        public var files: Int
        /// Bytes read.
        public var bytes: Int
    }

    /// Opens the current commit and checks every file's footer, size and CRC-32C, and the commit's own
    /// checksum.
    ///
    /// - Throws: `.corrupted` naming the first damaged file (or `.notFound` naming a missing one).
    /// - Complexity: reads the whole index once.
    public static func verify(directory: String) throws(IndexError) -> VerifyReport {
        let snapshot = try IndexSnapshot.open(directory: directory, verification: .footers)
        return try snapshot.verify()
    }

    /// Recomputes the checksum of every file of this snapshot.
    public func verify() throws(IndexError) -> VerifyReport {
        var report = VerifyReport(files: 1, bytes: 0)
        for segment in segments {
            for file in segment.files {
                try file.verifyChecksum()
                report.files += 1
                report.bytes += file.dataLength + FileFooter.size
            }
        }
        return report
    }

    /// Bytes on disk per kind of file, over all segments of the snapshot.
    public func bytesByKind() -> [IndexFileKind: Int] {
        var sizes: [IndexFileKind: Int] = [:]
        for segment in segments {
            for file in segment.files { sizes[file.kind, default: 0] += file.dataLength + FileFooter.size }
        }
        return sizes
    }

    /// Distinct terms summed over segments (a term present in two segments counts twice).
    public var termCount: Int { commit.segments.reduce(0) { $0 + $1.termCount } }
}
