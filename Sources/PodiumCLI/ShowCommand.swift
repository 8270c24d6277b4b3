import ArgumentParser
import Foundation
import Podium

/// `podium show`: one statement in full, opened by the id a search printed, with its neighbours.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a statement in full, by its id, with the statements around it in its briefing.",
        discussion: """
            The id is the one 'podium search' prints in [brackets] (or the "id" of its JSON). The statement \
            comes whole: question and asker, answer and speaker, date, title, source file and URL; --context N \
            adds the N statements before and after it in the same briefing.

            Examples:
              podium show '2019-05-09-en-presser-qiao-ming-t1662118#3'
              podium show '2019-05-09-en-presser-qiao-ming-t1662118#3' --context 2
              podium show sample-2023-03-10-zh-001 --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Argument(help: "The statement's id, as search prints it.")
    var id: String

    @Option(help: "How many statements of the briefing to show before and after it.")
    var context: Int = 0

    @Option(help: "text for reading, json for scripts, md for a report.")
    var format: Format = .text

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        guard context >= 0 else { throw ValidationError("--context must be 0 or more") }
    }

    func run() throws {
        let podium = try indexOptions.location.open()
        let found = try handlingErrors { () throws(PodiumError) in try podium.statement(id: id, context: context) }
        guard let found else {
            UserFacingError(
                "no statement has the id '\(id)' in the index at \(podium.directory)",
                hint: "ids are the [bracketed] ends of 'podium search' results; quote one that holds # or ~",
                status: .noMatch
            ).exit()
        }
        let out = StandardOutput()
        switch format {
        case .text: out.write(Self.text(found))
        case .json: out.write(ResultJSON.statement(found) + "\n")
        case .md: out.write(Self.markdown(found))
        }
        out.flush()
    }

    // MARK: - Rendering

    static func text(_ found: StatementContext) -> String {
        let s = found.statement
        var out = "\(s.id)\n"
        out += "  date:     \(s.date.isEmpty ? "undated" : s.date)\n"
        out += "  speaker:  \(s.spokesperson.isEmpty ? "unattributed" : s.spokesperson)\n"
        if !s.outlet.isEmpty { out += "  asked by: \(s.outlet)\n" }
        if !s.title.isEmpty { out += "  title:    \(s.title)\n" }
        out += "  kind:     \(s.kind.isEmpty ? "-" : s.kind), \(s.language.isEmpty ? "-" : s.language)\n"
        out += "  source:   \(s.source)\n"
        if !s.url.isEmpty { out += "  url:      \(s.url)\n" }
        for copy in found.copies {
            out += "  also in:  \(copy.source) [\(copy.id)]\n"
            if !copy.url.isEmpty && copy.url != s.url { out += "            \(copy.url)\n" }
        }
        out += "\n"
        for other in found.before { out += exchange(other, marked: false) }
        out += exchange(s, marked: !found.before.isEmpty || !found.after.isEmpty)
        for other in found.after { out += exchange(other, marked: false) }
        return out
    }

    /// A question and its answer, each labelled with who spoke; the statement asked for marked with `▶`.
    private static func exchange(_ s: Statement, marked: Bool) -> String {
        let lead = marked ? "▶ " : "  "
        var out = marked ? "▶ [\(s.id)]\n" : "  [\(s.id)]\n"
        if !s.question.isEmpty {
            out += lead + paragraphs("Q\(s.outlet.isEmpty ? "" : " (\(s.outlet))"): ", s.question, lead: lead)
        }
        let speaker = s.spokesperson.isEmpty ? "A: " : "A (\(s.spokesperson)): "
        out += lead + paragraphs(speaker, s.answer, lead: lead) + "\n"
        return out
    }

    /// `label` and the text, its paragraphs on lines of their own under the first.
    private static func paragraphs(_ label: String, _ text: String, lead: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return label + lines.joined(separator: "\n" + lead + "    ") + "\n"
    }

    static func markdown(_ found: StatementContext) -> String {
        let s = found.statement
        let date = s.date.isEmpty ? "undated" : s.date
        var out = "# \(Exporter.markdownEscaped(s.title.isEmpty ? "Briefing of \(date)" : s.title)) (\(date))\n\n"
        out += "Source: \(s.url.isEmpty ? s.source : s.url)\n"
        for copy in found.copies { out += "Also in: \(copy.url.isEmpty ? copy.source : copy.url)\n" }
        for other in found.before + [s] + found.after {
            out += "\n" + (other.id == s.id && !(found.before.isEmpty && found.after.isEmpty) ? "### ▶ " : "### ")
            out += "`\(other.id)`\n\n"
            if !other.question.isEmpty {
                let asker = other.outlet.isEmpty ? "" : " (\(Exporter.markdownEscaped(other.outlet)))"
                out += "**Q\(asker):** \(Exporter.markdownEscaped(other.question))\n\n"
            }
            let speaker = other.spokesperson.isEmpty ? "" : " (\(Exporter.markdownEscaped(other.spokesperson)))"
            out += "**A\(speaker):** \(Exporter.markdownEscaped(other.answer))\n"
        }
        return out
    }
}
