/// Cuts an article's paragraphs into statements: the passages a user would quote.
///
/// A passage is one paragraph, or a run of short paragraphs read together, so that a hit shows enough
/// to be understood and no more: paragraphs are added to a passage until it holds at least
/// `targetCharacters`, and a paragraph that would take it past `maximumCharacters` starts the next one
/// (a single longer paragraph stays whole: it is what the publisher wrote as one thought). A heading
/// always opens a passage and stays with the paragraphs that follow it. Every passage is a statement with
/// an empty question and the page's metadata.
struct ArticlePassages {
    let briefing: BriefingMetadata
    let source: String

    /// A passage is complete once it holds this many characters.
    static let targetCharacters = 400
    /// A paragraph that would take a passage past this many characters starts a new one.
    static let maximumCharacters = 1200

    func split(_ paragraphs: [ArticleParagraph]) -> [Statement] {
        var statements: [Statement] = []
        var passage: [String] = []
        var characters = 0
        var endsWithHeading = false

        func finish() {
            guard !passage.isEmpty else { return }
            statements.append(makeStatement(passage, ordinal: statements.count + 1))
            passage.removeAll()
            characters = 0
        }

        for paragraph in paragraphs {
            if paragraph.kind == .heading {
                if !endsWithHeading { finish() }
            } else if !endsWithHeading, !passage.isEmpty,
                characters >= Self.targetCharacters || characters + paragraph.characters > Self.maximumCharacters
            {
                finish()
            }
            passage.append(paragraph.text.text)
            characters += paragraph.characters
            endsWithHeading = paragraph.kind == .heading
        }
        finish()
        return statements
    }

    private func makeStatement(_ paragraphs: [String], ordinal: Int) -> Statement {
        Statement(
            id: "\(source)#\(ordinal)",
            ordinal: ordinal,
            date: briefing.date,
            spokesperson: briefing.spokesperson,
            title: briefing.title,
            answer: paragraphs.joined(separator: "\n\n"),
            language: briefing.language,
            kind: briefing.kind,
            source: source,
            url: briefing.url,
            publisher: briefing.publisher
        )
    }
}
