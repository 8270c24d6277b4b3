import Foundation

/// Merging segments: the log merge policy, `forceMerge`, and putting a merged segment (written by
/// `SegmentMerger`) in the place of its sources.
extension IndexWriter {
    /// The segments the log policy would merge next, or `nil`.
    ///
    /// Segments are grouped in levels by live size (level 0 below 1,000 documents, then one level per factor
    /// of `mergeFactor`); a level with `mergeFactor` segments has its smallest ones merged. A segment with
    /// more than a third of its documents deleted is rewritten on its own to purge them.
    package func pickMerge() -> [Int]? {
        let factor = Double(options.mergeFactor)
        var levels: [Int: [Int]] = [:]
        for (k, state) in segments.enumerated() {
            if state.deletes.count * 3 > state.info.maxDoc { return [k] }
            let live = Double(max(1, state.info.maxDoc - state.deletes.count))
            let level = live < 1000 ? 0 : 1 + Int(log(live / 1000) / log(factor))
            levels[level, default: []].append(k)
        }
        for level in levels.keys.sorted() {
            let members = levels[level]!
            if members.count >= options.mergeFactor {
                let bySize = members.sorted { segments[$0].info.maxDoc < segments[$1].info.maxDoc }
                return Array(bySize.prefix(options.mergeFactor)).sorted()
            }
        }
        return nil
    }

    /// Merges all segments into at most `maxSegments` (the smallest ones first) and commits.
    public func forceMerge(maxSegments: Int = 1, userData: [String: String]? = nil) throws(IndexError) {
        try flush()
        let data = userData ?? self.userData
        let needsPurge = segments.contains { $0.deletes.count > 0 } && maxSegments == 1
        guard segments.count > max(1, maxSegments) || needsPurge else {
            try writeCommit(userData: data)
            return
        }
        let bySize = segments.indices.sorted { segments[$0].info.maxDoc < segments[$1].info.maxDoc }
        let take = needsPurge && segments.count <= 1 ? segments.count : segments.count - max(1, maxSegments) + 1
        try merge(Array(bySize.prefix(take)).sorted())
        try writeCommit(userData: data)
        try IndexWriter.removeUnreferencedFiles(
            directory: directory,
            commit: try IndexCommit.read(directory: directory)
        )
    }

    /// Replaces the segments at `indices` (ascending) with one new segment holding their live documents in
    /// order; the new segment takes the place of the first.
    package func merge(_ indices: [Int]) throws(IndexError) {
        let merger = SegmentMerger(sources: indices.map { segments[$0] }, schema: schema, directory: directory)
        let info = try merger.write(id: IndexWriter.newSegmentID())
        let reader = try SegmentReader(directory: directory, info: info, schema: schema)
        var replaced: [SegmentState] = []
        for (k, state) in segments.enumerated() {
            if k == indices[0] {
                if info.maxDoc > 0 {
                    replaced.append(
                        SegmentState(info: info, reader: reader, deletes: DeleteBitset(maxDoc: info.maxDoc))
                    )
                }
            } else if !indices.contains(k) {
                replaced.append(state)
            }
        }
        segments = replaced
    }
}
