import ArgumentParser
import Foundation
import Podium

extension TextLanguage: ExpressibleByArgument {}

/// `podium analyze`: shows how the analyzer splits a text into index terms.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the index terms of a text, one per line: term, position, start and end byte offsets.",
        discussion: """
            Reads standard input when no TEXT is given. Columns are tab-separated; a fifth shows the \
            surface form the offsets cover, with a leading '+' when the token is joined to the previous \
            one (a compound part or a CJK bigram).

            Examples:
              podium analyze "China's new-energy vehicles"
              podium analyze --lang zh 知识产权保护
              echo "U.S. tariffs" | podium analyze
            """
    )

    @Option(name: .customLong("lang"), help: "The text's language: auto, en or zh.")
    var language: TextLanguage = .auto

    @Argument(help: "The text to analyze (default: standard input).")
    var text: String?

    func run() throws {
        // Raw bytes, so that offsets index standard input as it is even when it is not valid UTF-8.
        let utf8 = text.map { Array($0.utf8) } ?? Array(FileHandle.standardInput.readDataToEndOfFile())
        var output = ""
        for term in TermAnalyzer.terms(of: utf8, language: language) {
            let surface = String(decoding: utf8[term.start..<term.end], as: UTF8.self)
            let joined = term.isJoinedToPrevious ? "+" : ""
            output += "\(term.term)\t\(term.position)\t\(term.start)\t\(term.end)\t\(joined)\(surface)\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
