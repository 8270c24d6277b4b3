import Foundation
import SearchQuery

extension Indexer {
    /// The name of the index's own copy of the synonyms file it was built with, beside `meta.json`.
    public static let synonymsFileName = "synonyms.toml"

    /// The synonyms copy kept in the index at `index`, when there is one.
    public static func keptSynonymsFile(index: String) -> String? {
        let path = (index as NSString).appendingPathComponent(synonymsFileName)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The synonyms file a build or refresh copies into the index: the one named in the options, else the
    /// first corpus root that is a folder with a `synonyms.toml` at its top; `nil` when there is none (the
    /// index then has no synonyms). A file that cannot be read or has a mistake is an `.input` error
    /// naming it and its line, before anything is written.
    static func synonymsSource(_ options: IndexingOptions, roots: [String]) throws(PodiumError) -> String? {
        var path = options.synonymsFile
        if path == nil {
            path = roots.lazy.map { ($0 as NSString).appendingPathComponent(synonymsFileName) }
                .first { FileManager.default.fileExists(atPath: $0) }
        }
        guard let path else { return nil }
        _ = try SynonymFile.load(path)
        return path
    }

    /// Replaces the index's copy of the synonyms file with `source`'s bytes, atomically; with no source, a
    /// build removes the copy and a refresh keeps it.
    static func keepSynonyms(_ source: String?, index: String, isBuild: Bool) throws(PodiumError) {
        let target = (index as NSString).appendingPathComponent(synonymsFileName)
        guard let source else {
            if isBuild { try? FileManager.default.removeItem(atPath: target) }
            return
        }
        guard let bytes = FileManager.default.contents(atPath: source) else {
            throw PodiumError(.input, "cannot read the synonyms file '\(source)'", hint: "name another with --synonyms")
        }
        do {
            try AtomicFile.write(to: target) { try $0.write(contentsOf: bytes) }
        } catch {
            throw PodiumError(.output, "cannot keep the synonyms file in the index: \(error)")
        }
    }
}

extension PodiumIndex {
    /// The synonyms of `path`; none when `nil` (an index built without a synonyms file ranks as before).
    static func loadSynonyms(_ path: String?) throws(PodiumError) -> SynonymSet {
        guard let path else { return .empty }
        return try SynonymFile.load(path)
    }

    /// What `--explain` says of a word searched by its synonyms.
    static func synonymNote(_ expansion: SynonymExpansion) -> String {
        "\(expansion.words) also searched as " + expansion.alternatives.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
