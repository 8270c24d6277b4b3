import Foundation
import SearchIndex

/// What `Indexer.optimize` did.
public struct OptimizeReport: Sendable {
    /// Segments before the merge.
    public var segmentsBefore = 0
    /// Segments after it.
    public var segmentsAfter = 0
    /// Live statements in the index.
    public var statements = 0
    /// Wall-clock seconds the merge took.
    public var seconds: Double = 0
    /// The commit generation written, or the one left in place when there was nothing to do.
    public var generation = 0
}

extension Indexer {
    /// Merges the index into at most `maxSegments` segments, dropping deleted statements, and commits.
    ///
    /// Fewer segments make every query look up its terms fewer times and share one top-k threshold over
    /// more documents. Readers keep their snapshot; the merged-away files go once no commit needs them.
    public static func optimize(index: String, maxSegments: Int = 1) throws(PodiumError) -> OptimizeReport {
        let start = Date()
        let writer = try openExistingWriter(IndexingOptions(corpus: [], index: index), to: "optimize")
        defer { writer.close() }
        var report = OptimizeReport()
        report.segmentsBefore = writer.segmentCount
        do {
            try writer.forceMerge(maxSegments: max(1, maxSegments))
        } catch {
            throw PodiumError(error, index: index)
        }
        report.segmentsAfter = writer.segmentCount
        report.statements = writer.documentCount
        report.generation = writer.generation
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
