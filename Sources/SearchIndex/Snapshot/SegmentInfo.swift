/// What the commit records about one segment.
public struct SegmentInfo: Codable, Sendable, Equatable {
    /// The segment's name: the stem of its files (`<id>.tim`, `<id>.doc`, ...).
    public var id: String
    /// Documents in the segment, deleted ones included; local doc ids are `0..<maxDoc`.
    public var maxDoc: Int
    /// Documents marked deleted in the current delete generation.
    public var deleteCount: Int
    /// The generation of the delete bitset file `<id>_<generation>.del`; 0 means no deletes.
    public var deleteGeneration: Int
    /// Distinct (field, term) keys in the term dictionary.
    public var termCount: Int
    /// Per text field, the exact sum of field lengths over all `maxDoc` documents.
    public var fieldLengthSums: [UInt64]
    /// Per text field, the number of documents whose field has at least one token.
    public var fieldDocCounts: [Int]

    /// Documents not deleted.
    public var liveDocCount: Int { maxDoc - deleteCount }

    /// The names of the segment's files in the current generation.
    public var fileNames: [String] {
        var names = [IndexFileKind.terms, .postings, .positions, .norms, .dates, .stored, .ids, .columns, .lexicon].map
        {
            "\(id).\($0.rawValue)"
        }
        if deleteGeneration > 0 { names.append(deleteFileName(generation: deleteGeneration)) }
        return names
    }

    package func fileName(_ kind: IndexFileKind) -> String { "\(id).\(kind.rawValue)" }

    package func deleteFileName(generation: Int) -> String { "\(id)_\(generation).del" }
}
