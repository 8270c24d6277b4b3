/// The fields of an index, fixed when it is created and recorded in every commit.
///
/// Text fields hold tokens with positions and a one-byte length norm per document; keyword fields hold
/// a few exact terms per document without positions; stored fields are returned verbatim for the top hits.
/// Every document also has one `Int32` date (`yyyymmdd`, 0 = unknown).
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

    /// Creates a schema.
    ///
    /// - Parameter idField: one of `storedFields`, read in O(1) per document (a run file needs the id of
    ///   every hit, not the whole statement).
    /// - Precondition: at most 255 indexed fields, and no name used twice within a list.
    public init(textFields: [String], keywordFields: [String], storedFields: [String], idField: String? = nil) {
        self.textFields = textFields
        self.keywordFields = keywordFields
        self.storedFields = storedFields
        self.idField = idField
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
        guard Set(indexed).count == indexed.count, Set(storedFields).count == storedFields.count else {
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
