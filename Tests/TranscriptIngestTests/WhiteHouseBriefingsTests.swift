import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// The White House press briefings of 2021–2023 in `../shared/corpus/whitehouse/press-briefings`, read as
/// Markdown: every briefing's questions, answers and speakers (issue 13, acceptance 2).
@Suite(.enabled(if: WhiteHouseBriefings.isAvailable, SharedData.skipNote))
struct WhiteHouseBriefingsTests {
    @Test func everyBriefingYieldsStatementsDatedByItsFrontMatter() throws {
        let briefings = WhiteHouseBriefings.all
        #expect(briefings.count == 889)
        for briefing in briefings {
            #expect(!briefing.result.statements.isEmpty, "\(briefing.name): no statements")
            let dates = Set(briefing.result.statements.map(\.date))
            #expect(dates == [briefing.date], "\(briefing.name): dates \(dates), front matter \(briefing.date)")
        }
    }

    /// Per briefing, the statements with a question are within max(10%, 1) of the questions a speaker
    /// answers, counted here from the Markdown on its own terms.
    @Test func statementsWithAQuestionMatchTheAnsweredQuestions() throws {
        var off: [String] = []
        var statements = 0
        var counted = 0
        for briefing in WhiteHouseBriefings.all {
            let expected = WhiteHouseBriefings.answeredQuestions(in: briefing.markdown)
            let found = briefing.result.statements.count { !$0.question.isEmpty }
            statements += found
            counted += expected
            if Double(abs(found - expected)) > max(Double(expected) * 0.1, 1) {
                off.append("\(briefing.name): \(found) statements with a question, \(expected) answered questions")
            }
        }
        #expect(off.isEmpty, "\(off.count) briefings off: \(off.prefix(10))")
        print("White House briefings: \(statements) statements with a question, \(counted) answered questions counted")
    }

