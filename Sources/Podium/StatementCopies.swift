import SearchIndex
import SearchQuery

/// Where else a statement was found: another source that holds a near-duplicate copy of it.
public struct StatementCopy: Sendable, Hashable, Codable {
    /// The copy's own id (`podium show` opens it too).
    public var id: String
    /// The copy's source file.
    public var source: String
    /// The copy's URL, empty when it has none.
    public var url: String
}

/// The copies of one statement in a snapshot, found from the `group` column when the index is opened.
///
/// Of each group's live statements, the one with the smallest id is kept and the others are folded: it is hidden from search, counts, facets, trends and exports as a deleted one is. Folding is
/// worked out from the live statements of each snapshot, so when a refresh deletes the kept copy's source, the
/// next copy is kept instead, and nothing is lost.
struct StatementCopies {
    /// The members of every group with more than one live statement, the kept one first.
    private(set) var members: [Int64: [DocumentAddress]] = [:]
    /// Live statements hidden as copies.
    private(set) var foldedCount = 0

    /// Works out the copies of `snapshot`'s live statements and folds all but the first of each group.
    init(folding snapshot: IndexSnapshot) throws(IndexError) {
        guard snapshot.schema.columns == StatementSchema.columns else { return }
        // An index without copies (most of them) pays one pass over the column, and nothing per query.
        var anyCopy = false
        for segment in snapshot.segments where try segment.column(StatementSchema.groupColumn).containsNonzero() {
            anyCopy = true
        }
        guard anyCopy else { return }
        var referenced = Set<Int64>()
        for segment in snapshot.segments {
            let groups = segment.column(StatementSchema.groupColumn)
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                let group = groups.int64(doc)
                if group != 0 { referenced.insert(group) }
            }
        }
        guard !referenced.isEmpty else { return }
        var groups: [Int64: [DocumentAddress]] = [:]
        for (s, segment) in snapshot.segments.enumerated() {
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                let key = Self.key(segment, doc)
                if referenced.contains(key) {
                    groups[key, default: []].append(DocumentAddress(segment: s, document: doc))
                }
            }
        }
        // The copy kept is the one with the smallest id, whatever the order of segments: a refreshed index
        // keeps the copy a fresh build keeps.
        let idField = StatementSchema.schema.idStoredField!
        var folded = [[Int32]](repeating: [], count: snapshot.segments.count)
        for (key, group) in groups where group.count > 1 {
            var ids: [String] = []
            for a in group {
                ids.append(try snapshot.segments[a.segment].storedValue(a.document, field: idField) ?? "")
            }
            let keep = ids.indices.min { ids[$0] < ids[$1] }!
            members[key] = [group[keep]] + group.enumerated().filter { $0.offset != keep }.map(\.element)
            for (k, a) in group.enumerated() where k != keep { folded[a.segment].append(a.document) }
        }
        try snapshot.fold(folded)
        foldedCount = snapshot.foldedCount
    }

    /// The group key of a statement: its `group` column, or for the first copy the key of its fingerprint.
    static func key(_ segment: SegmentReader, _ doc: Int32) -> Int64 {
        let group = segment.column(StatementSchema.groupColumn).int64(doc)
        if group != 0 { return group }
        let words = segment.column(StatementSchema.wordsColumn).int64(doc)
        return NearDuplicateFingerprint(
            simhash: UInt64(bitPattern: segment.column(StatementSchema.simhashColumn).int64(doc)),
            words: Int(words & 0xFFFF_FFFF),
            answerWords: Int(words >> 32),
            date: segment.date(doc),
            speaker: ""
        ).key
    }

    /// Every live statement of the group of the statement at `address` (itself included, the kept one
    /// first); just `address` when it has no copies.
    func group(of address: DocumentAddress, in snapshot: IndexSnapshot) -> [DocumentAddress] {
        guard !members.isEmpty else { return [address] }
        let key = Self.key(snapshot.segments[address.segment], address.document)
        return members[key] ?? [address]
    }
}

extension PodiumIndex {
    /// Live statements hidden from searches as copies of others (`podium index stats`).
    public var foldedCount: Int { copies.foldedCount }

    /// The other copies of the statement at `address`, in index order.
    func otherCopies(of address: DocumentAddress) throws(PodiumError) -> [StatementCopy] {
        var found: [StatementCopy] = []
        for other in copies.group(of: address, in: snapshot) where other != address {
            let s = try statement(at: other)
            found.append(StatementCopy(id: s.id, source: s.source, url: s.url))
        }
        return found
    }

    /// Fills every hit's `copies` (hits made without excerpts keep only their ids).
    func addCopies(to hits: inout [Hit], at addresses: [DocumentAddress]) throws(PodiumError) {
        for (k, address) in zip(hits.indices, addresses) { hits[k].copies = try otherCopies(of: address) }
    }
}
