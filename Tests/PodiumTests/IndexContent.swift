import Foundation
import SearchIndex

/// What an index holds, as a reader sees it: the commit generation and every live statement's stored fields.
///
/// Two indexes with equal content answer every query the same way, whatever their segments look like.
struct IndexContent: Equatable {
    var generation: Int
    /// One line per live statement (its stored fields), sorted.
    var statements: [String]

    /// Opens a snapshot of `directory` and reads every live statement.
    init(directory: URL) throws {
        let snapshot = try IndexSnapshot.open(directory: directory.path)
        generation = snapshot.generation
        var lines: [String] = []
        lines.reserveCapacity(snapshot.liveDocCount)
        for segment in snapshot.segments {
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                lines.append(try segment.storedFields(doc).map { "\($0.name)=\($0.value)" }.joined(separator: "\u{1}"))
            }
        }
        statements = lines.sorted()
    }

    /// Whether both hold the same statements (generations may differ).
    func sameStatements(as other: IndexContent) -> Bool { statements == other.statements }

    /// Files in `directory` that the current commit does not reference (besides the commit and the lock file).
    static func unreferencedFiles(in directory: URL) throws -> [String] {
        let commit = try IndexCommit.read(directory: directory.path)
        let referenced = Set(
            commit.segments.flatMap(\.fileNames) + [
                IndexFormat.commitFileName, IndexFormat.lockFileName, "topics.toml",
            ]
        )
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !referenced.contains($0) }
            .sorted()
    }
}
