/// The address of a statement in an index snapshot: its segment's position in the snapshot and its
/// document number inside that segment.
public struct DocumentAddress: Hashable, Sendable, Comparable {
    /// The segment's position in the snapshot.
    public var segment: Int
    /// The document number inside the segment.
    public var document: Int32

    /// An address.
    public init(segment: Int, document: Int32) {
        self.segment = segment
        self.document = document
    }

    /// Snapshot order: by segment, then by document.
    public static func < (lhs: DocumentAddress, rhs: DocumentAddress) -> Bool {
        (lhs.segment, lhs.document) < (rhs.segment, rhs.document)
    }
}
