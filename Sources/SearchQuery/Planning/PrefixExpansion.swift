/// How a `prefix*` word was expanded.
public struct PrefixExpansion: Hashable, Sendable {
    /// The prefix as typed, without the `*`.
    public var prefix: String
    /// The fields where terms were found.
    public var fields: [String]
    /// The terms used, over all fields, in order.
    public var terms: [String]
    /// Whether, in some field, more terms start with the prefix than the bound allows (the rarest were
    /// left out there).
    public var isTruncated: Bool
    /// Whether this is a lone CJK character expanded to the bigrams that hold it, not a `prefix*` word.
    public var isCharacter = false
}
