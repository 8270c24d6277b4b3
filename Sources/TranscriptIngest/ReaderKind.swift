/// Which reader read a source: what `podium parse` shows per source and `index build` counts.
///
/// The raw value is a stable short name for scripts (`podium parse --format jsonl` writes it as `reader`).
public enum ReaderKind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// The ministry's transcript layout (`#News_Body_Txt_A`, `div.content` with questions and answers).
    case ministryTranscript = "ministry"
    /// A transcript in any other layout: speaker turns in capitals, `Q:` questions.
    case genericTranscript = "transcript"
    /// The main text of any other page, cut into passages.
    case article
    /// A Markdown file with front matter.
    case markdown
    /// A JSONL file, one statement per line.
    case jsonl
    /// A page with no main text (a listing, a login wall, a gallery): read, then skipped.
    case listing

    /// The reader in words, singular: `"ministry transcript"`.
    public var description: String {
        switch self {
        case .ministryTranscript: "ministry transcript"
        case .genericTranscript: "generic transcript"
        case .article: "article"
        case .markdown: "Markdown file"
        case .jsonl: "JSONL file"
        case .listing: "listing"
        }
    }

    /// `count` sources read by this reader: `"40 ministry transcripts"`, `"1 article"`, `"2 JSONL files"`.
    public func counted(_ count: Int) -> String {
        count == 1 ? "1 \(description)" : "\(count) \(description)s"
    }
}
