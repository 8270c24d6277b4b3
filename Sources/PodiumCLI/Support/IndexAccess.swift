import Foundation
import Podium

/// Options every reading command shares: where the index is and which topics to use.
struct IndexLocation {
    var index: String
    var topics: String?

    /// The topics file: `--topics`, else the copy the index keeps of the one it was built with, else
    /// `Corpus/topics.toml` of the current folder (an index built before it kept a copy).
    var topicsFile: String? {
        if let topics { return topics }
        if let kept = Indexer.keptTopicsFile(index: index) { return kept }
        return FileManager.default.fileExists(atPath: "Corpus/topics.toml") ? "Corpus/topics.toml" : nil
    }

    /// Opens the index, first building the default one from `Corpus/` when it does not exist yet (what a
    /// newcomer's first `podium search` needs), and rebuilding it from its recorded corpus when another
    /// version of podium wrote it (what an upgrade needs). An index named with `--index` is never rebuilt
    /// unasked: its error says how.
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
        do {
            return try PodiumIndex(directory: index, topicsFile: topicsFile)
        } catch  where error.isOutdatedIndex && index == "Index" {
            // The default index is podium's own cache of its sources: after an upgrade, build it anew.
            let recorded = Indexer.recordedCorpus(index: index) ?? ["Corpus"]
            let corpus = recorded.allSatisfy { FileManager.default.fileExists(atPath: $0) } ? recorded : ["Corpus"]
            StandardError.line("Index/ was written by another version of podium (\(error.message)).")
            StandardError.line("Rebuilding it from \(corpus.joined(separator: " ")) (once).")
            let report = try runIndexing("Indexing") { (progress) throws(PodiumError) in
                try Indexer.build(IndexingOptions(corpus: corpus, index: index), progress: progress)
            }
            IndexingSummary(report: report, refresh: false).print()
        } catch {
            try handlingErrors { () throws(PodiumError) in throw error }
        }
        return try handlingErrors { () throws(PodiumError) in
            try PodiumIndex(directory: index, topicsFile: topicsFile)
        }
    }
}
