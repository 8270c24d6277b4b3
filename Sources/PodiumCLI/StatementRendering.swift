import Foundation
import Podium

/// How `podium parse` prints a statement.
enum StatementRendering {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One JSON object and a newline; keys sorted, so the output is stable.
    static func jsonLine(_ statement: Statement) -> String {
        // Encoding a struct of strings, ints and bools cannot fail.
        let data = (try? encoder.encode(statement)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
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
