/// One document to add: tokens per text field, keyword terms, a date and stored fields.
///
/// Reuse one value for many documents (`removeAll()` keeps its capacity): term bytes are copied into an
/// internal arena, so adding a token allocates nothing once the arena has grown.
public struct IndexDocument: Sendable {
    /// A token: its key (field byte + term bytes) in `arena`, and its position (0 for keywords).
    package struct Token: Sendable {
        package var start: UInt32
        package var length: UInt32
        package var position: UInt32
        package var field: UInt8
    }

    package var arena: [UInt8] = []
    package var tokens: [Token] = []
    /// Stored fields, already serialized: per field VInt id, VInt length, bytes.
    package var stored = ByteWriter()
    package var storedCount = 0
    /// Set when the tokens are not sorted by (field, position): `IndexWriter.add` sorts them.
    package var needsSort = false
    /// The document's date as `yyyymmdd`, 0 when unknown.
    public var date: Int32 = 0
    /// The document's column values, at most one per column (the last set wins).
    package var columnValues: [ColumnValue] = []
    /// The surface words of the document's text, back to back, for the segment's lexicon (`SurfaceCounts`).
    package var surfaceArena: [UInt8] = []
    /// Where each surface word of `surfaceArena` ends.
    package var surfaceEnds: [UInt32] = []

    /// A value of one column: a keyword column's string or an `int64` column's number.
    package struct ColumnValue: Sendable {
        package var column: UInt16
        package var text: String
        package var number: Int64
    }

    /// An empty document.
    public init() {}

    /// Forgets everything, keeping allocated capacity.
    public mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        stored.removeAll()
        storedCount = 0
        needsSort = false
        date = 0
        columnValues.removeAll(keepingCapacity: true)
        surfaceArena.removeAll(keepingCapacity: true)
        surfaceEnds.removeAll(keepingCapacity: true)
    }

    /// Gives back the capacity its arrays grew beyond their contents (arrays double as they grow).
    ///
    /// For a document held a while before it is added (analyzed on one thread, written by another), this
    /// can halve its memory; it costs one copy of its bytes.
    public mutating func shrinkToFit() {
        arena = arena.withUnsafeBufferPointer { Array($0) }
        tokens = tokens.withUnsafeBufferPointer { Array($0) }
        stored.bytes = stored.bytes.withUnsafeBufferPointer { Array($0) }
        surfaceArena = surfaceArena.withUnsafeBufferPointer { Array($0) }
        surfaceEnds = surfaceEnds.withUnsafeBufferPointer { Array($0) }
    }

    /// Adds a token of a text field: its UTF-8 term bytes and its position in the field.
    ///
    /// - Parameters:
    ///   - field: a text field of the schema.
    ///   - term: the term's bytes (copied).
    ///   - position: the token's position; positions need not arrive sorted.
    /// - Complexity: O(term length), amortized without allocation.
    public mutating func addToken(field: FieldID, term: UnsafeRawBufferPointer, position: UInt32) {
        if let last = tokens.last,
            last.field > field.rawValue || (last.field == field.rawValue && last.position > position)
        {
            needsSort = true
        }
        let start = UInt32(arena.count)
        arena.append(field.rawValue)
        arena.append(contentsOf: term)
        tokens.append(Token(start: start, length: UInt32(term.count + 1), position: position, field: field.rawValue))
    }

    /// Adds a token of a text field from a `String` (convenience for tests and small callers).
    public mutating func addToken(field: FieldID, term: String, position: UInt32) {
        var term = term
        term.withUTF8 { addToken(field: field, term: UnsafeRawBufferPointer($0), position: position) }
    }

    /// Adds one surface word of the document's text (lowercased and folded, not stemmed) to the words the
    /// segment's lexicon counts; spelling suggestions are drawn from them.
    ///
    /// - Complexity: O(word length), amortized without allocation.
    public mutating func addSurfaceWord(_ word: UnsafeRawBufferPointer) {
        guard !word.isEmpty else { return }
        surfaceArena.append(contentsOf: word)
        surfaceEnds.append(UInt32(surfaceArena.count))
    }

    /// Adds one exact term of a keyword field.
    public mutating func addKeyword(field: FieldID, term: UnsafeRawBufferPointer) {
        addToken(field: field, term: term, position: 0)
    }

    /// Adds one exact term of a keyword field.
    public mutating func addKeyword(field: FieldID, term: String) {
        addToken(field: field, term: term, position: 0)
    }

    /// Appends a stored field; stored fields come back in the order they were added.
    public mutating func addStored(field: StoredFieldID, value: String) {
        var value = value
        value.withUTF8 { utf8 in
            stored.vint(UInt64(field.rawValue))
            stored.vint(utf8.count)
            stored.append(UnsafeRawBufferPointer(utf8))
        }
        storedCount += 1
    }

    /// Sets the document's value of a keyword column (`ColumnField.Kind.keyword`); an empty value is none.
    public mutating func setColumn(_ column: ColumnID, _ value: String) {
        guard !value.isEmpty else { return }
        columnValues.append(ColumnValue(column: column.rawValue, text: value, number: 0))
    }

    /// Sets the document's value of an `int64` column.
    public mutating func setColumn(_ column: ColumnID, int64 value: Int64) {
        columnValues.append(ColumnValue(column: column.rawValue, text: "", number: value))
    }

    /// Sorts tokens by (field, position), keeping the order of equal keys.
    package mutating func sortTokens() {
        var indexed = tokens.enumerated().map { ($0.offset, $0.element) }
        indexed.sort { a, b in
            if a.1.field != b.1.field { return a.1.field < b.1.field }
            if a.1.position != b.1.position { return a.1.position < b.1.position }
            return a.0 < b.0
        }
        tokens = indexed.map { $0.1 }
        needsSort = false
    }
}
