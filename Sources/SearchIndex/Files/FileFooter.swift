/// The 16 bytes that end every binary index file: magic, file kind, format version, CRC-32C.
///
/// The checksum covers every byte of the file before it, the first 12 footer bytes included, so a flipped
/// byte anywhere (data, magic, kind or version) fails the check.
package enum FileFooter {
    package static let size = 16
    /// "PDMX" read as a little-endian `UInt32`.
    package static let magic: UInt32 = 0x584D_4450
}

/// The kinds of file in an index, with their extension and the four-character tag their footer carries.
public enum IndexFileKind: String, CaseIterable, Sendable {
    /// Term dictionary: front-coded blocks of sorted terms plus the block index.
    case terms = "tim"
    /// Postings: skip data, bit-packed doc-id deltas and frequencies.
    case postings = "doc"
    /// Positions of every term occurrence in text fields.
    case positions = "pos"
    /// One-byte field-length norms per text field and document.
    case norms = "nrm"
    /// The dense `Int32` date column.
    case dates = "dat"
    /// Stored fields: zstd-compressed blocks of records, with the segment's dictionary.
    case stored = "sto"
    /// The id column: each document's value of the schema's `idField`, uncompressed, behind an offset table.
    case ids = "ids"
    /// The per-document columns of the schema (doc values): keyword ordinals with their sorted dictionaries,
    /// `int64` values.
    case columns = "col"
    /// The surface words of the segment's documents with their counts, for spelling suggestions.
    case lexicon = "lex"
    /// A bitset of deleted documents (one file per delete generation).
    case deletes = "del"

    /// The tag written in the footer ("TERM", "POST", ...), as a little-endian `UInt32`.
    package var tag: UInt32 {
        let text: String =
            switch self {
            case .terms: "TERM"
            case .postings: "POST"
            case .positions: "POSN"
            case .norms: "NORM"
            case .dates: "DATE"
            case .stored: "STOR"
            case .ids: "IDCL"
            case .columns: "COLS"
            case .lexicon: "LEXI"
            case .deletes: "DELS"
            }
        var v: UInt32 = 0
        for (k, byte) in text.utf8.enumerated() { v |= UInt32(byte) << (8 * UInt32(k)) }
        return v
    }
}
