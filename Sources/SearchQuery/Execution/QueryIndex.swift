/// What the searcher reads from one postings list: documents in increasing order, frequencies, positions
/// and per-block bounds. `SearchIndex.PostingsCursor` conforms; so does the in-memory index of the tests.
///
/// The searcher is generic over these protocols and specialized for the concrete index, so the scoring
/// loop calls concrete methods: no existential, no allocation per posting.
package protocol QueryPostings: AnyObject {
    /// The current document, `-1` before the first move, `Int32.max` once exhausted.
    var doc: Int32 { get }
    /// The current document's frequency.
    var freq: UInt32 { get }
    /// Documents in the list.
    var docFreq: Int { get }
    /// Moves to the next document and returns it.
    @discardableResult func next() -> Int32
    /// Moves to the first document ≥ `target` and returns it; never moves back.
    @discardableResult func advance(to target: Int32) -> Int32
    /// Calls `body` with every document up to `last` and its frequency, from the current one on (the
    /// cursor must be on a document); leaves the cursor on the first document after `last` and returns it.
    @discardableResult func forEach(through last: Int32, _ body: (_ doc: Int32, _ freq: UInt32) -> Void) -> Int32
    /// Moves the block-max probe to the block that holds `target` without moving `doc`.
    func shallowAdvance(to target: Int32)
    /// The last document of the probed block.
    var blockLastDoc: Int32 { get }
    /// How many (frequency, norm) pairs bound the probed block: each of its documents has at most the
    /// frequency and at least the norm of one of them. 0 once the probe passed the last document.
    var blockImpactCount: Int { get }
    /// Pair `i` of the probed block (norm 0 for keyword fields).
    func blockImpact(_ i: Int) -> (freq: UInt32, norm: UInt8)
    /// Replaces `positions` with the current document's positions.
    /// - Throws: ``SearchError/index(_:)`` when they cannot be read.
    func positions(into positions: inout [UInt32]) throws(SearchError)
    /// What went wrong reading the postings, if anything did: the search reports it instead of results.
    var failure: String? { get }
    /// A new cursor over the same postings, before their first document, opened without a dictionary lookup.
    /// - Throws: ``SearchError/index(_:)`` when they cannot be read.
    func reopened() throws(SearchError) -> Self
}

/// One segment as the searcher reads it.
package protocol QuerySegment {
    associatedtype Postings: QueryPostings
    /// Documents in the segment, deleted ones included.
    var maxDoc: Int { get }
    /// Whether any document of the segment is deleted.
    var hasDeletions: Bool { get }
    /// Whether `doc` is deleted.
    func isDeleted(_ doc: Int32) -> Bool
    /// The one-byte length norms of a text field, `maxDoc` of them (empty for keyword fields).
    func normBytes(field: UInt8) -> UnsafeBufferPointer<UInt8>
    /// The date of `doc` as `yyyymmdd`, `0` when unknown.
    func date(_ doc: Int32) -> Int32
    /// The postings of a term, or `nil` when the segment lacks it.
    func postings(field: UInt8, term: String) throws(SearchError) -> Postings?
    /// The number of distinct values of a keyword column in this segment; its ordinals run `1...count`.
    func columnValueCount(_ column: Int) -> Int
    /// Adds one to `counts[ordinal]` for each of `docs` (in increasing order): `counts` has
    /// `columnValueCount(column) + 1` entries, 0 counting the documents without a value.
    func countColumn(_ column: Int, docs: [Int32], into counts: inout [Int])
    /// Adds one to `counts[year]` for each of `docs`, `counts[0]` for the undated ones.
    func countYears(docs: [Int32], into counts: inout [Int])
    /// The value a keyword column's ordinal names.
    func columnValue(_ column: Int, ordinal: UInt32) throws(SearchError) -> String
    /// The stored fields of `doc` as (name, value) pairs.
    func storedValues(_ doc: Int32) throws(SearchError) -> [(name: String, value: String)]
}

/// An index snapshot as the searcher reads it: segments plus the statistics BM25 needs.
package protocol QueryIndex {
    associatedtype Segment: QuerySegment
    /// The segments, in address order.
    var querySegments: [Segment] { get }
    /// Live (not deleted) documents over all segments: BM25's `N`.
    var liveDocumentCount: Int { get }
    /// The number of an indexed field, or `nil` when the index has no such field.
    func fieldNumber(named name: String) -> UInt8?
    /// The number of a keyword column, or `nil` when the index has no keyword column of that name.
    func columnNumber(named name: String) -> Int?
    /// The names of the keyword columns, for messages.
    var keywordColumnNames: [String] { get }
    /// A text field's summed length and the number of documents that have it.
    func lengthStatistics(field: UInt8) -> (sumLength: UInt64, docCount: Int)
    /// Documents containing `term` in `field`, over all segments.
    func documentFrequency(field: UInt8, term: String) throws(SearchError) -> Int
    /// Distinct indexed terms of `field` starting with `prefix`, in byte order, at most `limit`.
    func terms(field: UInt8, prefix: String, limit: Int) throws(SearchError) -> [String]
    /// Distinct indexed terms of `field` made of one character followed by `suffix` (the CJK bigrams that
    /// end with a character), in byte order, at most `limit`.
    func terms(field: UInt8, afterOneCharacter suffix: String, limit: Int) throws(SearchError) -> [String]
    /// The field length a norm byte stands for.
    func length(ofNorm norm: UInt8) -> UInt32
}
