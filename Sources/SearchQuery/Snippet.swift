/// A passage of a stored text with the words that matched marked.
public struct Snippet: Hashable, Sendable {
    /// The passage: whole sentences where they fit, `…` where it was cut inside one.
    public var text: String
    /// Highlighted ranges as UTF-8 byte offsets into `text`, sorted and disjoint.
    public var highlights: [Range<Int>]

    /// A passage and its highlights.
    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}
