import Foundation

extension Indexer {
    /// The name of the index's own copy of the topics file it was built with, beside `meta.json`: a search
    /// run from any folder ranks by the same topics as the build did.
    public static let topicsFileName = "topics.toml"

    /// The topics copy kept in the index at `index`, when there is one.
    public static func keptTopicsFile(index: String) -> String? {
        let path = (index as NSString).appendingPathComponent(topicsFileName)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The topics file a build or refresh copies into the index: the one named in the options, else the
    /// first corpus root that is a folder with a `topics.toml` at its top (`Corpus/topics.toml`); `nil`
    /// when there is none. A named file that cannot be read, or any file with a mistake, is an `.input`
    /// error naming it (and its line), before anything is written.
    static func topicsSource(_ options: IndexingOptions, roots: [String]) throws(PodiumError) -> String? {
        var path = options.topicsFile
        if path == nil {
            path = roots.lazy.map { ($0 as NSString).appendingPathComponent(topicsFileName) }
                .first { FileManager.default.fileExists(atPath: $0) }
        }
        guard let path else { return nil }
        _ = try PodiumIndex.loadTopics(path)
        return path
    }

    /// Replaces the index's copy of the topics file with `source`'s bytes, atomically; with no source, a
    /// build removes the copy (the new index was built with no topics) and a refresh keeps it.
    static func keepTopics(_ source: String?, index: String, isBuild: Bool) throws(PodiumError) {
        let target = (index as NSString).appendingPathComponent(topicsFileName)
        guard let source else {
            if isBuild { try? FileManager.default.removeItem(atPath: target) }
            return
        }
        guard let bytes = FileManager.default.contents(atPath: source) else {
            throw PodiumError(.input, "cannot read the topics file '\(source)'", hint: "name another with --topics")
        }
        do {
            try AtomicFile.write(to: target) { try $0.write(contentsOf: bytes) }
        } catch {
            throw PodiumError(.output, "cannot keep the topics file in the index: \(error)")
        }
    }
}
