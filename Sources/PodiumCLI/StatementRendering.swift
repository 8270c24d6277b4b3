import Foundation
import Podium

/// How `podium parse` prints a statement.
enum StatementRendering {
    /// One JSON object and a newline; keys sorted, so the output is stable. `reader` names the reader
    /// that read the statement's source (`"ministry"`, `"article"`, `"jsonl"`…).
    static func jsonLine(_ statement: Statement, reader: ReaderKind? = nil) -> String {
        StatementJSON.object(statement, reader: reader) + "\n"
    }

    /// A page's header in the text format: the reader, then each metadata value with where it came from.
    ///
    ///     == Corpus/acme.html  (article)
    ///        date       2019-04-02 (article:published_time)
    static func sourceHeader(_ source: String, reader: ReaderKind?, metadata: PageMetadata?) -> String {
        var text = "== \(source)  (\(reader?.description ?? "not read"))\n"
        for (name, value) in metadata?.namedFields ?? [] {
            let padded = name.padding(toLength: 10, withPad: " ", startingAt: 0)
            if let source = value.source {
                text += "   \(padded) \(value.value) (\(source))\n"
            } else {
                text += "   \(padded) (none)\n"
            }
        }
        return text + "\n"
    }

    /// A block for reading: a header line, the question (if any), the answer, a blank line.
    static func text(_ statement: Statement) -> String {
        var header = "\(statement.id)  \(statement.date.isEmpty ? "(no date)" : statement.date)"
        header += "  \(statement.kind)/\(statement.language)"
        if !statement.spokesperson.isEmpty { header += "  \(statement.spokesperson)" }
        header += "\n  title: \(statement.title)\n"
        var body = ""
        if !statement.question.isEmpty {
            var who = statement.outlet.isEmpty ? "Q" : "Q (\(statement.outlet))"
            if statement.followUp { who += " follow-up" }
            body += "  \(who): \(indent(statement.question))\n"
        }
        body += "  A: \(indent(statement.answer))\n\n"
        return header + body
    }

    /// Continuation lines indented under their label; blank lines between paragraphs stay blank.
    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "     " + $0 }
            .joined(separator: "\n")
            .dropFirst(5)
            .description
    }
}
