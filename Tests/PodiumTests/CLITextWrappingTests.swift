import Podium
import Testing

@testable import PodiumCLI

/// Excerpts on a terminal wrap within the width, keep every word and highlight, and break Chinese between
/// characters.
@Suite("Wrapping excerpts for the terminal")
struct CLITextWrappingTests {
    typealias Run = TextWrapping.Run

    static let english = [
        Run(text: "China will also protect the legitimate ", highlighted: false),
        Run(text: "intellectual property", highlighted: true),
        Run(text: " of foreign enterprises in China, and hopes others protect Chinese ", highlighted: false),
        Run(text: "intellectual property", highlighted: true),
        Run(text: " as well.", highlighted: false),
    ]
    static let chinese = [
        Run(text: "今年将重新组建国家", highlighted: false), Run(text: "知识产权", highlighted: true),
        Run(text: "局，对专利、商标实行统一管理。同时，我们也希望外国政府加强保护。", highlighted: false),
    ]

    @Test("Lines fit, and joining them gives back the text and its highlights", arguments: [12, 20, 37, 80])
    func fits(width: Int) {
        for runs in [Self.english, Self.chinese] {
            let lines = TextWrapping(width: width).lines(runs)
            for line in lines {
                let columns = line.flatMap(\.text).reduce(0) { $0 + DisplayWidth.columns(of: $1) }
                #expect(columns <= width, "\(line.map(\.text).joined()) takes \(columns) columns")
                #expect(line.first?.text.first != " " && line.last?.text.last != " ")
            }
            let isChinese = runs == Self.chinese
            let joined = lines.map { $0.map(\.text).joined() }.joined(separator: isChinese ? "" : " ")
            #expect(joined == runs.map(\.text).joined())
            let highlighted = lines.flatMap { $0.filter(\.highlighted).map(\.text) }.joined(separator: " ")
            #expect(
                highlighted.replacingOccurrences(of: " ", with: "")
                    == runs.filter(\.highlighted).map(\.text).joined().replacingOccurrences(of: " ", with: "")
            )
        }
    }

    @Test("Words are never split; a word longer than the width gets its own line")
    func longWord() {
        let lines = TextWrapping(width: 10).lines([
            Run(text: "see https://example.org/very/long/path now", highlighted: false)
        ])
        #expect(lines.map { $0.map(\.text).joined() } == ["see", "https://example.org/very/long/path", "now"])
    }
}
