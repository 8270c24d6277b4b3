/// One unit of retrieval: a question with its answer, and the metadata of the briefing it belongs to.
///
/// The question is empty for opening remarks and for the body of a statement or press release.
/// Every field is plain text: no markup, no entity text, single spaces, paragraphs joined with `"\n\n"`.
public struct Statement: Sendable, Hashable, Codable {
    /// Stable identifier: `"<source>#<ordinal>"` for pages; the line's own `id` for JSONL sources.
    public var id: String
    /// 1-based order of the statement within its source.
    public var ordinal: Int
    /// `"YYYY-MM-DD"`, or `""` when the source gives no date (the source result then carries a warning).
    public var date: String
    /// Who answered, normalized (`"Hua Chunying"`, `"华春莹"`); `""` for unsigned statements and releases.
    public var spokesperson: String
    /// Who asked, normalized (`"Bloomberg News"` → `"Bloomberg"`); `""` when the page does not say.
    public var outlet: String
    /// The briefing's title.
    public var title: String
    /// The question, without its `Q:` / outlet marker; `""` for opening remarks and releases.
    public var question: String
    /// The answer, without its `A:` / spokesperson marker; paragraphs joined with `"\n\n"`.
    public var answer: String
    /// `"en"` or `"zh"` (JSONL sources may give other codes).
    public var language: String
    /// The briefing's kind: `"press-conference"` (also a press briefing or gaggle),
    /// `"answers-to-journalists"`, `"statement"`, `"press-release"`, `"fact-sheet"`, `"remarks"`, `"news"`,
    /// or what a JSONL line says.
    public var kind: String
    /// The source file's path, as it was given to the reader.
    public var source: String
    /// The page's canonical URL when known, else `""`.
    public var url: String
    /// Whether the question is a follow-up (`Follow-up:`, `Journalist:`, `追问：`).
    public var followUp: Bool
    /// Who published the page: a site, company or government office (`og:site_name`, the URL's host);
    /// `""` when the source does not say.
    public var publisher: String

    /// Creates a statement; every field but `id`, `ordinal` and `answer` defaults to empty.
    public init(
        id: String,
        ordinal: Int,
        date: String = "",
        spokesperson: String = "",
        outlet: String = "",
        title: String = "",
        question: String = "",
        answer: String,
        language: String = "",
        kind: String = "",
        source: String = "",
        url: String = "",
        followUp: Bool = false,
        publisher: String = ""
    ) {
        self.id = id
        self.ordinal = ordinal
        self.date = date
        self.spokesperson = spokesperson
        self.outlet = outlet
        self.title = title
        self.question = question
        self.answer = answer
        self.language = language
        self.kind = kind
        self.source = source
        self.url = url
        self.followUp = followUp
        self.publisher = publisher
    }
}

extension Statement {
    /// Decodes a statement; `publisher`, which older outputs lack, defaults to `""`.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try values.decode(String.self, forKey: .id),
            ordinal: try values.decode(Int.self, forKey: .ordinal),
            date: try values.decode(String.self, forKey: .date),
            spokesperson: try values.decode(String.self, forKey: .spokesperson),
            outlet: try values.decode(String.self, forKey: .outlet),
            title: try values.decode(String.self, forKey: .title),
            question: try values.decode(String.self, forKey: .question),
            answer: try values.decode(String.self, forKey: .answer),
            language: try values.decode(String.self, forKey: .language),
            kind: try values.decode(String.self, forKey: .kind),
            source: try values.decode(String.self, forKey: .source),
            url: try values.decode(String.self, forKey: .url),
            followUp: try values.decode(Bool.self, forKey: .followUp),
            publisher: try values.decodeIfPresent(String.self, forKey: .publisher) ?? ""
        )
    }
}
