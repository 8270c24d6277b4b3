import Foundation

/// The content of `meta.json`: the one file that says which segments make up the index.
///
/// On disk it is `{"checksum":"<8 hex digits>","commit":<this object as JSON>}` followed by a newline; the
/// checksum is the CRC-32C of the exact bytes of the `commit` value.
public struct IndexCommit: Codable, Sendable, Equatable {
    /// `IndexFormat.version` of the writer.
    public var formatVersion: UInt32
    /// Increases by one with every commit.
    public var generation: Int
    /// The analyzer that produced the tokens.
    public var analyzer: AnalyzerIdentity
    /// The fields of the index.
    public var schema: IndexSchema
    /// The live segments, oldest first.
    public var segments: [SegmentInfo]
    /// The caller's data (the facade keeps its sources table here).
    public var userData: [String: String]

    private static let prefix = Array(#"{"checksum":""#.utf8)
    private static let middle = Array(#"","commit":"#.utf8)

    /// Serializes the commit with its checksum.
    package func encoded() throws(IndexError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body: [UInt8]
        do { body = Array(try encoder.encode(self)) } catch {
            throw IndexError(.invalidArgument, "the commit could not be encoded: \(error)")
        }
        let sum = CRC32C.checksum(body)
        let hex = String(sum, radix: 16)
        let padded = String(repeating: "0", count: 8 - hex.count) + hex
        return IndexCommit.prefix + Array(padded.utf8) + IndexCommit.middle + body + Array("}\n".utf8)
    }

    /// Parses and checks a `meta.json` file's bytes.
    package static func decode(_ bytes: [UInt8], file: String) throws(IndexError) -> IndexCommit {
        let head = prefix.count + 8 + middle.count
        guard bytes.count > head + 2, Array(bytes[0..<prefix.count]) == prefix,
            Array(bytes[(prefix.count + 8)..<head]) == middle, bytes.suffix(2) == [UInt8(ascii: "}"), 10]
        else { throw IndexError.corrupted(file, "it is not a commit file") }
        guard let stored = UInt32(String(decoding: bytes[prefix.count..<prefix.count + 8], as: UTF8.self), radix: 16)
        else { throw IndexError.corrupted(file, "its checksum field is malformed") }
        let body = Array(bytes[head..<(bytes.count - 2)])
        guard CRC32C.checksum(body) == stored else {
            throw IndexError.corrupted(file, "its checksum does not match its content")
        }
        let commit: IndexCommit
        do { commit = try JSONDecoder().decode(IndexCommit.self, from: Data(body)) } catch {
            throw IndexError.corrupted(file, "its content does not decode (\(error))")
        }
        guard commit.formatVersion == IndexFormat.version else {
            throw IndexError(
                .unsupportedVersion,
                "the index has format version \(commit.formatVersion); this build reads version \(IndexFormat.version)",
                file: file
            )
        }
        return commit
    }

    /// Reads `directory/meta.json`.
    /// - Throws: `.notFound` when there is no commit, `.corrupted` when it fails its checksum.
    public static func read(directory: String) throws(IndexError) -> IndexCommit {
        let path = directory + "/" + IndexFormat.commitFileName
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw IndexError(.io, "the commit file '\(path)' cannot be read", file: IndexFormat.commitFileName)
            }
            throw IndexError(.notFound, "no index at '\(directory)' (no \(IndexFormat.commitFileName))")
        }
        return try decode(Array(data), file: IndexFormat.commitFileName)
    }

    /// Writes the commit atomically: a temporary file, fsync, rename over `meta.json`, fsync of the directory.
    ///
    /// A reader sees either the previous commit or this one, never a mix, whatever instant the process dies.
    package func write(directory: String) throws(IndexError) {
        let bytes = try encoded()
        let temporary = "\(IndexFormat.commitFileName).tmp-\(getpid())-\(generation)"
        let sink = try RawFile(directory: directory, name: temporary)
        try sink.writeAll(bytes)
        try sink.syncAndClose()
        let from = directory + "/" + temporary
        let to = directory + "/" + IndexFormat.commitFileName
        guard rename(from, to) == 0 else { throw IndexError.io("renaming the commit to", to, errno: errno) }
        try RawFile.syncDirectory(directory)
    }
}
