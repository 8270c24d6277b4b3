/// Turns a transcript's speaker turns into statements.
///
/// A question and the answer that follows make a statement, spoken by whoever answered. Several questions
/// in a row before one answer are one question (a journalist's follow-up before the podium speaks). A
/// second official who takes up the answer makes a statement of their own with the same question.
/// Moderator and operator turns belong to no statement, and a question they pass over unanswered is not
/// one. Turns before the first question (opening remarks) are statements with an empty question, one per
/// speaker; text before the first turn, from its first sentence on, is the host's opening notes (the
/// speaker who answers most). Place and time lines
/// (`James S. Brady Press Briefing Room`, `2:43 P.M. EDT`, `END 3:41 P.M. EDT`) are no one's words.
struct TranscriptStatements {
    let briefing: BriefingMetadata
    let source: String

    private struct Draft {
        var question: [String]
        var speaker: String
        var answer: [String] = []
    }

    func split(_ transcript: TranscriptBody) -> [Statement] {
        var roster = SpeakerRoster(title: briefing.title, transcript: transcript)
        var statements: [Statement] = []
        var draft: Draft?
        var asking: [String] = []
        var askingOpen = false

        func finish() {
            guard let done = draft else { return }
            draft = nil
            let answer = done.answer.filter { !Self.isStageLine($0) }
            guard !answer.isEmpty || !done.question.isEmpty else { return }
            statements.append(makeStatement(done, answer: answer, ordinal: statements.count + 1))
        }

        // Place and time lines lead; once the notes have begun, their headings belong to them.
        let notes = transcript.preamble.drop { !Self.isProse($0) }.filter { !Self.isStageLine($0) }
        if !notes.isEmpty {
            draft = Draft(question: [], speaker: roster.host, answer: notes)
        }
        let moderators = Self.moderators(of: transcript)
        for turn in transcript.turns {
            switch moderators.contains(turn.label) ? .moderator : turn.role {
            case .question:
                if !askingOpen {
                    finish()
                    asking = []
                    askingOpen = true
                }
                asking.append(contentsOf: turn.paragraphs)
            case .moderator:
                finish()
                asking = []
                askingOpen = false
            case .answer:
                let speaker = roster.name(for: turn.label)
                if askingOpen {
                    finish()
                    draft = Draft(question: asking, speaker: speaker)
                    askingOpen = false
                } else if let current = draft, current.speaker != speaker {
                    finish()
                    draft = Draft(question: current.question, speaker: speaker)
                } else if draft == nil {
                    draft = Draft(question: [], speaker: speaker)
                }
                draft?.answer.append(contentsOf: turn.paragraphs)
            }
        }
        finish()
        return statements
    }

    private func makeStatement(_ draft: Draft, answer: [String], ordinal: Int) -> Statement {
        Statement(
            id: "\(source)#\(ordinal)",
            ordinal: ordinal,
            date: briefing.date,
            spokesperson: draft.speaker,
            title: briefing.title,
            question: draft.question.joined(separator: "\n\n"),
            answer: answer.joined(separator: "\n\n"),
            language: briefing.language,
            kind: briefing.kind == "press-release" || briefing.kind == "news" ? "press-conference" : briefing.kind,
            source: source,
            url: briefing.url
        )
    }

    // MARK: - Lines that are no one's words

    /// Speakers named by name who only moderate (`MR. FERNÁNDEZ HERNÁNDEZ: Thank you. We will go to Katie
    /// next. You should be unmuted now.`): at least two turns, half of them or more short lines that call
    /// on a journalist or close the call.
    static func moderators(of transcript: TranscriptBody) -> Set<String> {
        var turns: [String: (all: Int, calls: Int)] = [:]
        for turn in transcript.turns where turn.role == .answer && !turn.label.isEmpty {
            let length = turn.paragraphs.reduce(0) { $0 + $1.utf8.count }
            var call = false
            if length <= 300 {
                var text: [UInt8] = []
                text.reserveCapacity(length + turn.paragraphs.count)
                for paragraph in turn.paragraphs {
                    if !text.isEmpty { text.append(0x20) }
                    for b in paragraph.utf8 { text.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
                }
                call = callPhrases.contains { Self.contains(text, $0) }
            }
            turns[turn.label, default: (0, 0)].all += 1
            if call { turns[turn.label]!.calls += 1 }
        }
        return Set(turns.filter { $0.value.all >= 2 && $0.value.calls * 2 >= $0.value.all }.keys)
    }

    /// Whether `phrase` occurs in `text`.
    private static func contains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard let first = phrase.first, text.count >= phrase.count else { return false }
        for i in 0...(text.count - phrase.count) where text[i] == first {
            if text[i..<(i + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }

    /// What a moderator says when handing the floor to the next journalist or ending the call, in lower case.
    private static let callPhrases: [[UInt8]] = [
        "next question", "we will go to", "we'll go to", "we’ll go to", "let's go to", "let’s go to", "goes to",
        "go to the line",
        "be unmuted", "line is open", "final question", "last question", "concludes", "that's all the time",
        "that’s all the time", "question comes from", "your line",
    ].map { Array($0.utf8) }

    /// A time line (`2:43 P.M. EDT`, `END 3:41 P.M. EDT`, `END`), or the marks that end a release.
    static func isStageLine(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count <= 32 else { return false }
        // The marks that end a release (`###`, `***`, `# # #`).
        if paragraph.utf8.allSatisfy({ $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "*") || $0 == 0x20 }) {
            return true
        }
        var words = paragraph.split(separator: " ")
        if words.first == "END" || words.first == "END:" { words.removeFirst() }
        guard let time = words.first else { return true }
        guard words.count <= 3, time.contains(":"), time.first?.isNumber == true else { return false }
        return time.allSatisfy { $0.isNumber || $0 == ":" }
    }

    /// Whether text before the first turn is someone's words rather than a place, a time or a heading:
    /// it ends a sentence or is long.
    static func isProse(_ paragraph: String) -> Bool {
        guard let last = paragraph.last else { return false }
        return paragraph.count >= 100 || ".?!”\")".contains(last) && paragraph.split(separator: " ").count >= 4
    }
}
