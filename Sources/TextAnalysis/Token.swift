/// One indexed term of a text, with where it came from.
///
/// `start..<end` are UTF-8 byte offsets into the analyzed text: slicing the text's `utf8` view there gives
/// the token's surface form (`China's` for the term `china`, `U.S.` for `u.s`), which snippets highlight.
public struct Token: Hashable, Sendable {
    /// The normalized term: lowercase, width-folded, stemmed for English words.
    public var term: String
    /// The word position. Phrases match consecutive positions; tokens of one compound may share one.
    public var position: Int
    /// UTF-8 byte offset of the surface form's first byte.
    public var start: Int
    /// UTF-8 byte offset just past the surface form.
    public var end: Int
    /// Whether no separator stands between this token and the one before it: the later parts of a
    /// hyphenated compound, the bigrams after the first of a CJK run, a word glued to a CJK run.
    ///
    /// A query parser reads a first token and its joined successors as one phrase.
    public var isJoinedToPrevious: Bool

    /// Creates a token.
    public init(term: String, position: Int, start: Int, end: Int, isJoinedToPrevious: Bool = false) {
        self.term = term
        self.position = position
        self.start = start
        self.end = end
        self.isJoinedToPrevious = isJoinedToPrevious
    }
}

extension Token: CustomStringConvertible {
    /// `term@position[start..<end]`, with a leading `+` when joined to the previous token.
    public var description: String {
        "\(isJoinedToPrevious ? "+" : "")\(term)@\(position)[\(start)..<\(end)]"
    }
}
