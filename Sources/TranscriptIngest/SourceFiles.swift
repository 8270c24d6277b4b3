import Foundation

/// Finds the source files under the paths a user names.
public enum SourceFiles {
    /// Every extension read as a source: `.html`, `.htm`, `.shtml`, `.jsonl`, each also gzipped (`.html.gz`).
    public static let extensions: Set<String> = TranscriptReader.htmlExtensions.union(TranscriptReader.jsonlExtensions)

    /// The source files named by `paths`: a file is taken as given (whatever its extension: reading it
    /// reports an unsupported type); a directory contributes every file below it with a source extension,
    /// hidden files and folders excluded. The result is sorted by path (byte order) and has no duplicates,
    /// so the same tree always yields the same list.
    ///
    /// - Throws: `SourceFilesError` naming the first path that does not exist.
    public static func list(_ paths: [String]) throws(SourceFilesError) -> [String] {
        var found: Set<String> = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SourceFilesError(path: path, message: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                found.insert(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard let enumerator = manager.enumerator(atPath: path) else {
                throw SourceFilesError(path: path, message: "cannot list the directory")
            }
            while let relative = enumerator.nextObject() as? String {
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                guard extensions.contains(TranscriptReader.fileExtension(of: name)) else { continue }
                let full = base.isEmpty ? "/" + relative : base + "/" + relative
                var isSubdirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isSubdirectory), !isSubdirectory.boolValue {
                    found.insert(full)
                }
            }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// A path given to `SourceFiles.list` that cannot be listed.
public struct SourceFilesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// What is wrong with it.
    public var message: String

    /// `"path: message"`.
    public var description: String { "\(path): \(message)" }
}