    @Test func noStatementHoldsMarkdownModeratorsOrAnotherSpeaker() throws {
        var problems: [String] = []
        for briefing in WhiteHouseBriefings.all {
            for statement in briefing.result.statements {
                for text in [statement.question, statement.answer] {
                    if let problem = WhiteHouseBriefings.problem(in: text, markdown: briefing.markdown) {
                        problems.append("\(statement.id): \(problem)")
                    }
                }
                if ["Moderator", "Operator"].contains(statement.spokesperson) {
                    problems.append("\(statement.id): spoken by the \(statement.spokesperson)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) statements: \(problems.prefix(10))")
    }

    /// Pairs read by hand from ten briefings: the start of a question, and who (by the full name the page
    /// gives, else the label in title case) answers it first.
    static let handChecked: [(file: String, question: String, speaker: String)] = [
        ("2022-05-02-press-briefing-by-press-secretary-jen-psaki-may-2-2022", "Great. So, analysts say", "Jen Psaki"),
        ("2022-05-02-press-briefing-by-press-secretary-jen-psaki-may-2-2022", "I got one more, switching", "Jen Psaki"),
        (
            "2022-05-02-press-briefing-by-press-secretary-jen-psaki-may-2-2022", "Thanks, Jen. On the midterms",
            "Jen Psaki"
        ),
        (
            "2023-02-21-on-the-record-press-call-by-national-security-advisor-jake-sullivan", "Great. Hey, Jake.",
            "Jake Sullivan"
        ),
        (
            "2023-02-21-on-the-record-press-call-by-national-security-advisor-jake-sullivan", "Oh, thanks very much.",
            "Jake Sullivan"
        ),
        (
            "2023-02-21-on-the-record-press-call-by-national-security-advisor-jake-sullivan", "Hey. Thanks, Jake, for",
            "Jake Sullivan"
        ),
        (
            "2022-05-18-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-may-18-2022",
            "It’s all happening again.", "Jake Sullivan"
        ),
        (
            "2022-05-18-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-may-18-2022",
            "Thanks so much. Can you talk to us about Turkey", "Jake Sullivan"
        ),
        (
            "2022-05-18-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-may-18-2022",
            "Thanks, Karine. DHS said today", "Karine Jean-Pierre"
        ),
        (
            "2022-05-18-press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-may-18-2022",
            "And then one last on the Dow.", "Karine Jean-Pierre"
        ),
        (
            "2022-05-31-press-briefing-by-press-secretary-karine-jean-pierre-members-of-bts-and-national-economic-council-director-brian-deese-may-31-2022",
            "Brian, one thing that may", "Brian Deese"
        ),
        (
            "2022-05-31-press-briefing-by-press-secretary-karine-jean-pierre-members-of-bts-and-national-economic-council-director-brian-deese-may-31-2022",
            "Does the President think that the Fed needs", "Brian Deese"
        ),
        (
            "2022-05-31-press-briefing-by-press-secretary-karine-jean-pierre-members-of-bts-and-national-economic-council-director-brian-deese-may-31-2022",
            "Brian, is the economy", "Karine Jean-Pierre"
        ),
        (
            "2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021", "Thanks, Jen. First off,",
            "Jen Psaki"
        ),
        (
            "2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021", "Let me ask you on policy",
            "Jen Psaki"
        ),
        (
            "2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021",
            "And as it relates to the Cabinet",
            "Jen Psaki"
        ),
        (
            "2022-07-15-remarks-by-president-biden-at-east-jerusalem-hospital-network-event",
            "Yeah. Okay. I am American Palestinian", "Joe Biden"
        ),
        (
            "2021-03-05-press-briefing-by-white-house-covid-19-response-team-and-public-health-officials-11",
            "Hey, thank you all for taking my question.", "Acting Administrator Slavitt"
        ),
        (
            "2021-03-05-press-briefing-by-white-house-covid-19-response-team-and-public-health-officials-11",
            "Hi there. Thanks for taking my question", "Acting Administrator Slavitt"
        ),
        (
            "2023-10-10-virtual-on-the-record-gaggle-by-nsc-coordinator-for-strategic-communications-john-kirby-on-hamas-terrorist-attacks-in-israel",
            "Okay, thank you, John. Thank you, all", "John Kirby"
        ),
        (
            "2023-10-10-virtual-on-the-record-gaggle-by-nsc-coordinator-for-strategic-communications-john-kirby-on-hamas-terrorist-attacks-in-israel",
            "Yeah. Is there any scenario of the U.S.", "John Kirby"
        ),
        (
            "2022-05-20-press-gaggle-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan",
            "How concerned are you about a possible nuclear", "Jake Sullivan"
        ),
        (
            "2022-05-20-press-gaggle-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan",
            "Will the President get off the plane", "Karine Jean-Pierre"
        ),
        (
            "2021-08-25-background-press-call-by-senior-administration-officials-on-president-bidens-official-working-visit-with-prime-minister-bennett-of-the-state-of-israel",
            "Okay, great. So I wonder, coming out of this", "Senior Administration Official"
        ),
        (
            "2021-07-16-press-briefing-by-white-house-covid-19-response-team-and-public-health-officials-45",
            "Hi, and thanks for taking my question.", "Mr. Zients"
        ),
        (
            "2021-07-16-press-briefing-by-white-house-covid-19-response-team-and-public-health-officials-45",
            "Thank you all for doing this. The President,", "Mr. Zients"
        ),
    ]

    @Test func theAnsweringSpeakersNameIsRightInTheHandCheckedSample() throws {
        let byName = Dictionary(uniqueKeysWithValues: WhiteHouseBriefings.all.map { ($0.name, $0) })
        var wrong: [String] = []
        for pair in Self.handChecked {
            let briefing = try #require(byName[pair.file], "\(pair.file) is not in the folder")
            let statement = briefing.result.statements.first { $0.question.hasPrefix(pair.question) }
            if statement?.spokesperson != pair.speaker {
                wrong.append("\(pair.question) → \(statement?.spokesperson ?? "no statement"), not \(pair.speaker)")
            }
        }
        let right = Self.handChecked.count - wrong.count
        print(
            "White House briefings: \(right) of \(Self.handChecked.count) hand-checked answers name the speaker right"
        )
        #expect(right * 100 >= Self.handChecked.count * 95, "\(right) of \(Self.handChecked.count) right: \(wrong)")
        #expect(Set(Self.handChecked.map(\.file)).count >= 10)
    }
}

/// The briefings, read once for all the tests, and what the tests count in their Markdown.
enum WhiteHouseBriefings {
    static let folder = SharedData.root.appendingPathComponent("corpus/whitehouse/press-briefings")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.path) }

    struct Briefing: Sendable {
        var name: String
        var date: String
        var markdown: String
        var result: SourceResult
    }

    /// Every briefing, read on all cores.
    static let all: [Briefing] = {
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
        let reader = TranscriptReader()
        let slots = Slots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let url = files[index]
            guard let data = try? Data(contentsOf: url) else { return }
            let markdown = String(decoding: data, as: UTF8.self)
            let result = reader.read(bytes: Array(data), path: url.path)
            slots.set(
                index,
                Briefing(
                    name: url.deletingPathExtension().lastPathComponent,
                    date: frontMatterDate(markdown),
                    markdown: markdown,
                    result: result
                )
            )
        }
        return slots.values.compactMap { $0 }
    }()

    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Briefing?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Briefing) { lock.withLock { values[index] = value } }
    }

    /// The `date: 'YYYY-MM-DD'` line of the front matter.
    static func frontMatterDate(_ markdown: String) -> String {
        for line in markdown.split(separator: "\n").prefix(20) where line.hasPrefix("date:") {
            return line.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
        }
        return ""
    }

    // MARK: - Counting turns in the Markdown

    private enum Turn: Equatable {
        case question
        case speaker(String)
    }

    /// The questions a speaker answers: a run of `Q` lines counts once when a speaker (not the moderator)
    /// speaks next, and each further speaker who takes up the same answer counts again.
    static func answeredQuestions(in markdown: String) -> Int {
        let turns = self.turns(in: markdown)
        let moderators = self.moderators(turns)
        var count = 0
        var previous: Turn?
        var answering = false
        for (turn, _) in turns {
            switch turn {
            case .question:
                if previous != .question { answering = false }
            case .speaker(let label) where moderators.contains(label):
                answering = false
                previous = nil
                continue
            case .speaker(let label):
                if previous == .question {
                    count += 1
                    answering = true
                } else if answering, case .speaker(let before) = previous, before != label {
                    count += 1
                }
            }
            previous = turn
        }
        return count
    }

    /// The turns of a briefing with their text: a line opens a turn when it starts a paragraph (after a
    /// blank line, or one holding only no-break spaces) or follows a line that ends a sentence; the lines
    /// after it, up to the next turn, are its text.
    private static func turns(in markdown: String) -> [(Turn, String)] {
        let body = markdown.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        var turns: [(Turn, String)] = []
        var previousLine = ""
        let blank = CharacterSet(charactersIn: " \u{00A0}\t")
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: blank)
            defer { previousLine = line }
            let opens = previousLine.isEmpty || ".?!”\")—".contains(previousLine.last!)
            if opens, let turn = turn(opening: line) {
                turns.append((turn, line))
            } else if !turns.isEmpty {
                turns[turns.count - 1].1 += " " + line
            }
        }
        return turns
    }

    /// The turn `line` opens: `Q`, `QUESTION:`, `AUDIENCE MEMBER:`, or a speaker in capitals and a colon.
    private static func turn(opening line: String) -> Turn? {
        guard let first = line.first else { return nil }
        if first == "Q", line.count == 1 || " \u{00A0}:".contains(line[line.index(after: line.startIndex)]) {
            return .question
        }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon]
        guard label.count <= 60, label.filter(\.isLetter).count >= 2,
            label.allSatisfy({ $0.isUppercase || " .'’-".contains($0) })
        else { return nil }
        if label == "QUESTION" || label.contains("AUDIENCE") || label.contains("REPORTER") { return .question }
        return .speaker(String(label))
    }

    /// Moderators: `MODERATOR`, `OPERATOR` (and misspellings), and anyone whose turns are mostly short lines
    /// that pass the floor to the next journalist or close the call.
    private static func moderators(_ turns: [(Turn, String)]) -> Set<String> {
        var all: [String: Int] = [:]
        var passing: [String: Int] = [:]
        let cues = [
            "next question", "we’ll go to", "we'll go to", "we will go to", "let’s go to", "let's go to",
            "unmuted", "your line", "last question", "final question", "concludes",
        ]
        for case (.speaker(let label), let text) in turns {
            all[label, default: 0] += 1
            let lowered = text.lowercased()
            if text.count < 400, cues.contains(where: { lowered.contains($0) }) { passing[label, default: 0] += 1 }
        }
        return Set(
            all.keys.filter { label in
                label.split(separator: " ").contains { ["MODERATOR", "OPERATOR"].contains($0) }
                    || ["MOERATOR", "MODERTOR", "MODEARTOR"].contains(label)  // the archive's misspellings
                    || all[label]! >= 2 && passing[label, default: 0] * 2 >= all[label]!
            }
        )
    }

    // MARK: - What a statement must not hold

    /// Markdown syntax, a moderator's line, or another speaker's turn in `text`, if any. Asterisks are
    /// text when the file writes them escaped (`\\*\\*Please see below for a correction`).
    static func problem(in text: String, markdown: String) -> String? {
        if text.contains("**"), !markdown.contains("\\*\\*") { return "Markdown '**'" }
        for syntax in ["\\_", "\\[", "](", "__", "\n#", "<br", "&nbsp;"] where text.contains(syntax) {
            return "Markdown or markup '\(syntax)'"
        }
        if text.hasPrefix("#") { return "a Markdown heading" }
        if text.contains("MODERATOR:") || text.contains("OPERATOR:") { return "a moderator's line" }
        for honorific in ["MR. ", "MS. ", "MRS. ", "DR. "] {
            var rest = text[...]
            while let range = rest.range(of: honorific) {
                let name = rest[range.upperBound...].prefix { $0.isUppercase || "-'’".contains($0) }
                let after = rest[range.upperBound...].dropFirst(name.count)
                if name.count >= 2, after.hasPrefix(":") { return "another speaker's turn '\(honorific)\(name):'" }
                rest = rest[range.upperBound...]
            }
        }
        return nil
    }
}
