import Foundation
import SearchIndex

/// Figures about an index, as `podium index stats` shows them.
public struct IndexStatistics: Sendable {
    /// The index directory, as given.
    public var directory: String
    /// The commit generation read.
    public var generation: Int
    /// Source files in the sources table.
    public var sources: Int
    /// Sources recorded but skipped (listing pages, empty files…).
    public var skippedSources: Int
    /// Live statements, each copy folded into another counted once.
    public var statements: Int
    /// Live statements folded into another as near-duplicate copies (a page and the JSONL made from it).
    public var foldedDuplicates: Int
    /// Segments of the commit.
    public var segments: Int
    /// Terms summed over the segments' dictionaries (a term in two segments counts twice).
    public var terms: Int
    /// Bytes on disk per kind of file (`terms`, `postings`, `positions`, …), `meta.json` as `commit`.
    public var bytesByKind: [(kind: String, bytes: Int)]
    /// The analyzer that built the index: its name and version.
    public var analyzer: String
    /// The corpus paths the index was built from.
    public var corpus: [String]
    /// What the statements cover: dates, languages, kinds, the most frequent speakers and outlets.
    public var coverage: IndexCoverage

    /// Bytes on disk in all.
    public var bytes: Int { bytesByKind.reduce(0) { $0 + $1.bytes } }
}

/// Reads what an index holds and checks that it is whole.
public enum IndexInspector {
    /// The statistics of the index in `directory`, with the `top` most frequent speakers and outlets.
    ///
    /// - Complexity: reads the date and columns of every statement (a few milliseconds per 100,000).
    public static func statistics(index directory: String, top: Int = 10) throws(PodiumError) -> IndexStatistics {
        let snapshot: IndexSnapshot
        do { snapshot = try IndexSnapshot.open(directory: directory) } catch {
            throw PodiumError(error, index: directory)
        }
        let table = (snapshot.userData[Indexer.sourcesKey]).flatMap { try? SourceTable(decoding: $0) } ?? SourceTable()
        let corpus =
            snapshot.userData[Indexer.corpusKey].flatMap {
                try? JSONDecoder().decode([String].self, from: Data($0.utf8))
            } ?? []
        var kinds = snapshot.bytesByKind().map { (kind: "\($0.key)", bytes: $0.value) }
        kinds.sort { $0.kind < $1.kind }
        let commit = try? FileManager.default.attributesOfItem(atPath: directory + "/meta.json")
        kinds.append((kind: "commit", bytes: commit?[.size] as? Int ?? 0))
        let coverage: IndexCoverage
        do {
            _ = try StatementCopies(folding: snapshot)
            coverage = try IndexCoverage.read(snapshot, top: top)
        } catch {
            throw PodiumError(error, index: directory)
        }
        return IndexStatistics(
            directory: directory,
            generation: snapshot.generation,
            sources: table.count,
            skippedSources: table.records.values.filter { $0.skipped != nil }.count,
            statements: snapshot.liveDocCount,
            foldedDuplicates: snapshot.foldedCount,
            segments: snapshot.segments.count,
            terms: snapshot.termCount,
            bytesByKind: kinds,
            analyzer: "\(snapshot.analyzer.name) \(snapshot.analyzer.version)",
            corpus: corpus,
            coverage: coverage
        )
    }

    /// What `verify` checked.
    public struct Verification: Sendable {
        /// Files whose checksum was recomputed.
        public var files: Int
        /// Bytes read to do it.
        public var bytes: Int
        /// Live statements in the index.
        public var statements: Int
    }

    /// Recomputes the checksum of every file of the current commit.
    ///
    /// - Throws: a `PodiumError` of kind `.index` naming the first damaged or missing file.
    public static func verify(index directory: String) throws(PodiumError) -> Verification {
        do {
            let snapshot = try IndexSnapshot.open(directory: directory, verification: .footers)
            let report = try snapshot.verify()
            return Verification(files: report.files, bytes: report.bytes, statements: snapshot.liveDocCount)
        } catch {
            throw PodiumError(error, index: directory)
        }
    }
}
