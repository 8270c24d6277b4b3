import Foundation
import Podium
import Synchronization

/// The open index the server answers from, reopened when `podium index refresh` commits a new one.
///
/// A commit renames a new `meta.json` over the old one, so its inode and change time tell a new commit from
/// the last one with a single `stat` per request. A request takes the current ``PodiumIndex`` once and
/// keeps it until it ends: an index is a reference over mapped files, which stay readable after a later
/// merge removes them, so a request under way finishes on the snapshot it opened while the next one sees
/// the new commit.
public final class IndexHolder: Sendable {
    /// The index directory.
    public let directory: String
    /// The topics file named with `--topics`, or `nil` for the copy the index keeps.
    public let topicsFile: String?

    private struct Opened {
        var index: PodiumIndex
        var stamp: CommitStamp?
    }

    private let state = Mutex<Opened?>(nil)

    /// A holder for the index in `directory`; nothing is opened until the first request.
    public init(directory: String, topicsFile: String? = nil) {
        self.directory = directory
        self.topicsFile = topicsFile
    }

    /// The index as of its last commit: the one already open when `meta.json` has not changed since,
    /// else a new snapshot of it.
    ///
    /// - Throws: the facade's `.index` error when there is no index or it is damaged; the next call tries
    ///   again, so the server answers again once the index is repaired.
    public func current() throws(PodiumError) -> PodiumIndex {
        let stamp = CommitStamp(metaFileIn: directory)
        if let opened = state.withLock({ $0 }), opened.stamp == stamp, stamp != nil {
            return opened.index
        }
        let index = try PodiumIndex(
            directory: directory,
            topicsFile: topicsFile ?? Indexer.keptTopicsFile(index: directory)
        )
        // A commit that lands while this one opens gets a new stamp: the next request opens it in turn.
        state.withLock { $0 = Opened(index: index, stamp: stamp) }
        return index
    }
}

/// What tells one commit of an index from the next: `meta.json`'s inode, size and change time.
struct CommitStamp: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var changed: Int64
    var changedNanoseconds: Int64

    /// The stamp of `directory/meta.json`, or `nil` when it cannot be read.
    init?(metaFileIn directory: String) {
        var info = stat()
        guard stat(directory + "/meta.json", &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        changed = Int64(info.st_ctim.tv_sec)
        changedNanoseconds = Int64(info.st_ctim.tv_nsec)
    }
}
