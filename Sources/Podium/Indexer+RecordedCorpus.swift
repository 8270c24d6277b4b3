import Foundation
import SearchIndex

extension Indexer {
    /// The corpus paths the index in `index` was built from, read from its commit file as plain JSON, so
    /// that it works even when this podium cannot open that index (another format or analyzer). `nil` when
    /// there is no such record.
    public static func recordedCorpus(index: String) -> [String]? {
        let path = (index as NSString).appendingPathComponent(IndexFormat.commitFileName)
        guard let data = FileManager.default.contents(atPath: path),
            let file = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let commit = file["commit"] as? [String: Any],
            let userData = commit["userData"] as? [String: String],
            let roots = userData[corpusKey],
            let list = try? JSONDecoder().decode([String].self, from: Data(roots.utf8)),
            !list.isEmpty
        else { return nil }
        return list
    }
}
