import TextAnalysis

/// The language a text is analyzed in.
public enum TextLanguage: String, CaseIterable, Sendable {
    /// Each script by its own rule: Latin-script words get English stemming, CJK runs become bigrams.
    case auto
    /// English text: the same rules as `auto`.
    case english = "en"
    /// Chinese text: CJK bigrams; Latin-script words are lowercased but not stemmed.
    case chinese = "zh"

    var analysisLanguage: Language {
        switch self {
        case .auto: .auto
        case .english: .english
        case .chinese: .chinese
        }
    }
}

/// One index term of a text: what the analyzer made of a word or a pair of CJK characters.
public struct AnalyzedTerm: Sendable, Hashable {
    /// The term as indexed (folded, stemmed).
    public var term: String
    /// The token's position, counted from 0; phrases match on consecutive positions.
    public var position: Int
    /// UTF-8 byte offsets of the text the term was made from.
    public var start: Int
    /// The end of that text, exclusive.
    public var end: Int
    /// Whether the token is joined to the previous one: a part of a compound or a CJK bigram.
    public var isJoinedToPrevious: Bool

    /// Creates a term.
    public init(term: String, position: Int, start: Int, end: Int, isJoinedToPrevious: Bool) {
        self.term = term
        self.position = position
        self.start = start
        self.end = end
        self.isJoinedToPrevious = isJoinedToPrevious
    }
}

/// Shows how the index's analyzer splits a text into terms (indexing reads every field as `.auto`).
public enum TermAnalyzer {
    /// The terms of `utf8`, in order; a byte that does not start a valid UTF-8 scalar separates words.
    ///
    /// - Complexity: O(n) in the bytes.
    public static func terms(of utf8: [UInt8], language: TextLanguage = .auto) -> [AnalyzedTerm] {
        var buffer = TokenBuffer()
        utf8.withUnsafeBufferPointer {
            Analyzer().analyze(utf8: $0, language: language.analysisLanguage, into: &buffer)
        }
        return (0..<buffer.count).map { index in
            AnalyzedTerm(
                term: buffer.term(at: index),
                position: buffer.position(at: index),
                start: buffer.start(at: index),
                end: buffer.end(at: index),
                isJoinedToPrevious: buffer.isJoinedToPrevious(at: index)
            )
        }
    }
}
