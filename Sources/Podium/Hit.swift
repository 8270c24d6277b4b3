import TranscriptIngest

/// A passage of a statement with the words that matched marked.
public struct Excerpt: Sendable, Hashable, Codable {
    /// The passage, sentence-aligned, at most about 300 characters.
    public var text: String
    /// Highlighted ranges, as UTF-8 byte offsets into `text`, sorted and disjoint.
    public var highlights: [Range<Int>]

    /// Creates an excerpt; `highlights` are UTF-8 byte ranges of `text`.
    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// The passage with every highlight wrapped in `open` and `close` (`**` for Markdown and CSV).
    public func marked(open: String = "**", close: String = "**") -> String {
        guard !highlights.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + highlights.count * (open.utf8.count + close.utf8.count))
        var at = 0
        for range in highlights where range.lowerBound >= at && range.upperBound <= bytes.count {
            out.append(contentsOf: bytes[at..<range.lowerBound])
            out.append(contentsOf: open.utf8)
            out.append(contentsOf: bytes[range])
            out.append(contentsOf: close.utf8)
            at = range.upperBound
        }
        out.append(contentsOf: bytes[at...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The highlighted words themselves.
    public var highlightedWords: [String] {
        let bytes = Array(text.utf8)
        return highlights.filter { $0.upperBound <= bytes.count }.map {
            String(decoding: bytes[$0], as: UTF8.self)
        }
    }
}

/// Which field of a statement an excerpt was taken from.
///
/// Only an excerpt from the answer is the spokesperson's words: one from the question is the asker's, and
/// one from the title the briefing's, and every output labels them so.
public enum ExcerptSource: String, Sendable, Hashable, Codable {
    /// The answer: what the spokesperson said.
    case answer
    /// The question: what the journalist asked.
    case question
    /// The briefing's title.
    case title
}

/// One search result: a statement, its score and its best excerpt.
public struct Hit: Sendable {
    /// The statement that matched; for a run file (`excerpts` off) only its `id` is filled.
    public var statement: Statement
    /// The BM25 score (with the topic's, when one reorders the matches).
    public var score: Double
    /// The statement's best passage, with the matched words marked.
    public var excerpt: Excerpt
    /// The field the excerpt was taken from: the answer whenever the query's words occur in it.
    public var excerptFrom: ExcerptSource
    /// Lines that say which terms and topic entries made up the score, when asked for.
    public var explanation: [String]
    /// The other sources that hold this statement (folded into this hit), in index order.
    public var copies: [StatementCopy] = []

    /// Creates a hit.
    public init(
        statement: Statement,
        score: Double,
        excerpt: Excerpt,
        excerptFrom: ExcerptSource = .answer,
        explanation: [String] = []
    ) {
        self.statement = statement
        self.score = score
        self.excerpt = excerpt
        self.excerptFrom = excerptFrom
        self.explanation = explanation
    }
}

extension Hit {
    /// Who the excerpt's words belong to when they are not the answer's, as a label to put before them:
    /// `Q (Bloomberg)`, `Q` when the asker is unknown, `Title`; `nil` for an excerpt from the answer.
    public var excerptLabel: String? {
        switch excerptFrom {
        case .answer: return nil
        case .question: return statement.outlet.isEmpty ? "Q" : "Q (\(statement.outlet))"
        case .title: return "Title"
        }
    }
}
