/// A phrase to highlight where it occurs whole: analyzed terms and their positions relative to the first.
public struct PhrasePattern: Hashable, Sendable {
    /// The phrase's analyzed terms, in order.
    public var terms: [String]
    /// Each term's position relative to the first term's.
    public var offsets: [Int]

    /// A phrase pattern; `offsets` has one entry per term.
    public init(terms: [String], offsets: [Int]) {
        self.terms = terms
        self.offsets = offsets
    }
}

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
