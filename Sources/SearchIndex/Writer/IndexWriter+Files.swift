import Foundation

/// Removing files that no commit references.
extension IndexWriter {
    /// Deletes index files (segment files, delete generations, temporary commits) that `commit` does not
    /// name: leftovers of a writer that died, segments merged away, old delete generations.
    ///
    /// Only names this format produces are touched; other files in the directory are left alone.
    package static func removeUnreferencedFiles(directory: String, commit: IndexCommit?) throws(IndexError) {
        let referenced = Set(commit?.segments.flatMap(\.fileNames) ?? [])
        let extensions = Set(IndexFileKind.allCases.map(\.rawValue))
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw IndexError(.io, "cannot list the index directory '\(directory)': \(error.localizedDescription)")
        }
        for name in names where !referenced.contains(name) {
            let isTemporaryCommit = name.hasPrefix(IndexFormat.commitFileName + ".tmp-")
            let ext = name.split(separator: ".").last.map(String.init) ?? ""
            let isSegmentFile = name.split(separator: ".").count == 2 && extensions.contains(ext)
            guard isTemporaryCommit || isSegmentFile else { continue }
            unlink(directory + "/" + name)
        }
    }
}
