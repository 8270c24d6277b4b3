import Foundation

/// What the index remembers of one source file, so that a refresh can tell whether it changed.
public struct SourceRecord: Codable, Sendable, Hashable {
    /// The path as the user gave it (relative paths stay relative to where the index is built from).
    public var path: String
    /// Size in bytes when it was read.
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
    /// `ContentHash` of the bytes, sixteen hex digits.
    public var hash: String
    /// Statements indexed from it.
    public var statements: Int
    /// Why it yielded nothing (a listing page, an empty file…); `nil` when it was indexed.
    public var skipped: String?

    /// Creates a record.
    public init(path: String, size: Int64, modified: Int64, hash: String, statements: Int, skipped: String? = nil) {
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
        self.statements = statements
        self.skipped = skipped
    }
}

/// The sources table kept in every commit: one record per source file, by path.
public struct SourceTable: Sendable, Equatable {
    /// The records by path.
    public private(set) var records: [String: SourceRecord]

    /// A table of `records`; of two records for one path, the last is kept.
    public init(records: [SourceRecord] = []) {
        self.records = Dictionary(records.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The record of `path`; setting `nil` removes it.
    public subscript(path: String) -> SourceRecord? {
        get { records[path] }
        set { records[path] = newValue }
    }

    /// Sources recorded.
    public var count: Int { records.count }

    /// Records sorted by path, the order they are written in.
    public var sorted: [SourceRecord] { records.values.sorted { $0.path < $1.path } }

    // MARK: - Serialization (the commit's user data)

    /// Compact JSON: an array sorted by path, so the same table always serializes to the same bytes.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(sorted), as: UTF8.self)
    }

    /// Reads what `encoded()` wrote.
    public init(decoding text: String) throws {
        let list = try JSONDecoder().decode([SourceRecord].self, from: Data(text.utf8))
        self.init(records: list)
    }
}
