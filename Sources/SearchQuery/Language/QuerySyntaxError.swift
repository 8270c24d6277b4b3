/// A query that cannot be understood, with the spot where understanding stopped.
///
/// Free text with stray punctuation never produces this error: unbalanced parentheses and quotes, lone
/// operators and punctuation-only words are read leniently. What remains are values that have no reading
/// at all (`date:2019-13`, `date:2020..2019`), a field name with nothing after it, a query that ends in
/// `AND` or `OR` after a word (`(foo AND`: cut off, its meaning unknown), a lowercase word
/// glued by a colon to a value that names no field (`spekaer:geng`), unknown topics, and queries past the size
/// and nesting limits that keep the engine safe from hostile input.
public struct QuerySyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of mistake, for callers that react to one (with a hint, say) without reading the message,
    /// whose words may change.
    public enum Code: Hashable, Sendable {
        /// The query is longer than ``QueryParser/maximumLength`` bytes.
        case tooLong
        /// Parentheses and field groups nest deeper than ``QueryParser/maximumDepth``.
        case tooDeep
        /// The query holds more than ``QueryParser/maximumLeaves`` words, phrases and values.
        case tooManyWords
        /// Nothing is left to search for once operators and punctuation are set aside.
        case nothingToSearch
        /// The query ends right after `AND` or `OR` that has a word before it (`(foo AND`).
        case missingOperand
        /// A field name with no value after it (`speaker:`).
        case missingValue
        /// `topic:` with no topic name after it.
        case missingTopicName
        /// A field that takes one value was given a group (`lang:(en zh)`).
        case notOneValue
        /// The value of `date:` is not a date, nor a range of dates.
        case invalidDate
        /// The range of `date:` ends before it starts (`date:2020..2019`).
        case reversedDateRange
        /// A word that looks like a field name before a colon and a value names no field (`spekaer:geng`).
        case unknownField
        /// `topic:NAME` names no topic of the topics file.
        case unknownTopic
    }

    /// The kind of mistake.
    public var code: Code
    /// What went wrong, in words for the person who typed the query.
    public var message: String
    /// The offset of the spot, in characters (extended grapheme clusters) from the start of the query: the
    /// column where a caret goes when the query is printed on a line of its own.
    public var offset: Int
    /// The same spot as a UTF-8 byte offset into the query.
    public var byteOffset: Int

    /// Creates an error at a byte offset of `query`, computing the character offset from it.
    /// - Parameters:
    ///   - code: The kind of mistake.
    ///   - message: What went wrong.
    ///   - byteOffset: Where, in UTF-8 bytes from the start of `query`; clamped to the query's length.
    ///   - query: The query text the offset points into.
    public init(_ code: Code, _ message: String, byteOffset: Int, in query: String) {
        let utf8 = query.utf8
        let clamped = max(0, min(byteOffset, utf8.count))
        self.code = code
        self.message = message
        self.byteOffset = clamped
        // A byte offset inside a multi-byte character or cluster points at that character.
        var bytes = 0
        var characters = 0
        for character in query {
            let width = character.utf8.count
            if bytes + width > clamped { break }
            bytes += width
            characters += 1
        }
        self.offset = characters
    }

    /// `message (at character N)`.
    public var description: String { "\(message) (at character \(offset + 1))" }
}
