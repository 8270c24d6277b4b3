import ArgumentParser
import Foundation
import TextAnalysis

extension Language: ExpressibleByArgument {}

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
    var language: Language = .auto

    @Argument(help: "The text to analyze (default: standard input).")
    var text: String?

    @Option(
        name: .customLong("benchmark"),
        help: ArgumentHelp(
            "Measure throughput over the question and answer fields of a JSONL file.",
            visibility: .hidden
        )
    )
    var benchmarkFile: String?

    @Option(help: ArgumentHelp("Timed passes for --benchmark.", visibility: .hidden))
    var passes = 5

    func run() throws {
        if let benchmarkFile {
            try AnalyzeBenchmark(path: benchmarkFile, language: language, passes: max(1, passes)).run()
            return
        }
        // Raw bytes, so that offsets index standard input as it is even when it is not valid UTF-8.
        let utf8 = text.map { Array($0.utf8) } ?? Array(FileHandle.standardInput.readDataToEndOfFile())
        var buffer = TokenBuffer()
        utf8.withUnsafeBufferPointer { Analyzer().analyze(utf8: $0, language: language, into: &buffer) }
        var output = ""
        for index in 0..<buffer.count {
            let start = buffer.start(at: index)
            let end = buffer.end(at: index)
            let surface = String(decoding: utf8[start..<end], as: UTF8.self)
            let joined = buffer.isJoinedToPrevious(at: index) ? "+" : ""
            output +=
                "\(buffer.term(at: index))\t\(buffer.position(at: index))\t\(start)\t\(end)\t\(joined)\(surface)\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
