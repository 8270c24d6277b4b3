/// What a refresh has to do, worked out from the sources table and the files on disk.
///
/// A source whose size and modification time match its record is unchanged without being read. One that
/// differs in either is read and hashed: the same hash means it was only touched (its record is updated,
/// nothing is re-indexed); another hash means it changed.
public struct RefreshPlan: Sendable, Equatable {
    /// Sources not in the table: parse and add.
    public var added: [String] = []
    /// Sources whose bytes changed: delete their statements, parse and add.
    public var changed: [String] = []
    /// Sources in the table that are gone: delete their statements.
    public var deleted: [String] = []
    /// Sources with new size or time but the same bytes: only their record is updated.
    public var touched: [String] = []
    /// Sources left alone.
    public var unchanged: [String] = []

    /// An empty plan.
    public init() {}

    /// Whether the refresh has anything to write.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && deleted.isEmpty && touched.isEmpty }

    /// Sorts the current files against `table`.
    ///
    /// - Parameters:
    ///   - table: the sources table of the last commit.
    ///   - current: every source file found now, with its fingerprint.
    ///   - hash: reads a file and returns its content hash; called only for files whose fingerprint changed.
    public static func make(
        table: SourceTable,
        current: [(path: String, fingerprint: FileFingerprint)],
        hash: (String) throws -> ContentHash
    ) rethrows -> RefreshPlan {
        var plan = RefreshPlan()
        var seen = Set<String>()
        for (path, fingerprint) in current {
            seen.insert(path)
            guard let record = table[path] else {
                plan.added.append(path)
                continue
            }
            if record.size == fingerprint.size && record.modified == fingerprint.modified {
                plan.unchanged.append(path)
            } else if try hash(path).description == record.hash {
                plan.touched.append(path)
            } else {
                plan.changed.append(path)
            }
        }
        plan.deleted = table.records.keys.filter { !seen.contains($0) }.sorted()
        return plan
    }
}
