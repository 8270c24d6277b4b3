/// Splits a page body's paragraphs into statements by their speaker markers.
///
/// A question starts at `Q:`, `Follow-up:`, `Journalist…:`, `问：`, `追问：`, `<outlet>记者：`, or a bold
/// `<Outlet>:` lead-in; an answer at `A:`, `答：`, or a spokesperson's name. A bold paragraph right after a
/// question continues it; any other unmarked paragraph belongs to the answer. Paragraphs before the first
/// question are the opening remarks: one statement with an empty question. A page without markers (a
/// statement or press release) is one statement.
struct StatementSplitter {
    let briefing: BriefingMetadata
    let source: String

    /// A statement under construction.
    private struct Draft {
        var question: [String] = []
        var answer: [String] = []
        var outlet = ""
        var spokesperson = ""
        var followUp = false

        var isEmpty: Bool { question.isEmpty && answer.isEmpty }
    }

    private enum State {
        case opening
        case question
        case answer
    }

    func split(_ blocks: [TextBlock]) -> [Statement] {
        var statements: [Statement] = []
        var draft = Draft()
        var state = State.opening
        var answeringNames: Set<String> = SpeakerNames.knownSpokespersons
        if !briefing.spokesperson.isEmpty { answeringNames.insert(briefing.spokesperson) }

        func finish() {
            guard !draft.isEmpty else { return }
            statements.append(makeStatement(draft, ordinal: statements.count + 1))
            draft = Draft()
        }

        for block in blocks {
            let marker = SpeakerMarker(
                block,
                state: state == .question ? .afterQuestion : .other,
                names: answeringNames
            )
            switch marker?.role {
            case .question?:
                finish()
                draft.outlet = marker!.outlet
                draft.followUp = marker!.followUp
                state = .question
                if let rest = marker!.rest(of: block) { draft.question.append(rest) }
            case .answer?:
                if !marker!.speaker.isEmpty {
                    draft.spokesperson = marker!.speaker
                    answeringNames.insert(marker!.speaker)
                }
                state = .answer
                if let rest = marker!.rest(of: block) { draft.answer.append(rest) }
            case nil:
                let text = block.text
                switch state {
                case .question where block.startsBold || block.isMostlyBold:
                    draft.question.append(text)
                case .question, .answer, .opening:
                    if state == .question { state = .answer }
                    draft.answer.append(text)
                }
            }
        }
        finish()
        return statements
    }

    private func makeStatement(_ draft: Draft, ordinal: Int) -> Statement {
        Statement(
            id: "\(source)#\(ordinal)",
            ordinal: ordinal,
            date: briefing.date,
            spokesperson: draft.spokesperson.isEmpty ? briefing.spokesperson : draft.spokesperson,
            outlet: draft.outlet,
            title: briefing.title,
            question: draft.question.joined(separator: "\n\n"),
            answer: draft.answer.joined(separator: "\n\n"),
            language: briefing.language,
            kind: briefing.kind,
            source: source,
            url: briefing.url,
            followUp: draft.followUp,
            publisher: briefing.publisher
        )
    }
}
