import SearchIndex
import SearchQuery
import TextAnalysis

extension PodiumIndex {
    /// The excerpt of a hit and the field it comes from: the answer when a query word is in it, else the
    /// question, else the title. An answer read as a stream (`streamed`, not empty) is not in `statement`.
    func excerpt(
        of statement: Statement,
        streamed: inout StreamedSnippet,
        for results: SearchResults
    ) -> (Excerpt, ExcerptSource) {
        func excerpt(_ snippet: Snippet) -> Excerpt { Excerpt(text: snippet.text, highlights: snippet.highlights) }
        let hasAnswer = !statement.answer.isEmpty || !streamed.isEmpty
        let answer = streamed.isEmpty ? searcher.snippet(of: statement.answer, for: results) : streamed.finish()
        if !answer.highlights.isEmpty { return (excerpt(answer), .answer) }
        if !statement.question.isEmpty {
            let question = searcher.snippet(of: statement.question, for: results)
            if !question.highlights.isEmpty || !hasAnswer { return (excerpt(question), .question) }
        }
        if !statement.title.isEmpty {
            let title = searcher.snippet(of: statement.title, for: results)
            if !title.highlights.isEmpty { return (excerpt(title), .title) }
        }
        return (excerpt(answer), .answer)
    }

    static let analyzer = Analyzer()
    static let answerField = StatementSchema.schema.storedField(named: "answer")!

    /// The statement at `address`; with `streaming`, an answer of 1 MiB or more is handed to it in pieces
    /// and left empty.
    func statement(
        at address: DocumentAddress,
        streaming: UnsafeMutablePointer<StreamedSnippet>? = nil
    ) throws(PodiumError) -> Statement {
        do {
            let segment = snapshot.segments[address.segment]
            guard let streaming else {
                return StatementSchema.statement(from: try segment.storedFields(address.document))
            }
            let fields = try segment.storedFields(address.document) { field, bytes in
                field == Self.answerField && streaming.pointee.feed(bytes)
            }
            return StatementSchema.statement(from: fields)
        } catch {
            throw PodiumError(error, index: directory)
        }
    }
}
