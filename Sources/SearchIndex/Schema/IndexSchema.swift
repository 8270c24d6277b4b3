/// The fields of an index, fixed when it is created and recorded in every commit.
///
/// Text fields hold tokens with positions and a one-byte length norm per document; keyword fields hold
/// a few exact terms per document without positions; stored fields are returned verbatim for the top hits.
/// Every document also has one `Int32` date (`yyyymmdd`, 0 = unknown), and one value per column (see
/// ``ColumnField``): what facets count and sorts read without touching the stored fields.
public struct IndexSchema: Codable, Sendable, Equatable {
    /// Full-text fields, in the order their `FieldID`s are numbered (0, 1, ...).
    public var textFields: [String]
    /// Exact-term fields, numbered after the text fields.
    public var keywordFields: [String]
    /// Fields kept verbatim per document, numbered by `StoredFieldID` in this order.
    public var storedFields: [String]
    /// A stored field holding a short identifier per document, kept uncompressed in its own column (the
    /// segment's `.ids` file) so that `SegmentReader.storedValue` returns it without decompressing a block;
    /// `nil` when every stored field goes to the compressed blocks.
    public var idField: String?
    /// Per-document columns (doc values), numbered by `ColumnID` in this order. A new column is a schema
    /// change recorded in every commit, not a new format version: the `.col` file describes its columns.
    public var columns: [ColumnField]

    /// Creates a schema.
    ///
    /// - Parameter idField: one of `storedFields`, read in O(1) per document (a run file needs the id of
    ///   every hit, not the whole statement).
    ///   - columns: the per-document columns, each with one value (or none) per document.
    /// - Precondition: at most 255 indexed fields, and no name used twice within a list.
    public init(
        textFields: [String],
        keywordFields: [String],
        storedFields: [String],
        idField: String? = nil,
        columns: [ColumnField] = []
    ) {
        self.textFields = textFields
        self.keywordFields = keywordFields
        self.storedFields = storedFields
        self.idField = idField
        self.columns = columns
    }

    /// Decodes a schema; a commit without `columns` has none (the version check then refuses older ones
    /// with their own message, not a decoding error).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        textFields = try container.decode([String].self, forKey: .textFields)
        keywordFields = try container.decode([String].self, forKey: .keywordFields)
        storedFields = try container.decode([String].self, forKey: .storedFields)
        idField = try container.decodeIfPresent(String.self, forKey: .idField)
        columns = try container.decodeIfPresent([ColumnField].self, forKey: .columns) ?? []
    }

    /// The id of a column, or `nil`.
    public func column(named name: String) -> ColumnID? {
        columns.firstIndex { $0.name == name }.map { ColumnID(rawValue: UInt16($0)) }
    }

    /// The id of a text or keyword field, or `nil` when the schema has no such indexed field.
    public func field(named name: String) -> FieldID? {
        if let k = textFields.firstIndex(of: name) { return FieldID(rawValue: UInt8(k)) }
        if let k = keywordFields.firstIndex(of: name) { return FieldID(rawValue: UInt8(textFields.count + k)) }
        return nil
    }

    /// The id of a stored field, or `nil`.
    public func storedField(named name: String) -> StoredFieldID? {
        storedFields.firstIndex(of: name).map { StoredFieldID(rawValue: UInt16($0)) }
    }

    /// The stored field kept in the id column, or `nil`.
    public var idStoredField: StoredFieldID? { idField.flatMap(storedField(named:)) }

    /// Whether `field` is a text field (positions and norms) rather than a keyword field.
    @inline(__always)
    public func isText(_ field: FieldID) -> Bool { Int(field.rawValue) < textFields.count }

    /// The number of indexed (text + keyword) fields.
    public var indexedFieldCount: Int { textFields.count + keywordFields.count }

    /// The name of an indexed field.
    public func name(of field: FieldID) -> String {
        let k = Int(field.rawValue)
        return k < textFields.count ? textFields[k] : keywordFields[k - textFields.count]
    }

    package func validate() throws(IndexError) {
        guard indexedFieldCount <= 255 else {
            throw IndexError(.invalidArgument, "a schema has at most 255 indexed fields")
        }
        guard storedFields.count <= Int(UInt16.max) else {
            throw IndexError(.invalidArgument, "a schema has at most 65535 stored fields")
        }
        let indexed = textFields + keywordFields
        guard Set(indexed).count == indexed.count, Set(storedFields).count == storedFields.count,
            Set(columns.map(\.name)).count == columns.count, columns.count <= Int(UInt16.max)
        else {
            throw IndexError(.invalidArgument, "a field name is used twice in the schema")
        }
        if let idField, !storedFields.contains(idField) {
            throw IndexError(.invalidArgument, "the id field '\(idField)' is not a stored field of the schema")
        }
    }
}

/// An indexed field: text fields are numbered first, keyword fields after them.
public struct FieldID: Hashable, Sendable, Codable {
    /// The field's number; the first byte of every term key in the term dictionary.
    public let rawValue: UInt8
    /// The field with this number (see `IndexSchema.field(named:)`).
    public init(rawValue: UInt8) { self.rawValue = rawValue }
}

/// A stored field, numbered in `IndexSchema.storedFields` order.
public struct StoredFieldID: Hashable, Sendable {
    /// The field's index in `IndexSchema.storedFields`.
    public let rawValue: UInt16
    /// The stored field with this number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }
}

/// The analyzer that produced the tokens: an index is only queried with the same one.
public struct AnalyzerIdentity: Codable, Sendable, Equatable {
    /// The analyzer's name.
    public var name: String
    /// Its version: a change of tokens means a new version and a rebuild.
    public var version: String
    /// An identity.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// A per-document column (doc values): one value or none per document, kept apart from the postings and
/// the stored fields so that a query can read it for every match.
public struct ColumnField: Codable, Sendable, Equatable {
    /// What a column holds.
    public enum Kind: String, Codable, Sendable {
        /// A short string (a speaker, a language), kept as an ordinal into the segment's sorted dictionary of
        /// the column's values: facets count ordinals and turn them into strings once.
        case keyword
        /// A signed 64-bit integer (a fingerprint, a group id).
        case int64
    }

    /// The column's name, unique among the schema's columns.
    public var name: String
    /// What it holds.
    public var kind: Kind

    /// A column named `name` of `kind`.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// A column, numbered in `IndexSchema.columns` order.
public struct ColumnID: Hashable, Sendable {
    /// The column's index in `IndexSchema.columns`.
    public let rawValue: UInt16
    /// The column with this number.
    public init(rawValue: UInt16) { self.rawValue = rawValue }
}
