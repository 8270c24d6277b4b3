/// Iterates the documents of one term in one segment, in increasing doc-id order, with their frequencies,
/// positions on demand, and per-block upper bounds for block-max WAND.
///
/// A cursor starts before its first document (`doc == -1`). Deleted documents are not skipped: check
/// `SegmentReader.isDeleted` when collecting. Moving never allocates; the doc and frequency buffers
/// (128 entries each) are allocated once per cursor.
///
/// Corrupted postings (bounds, impossible doc ids) end the iteration and set `error`: a query layer checks
/// `error` after using the cursor, so a damaged file is reported instead of giving wrong results.
///
/// The cursor is a reference (the query layer holds cursors by reference, several clauses sharing one),
/// but its moving state is a `PostingsDecoder` value in memory the cursor allocates: reaching it through a
/// pointer costs no dynamic exclusivity check, where a class's `var`s would cost one on every move.
public final class PostingsCursor {
    /// The value of `doc` once the cursor is exhausted.
    public static let noMoreDocs = Int32.max

    /// The decoding state; the cursor's only owner, deinitialized with it.
    @usableFromInline let state: UnsafeMutablePointer<PostingsDecoder>
    /// Documents of the term in the segment.
    public let docFreq: Int
    /// Where the postings are, for ``reopen()``.
    private let field: FieldID
    private let info: TermInfo

    init(segment: SegmentReader, field: FieldID, info: TermInfo) throws(IndexError) {
        let decoder = try PostingsDecoder(segment: segment, field: field, info: info)
        state = .allocate(capacity: 1)
        state.initialize(to: decoder)
        docFreq = info.docFreq
        self.field = field
        self.info = info
        // On failure deinit frees the state: self is fully initialized here.
        try state.pointee.decodeSingleBlock()
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// A new cursor over the same postings, before their first document: no dictionary lookup.
    /// - Throws: `IndexError.corrupted` as ``SegmentReader/postings(field:info:)`` does.
    public func reopen() throws(IndexError) -> PostingsCursor {
        try PostingsCursor(segment: state.pointee.segment, field: field, info: info)
    }

    /// The current document, -1 before the first move, `noMoreDocs` at the end.
    @inlinable
    public var doc: Int32 { state.pointee.current }

    /// The current document's frequency of the term.
    @inlinable
    public var freq: UInt32 { state.pointee.freq }

    /// The first corruption met, if any; the cursor is then exhausted.
    public var error: IndexError? { state.pointee.error }

    // MARK: - Moving

    /// Moves to the next document and returns it (`noMoreDocs` at the end).
    @inlinable
    @inline(__always)
    @discardableResult
    public func next() -> Int32 { state.pointee.next() }

    /// Calls `body` with every document up to `last` and its frequency, from the current one on, and
    /// leaves the cursor on the first document after `last` (returned). The cursor must be on a document.
    ///
    /// A loop over the decoded block's arrays: for callers that read every posting of a range.
    @inlinable
    @inline(__always)
    public func forEach(through last: Int32, _ body: (_ doc: Int32, _ freq: UInt32) -> Void) -> Int32 {
        state.pointee.forEach(through: last, body)
    }

    /// Moves to the first document ≥ `target` and returns it (`noMoreDocs` if none).
    ///
    /// - Complexity: skips whole blocks through the skip entries without decoding them.
    public func advance(to target: Int32) -> Int32 { state.pointee.advance(to: target) }

    // MARK: - Block-max bounds

    /// Moves the block-max probe to the block that holds `target` (or the first block after it) without
    /// decoding anything or moving `doc`. Targets must not decrease between calls.
    public func shallowAdvance(to target: Int32) { state.pointee.shallowAdvance(to: target) }

    /// The last document of the probed block; `noMoreDocs` (with no impacts) once the probe passed the
    /// last document. Valid after `shallowAdvance`.
    public var blockLastDoc: Int32 { state.pointee.blockLastDoc }

    /// How many (frequency, norm) pairs bound the probed block: every document of the block has a
    /// frequency at most, and a norm at least, those of one of them. Valid after `shallowAdvance`.
    @inlinable
    public var blockImpactCount: Int { state.pointee.impactCount }

    /// Impact `i` (in `0..<blockImpactCount`) of the probed block; frequencies and norms increase with `i`.
    /// Norms are 0 for keyword fields.
    @inlinable
    public func blockImpact(_ i: Int) -> (freq: UInt32, norm: UInt8) {
        (state.pointee.impactFrequencies[i], state.pointee.impactNorms[i])
    }

    /// The largest frequency in the probed block (0 past the end).
    public var blockMaxFreq: UInt32 {
        let count = state.pointee.impactCount
        return count == 0 ? 0 : state.pointee.impactFrequencies[count - 1]
    }

    // MARK: - Positions

    /// Replaces `positions` with the current document's positions, in increasing order.
    ///
    /// Reads `.pos` only when called; reuses `positions`' capacity. A block's positions are one stream of
    /// values (each document's deltas, in document order): chunks of 128 bit-packed values, then VInts. The
    /// document's first value is found by summing the frequencies before it; only the chunks that hold its
    /// values are unpacked, and tail values before it are skipped without decoding.
    /// - Throws: `IndexError.corrupted` naming the positions file when its data is damaged.
    public func readPositions(into positions: inout [UInt32]) throws(IndexError) {
        try state.pointee.readPositions(into: &positions)
    }
}
