/// A reusable list of tokens whose terms live back to back in one byte arena.
///
/// The indexer keeps one buffer per thread and passes it to ``Analyzer/analyze(_:language:into:)`` for every
/// text: the arena and the token table keep their capacity, so the hot path allocates nothing per token,
/// and term bytes are read in place with ``withTermBytes(at:_:)`` or ``termBytes`` and ``termRange(at:)``.
/// The buffer also carries the analyzer's stem cache, so keeping it alive keeps the cache warm.
public struct TokenBuffer: Sendable {
    /// One token, with its term as a range of the arena.
    struct Entry {
        var termStart: Int
        var termLength: Int32
        var isJoinedToPrevious: Bool
        var position: Int
        var start: Int
        var end: Int
    }

    var entries: [Entry] = []
    var arena: [UInt8] = []
    var stemCache = StemCache()
    /// Whether the analyzer records each word's surface form (see ``recordsSurfaceWords``).
    var recordsSurfaces = false
    var surfaceArena: [UInt8] = []
    var surfaceEnds: [Int32] = []

    /// An empty buffer.
    public init() {}

    /// An empty buffer with room for `tokens` tokens and `termBytes` bytes of terms.
    public init(minimumCapacity tokens: Int, termBytes: Int) {
        entries.reserveCapacity(tokens)
        arena.reserveCapacity(termBytes)
    }

    /// Whether analysis also records the surface words of the text: each word of letters (no digits, not a
    /// CJK run, not a dotted acronym), lowercased and folded as its term is but not stemmed (`intellectual`
    /// where the term is `intellectu`). Off by default; the indexer turns it on to build the lexicon that
    /// spelling suggestions are drawn from. The cost is one copy of the word's folded bytes.
    public var recordsSurfaceWords: Bool {
        get { recordsSurfaces }
        set { recordsSurfaces = newValue }
    }

    /// The number of surface words recorded by the last analysis (0 unless ``recordsSurfaceWords``).
    public var surfaceWordCount: Int { surfaceEnds.count }

    /// Calls `body` with the bytes of surface word `index`, without copying them.
    public func withSurfaceWord<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : Int(surfaceEnds[index - 1])
        let end = Int(surfaceEnds[index])
        return try surfaceArena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The number of tokens.
    public var count: Int { entries.count }

    /// Whether there are no tokens.
    public var isEmpty: Bool { entries.isEmpty }

    /// The terms of all tokens, back to back; token `i`'s term is `termBytes[termRange(at: i)]`.
    public var termBytes: [UInt8] { arena }

    /// Where token `index`'s term lies in ``termBytes``.
    public func termRange(at index: Int) -> Range<Int> {
        let entry = entries[index]
        return entry.termStart..<(entry.termStart + Int(entry.termLength))
    }

    /// Calls `body` with the UTF-8 bytes of token `index`'s term, without copying them.
    ///
    /// - Parameters:
    ///   - index: A token index, `0..<count`.
    ///   - body: Reads the bytes; the pointer is valid only during the call.
    /// - Returns: What `body` returns.
    public func withTermBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = termRange(at: index)
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Token `index`'s term as a `String` (allocates; for queries, tests and display).
    public func term(at index: Int) -> String {
        String(decoding: arena[termRange(at: index)], as: UTF8.self)
    }

    /// Token `index`'s word position.
    public func position(at index: Int) -> Int { entries[index].position }

    /// UTF-8 byte offset where token `index`'s surface form starts in the analyzed text.
    public func start(at index: Int) -> Int { entries[index].start }

    /// UTF-8 byte offset just past token `index`'s surface form.
    public func end(at index: Int) -> Int { entries[index].end }

    /// Whether token `index` is glued to the token before it (see ``Token/isJoinedToPrevious``).
    public func isJoinedToPrevious(at index: Int) -> Bool { entries[index].isJoinedToPrevious }

    /// Token `index` as a value (allocates its term).
    public subscript(index: Int) -> Token {
        let entry = entries[index]
        return Token(
            term: term(at: index),
            position: entry.position,
            start: entry.start,
            end: entry.end,
            isJoinedToPrevious: entry.isJoinedToPrevious
        )
    }

    /// All tokens as values (allocates).
    public var tokens: [Token] { (0..<count).map { self[$0] } }

    /// Removes every token, keeping the capacity and the stem cache.
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        surfaceArena.removeAll(keepingCapacity: true)
        surfaceEnds.removeAll(keepingCapacity: true)
    }
}
