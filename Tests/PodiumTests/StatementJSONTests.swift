import Foundation
import Podium
import Testing

/// The hand-written JSON of a statement is byte for byte what `JSONEncoder` writes (sorted keys, slashes
/// unescaped), whatever the text holds.
@Suite struct StatementJSONTests {
    static let texts = [
        "", "plain", "quote \" and backslash \\ and slash /", "lines\nand\ttabs\r\n",
        "controls \u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F}\u{7F}",
        "中文：答记者问", "é e\u{301} 𝔘 \u{2028}\u{2029} \u{FEFF}",
    ]

    @Test(arguments: texts)
    func sameBytesAsJSONEncoder(_ text: String) throws {
        let statement = Statement(
            id: "p.html#\(text.count)",
            ordinal: 7,
            date: "2019-04-02",
            spokesperson: text,
            outlet: "Reuters \(text)",
            title: text,
            question: text,
            answer: "A: \(text)",
            language: "en",
            kind: "press-release",
            source: "dir/\(text).html",
            url: "https://example.com/a?b=c&d=\(text)",
            followUp: text.count % 2 == 0,
            publisher: text
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(statement), as: UTF8.self)
        #expect(StatementJSON.object(statement) == expected)
        let withReader = StatementJSON.object(statement, reader: .article)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(withReader.utf8)) as? [String: Any])
        #expect(object["reader"] as? String == "article")
        #expect(object["answer"] as? String == "A: \(text)")
    }
}
