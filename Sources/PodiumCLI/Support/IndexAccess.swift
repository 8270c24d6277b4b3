import Foundation
import Podium

/// Options every reading command shares: where the index is and which topics to use.
struct IndexLocation {
    var index: String
    var topics: String?

    /// The topics file: `--topics`, else `Corpus/topics.toml` when there is one.
    var topicsFile: String? {
        if let topics { return topics }
        return FileManager.default.fileExists(atPath: "Corpus/topics.toml") ? "Corpus/topics.toml" : nil
    }

    /// Opens the index, first building the default one from `Corpus/` when it does not exist yet (what a
    /// newcomer's first `podium search` needs).
    func open() throws -> PodiumIndex {
        if index == "Index", !FileManager.default.fileExists(atPath: "Index/meta.json"),
            FileManager.default.fileExists(atPath: "Corpus")
        {
            StandardError.line("No index yet: building Index/ from Corpus/ (once).")
            let report = try runIndexing("Indexing") { (progress) throws(PodiumError) in
                try Indexer.build(IndexingOptions(corpus: ["Corpus"], index: "Index"), progress: progress)
            }
            IndexingSummary(report: report, refresh: false).print()
        }
        return try handlingErrors { () throws(PodiumError) in
            try PodiumIndex(directory: index, topicsFile: topicsFile)
        }
    }
}

