import Foundation
import Testing
import TestSupport

@testable import SearchQuery

@Suite("Topics file")
struct TopicSetTests {
    @Test func shippedTopicsLoad() throws {
        let topics = try TopicSet.load(from: SharedData.projectCorpus.appendingPathComponent("topics.toml"))
        #expect(topics.topics.count >= 8)
        for name in [
            "ip", "green-tech", "trade", "public-health", "climate", "tech-restrictions", "regional-security",
            "development",
        ] {
            let topic = try #require(topics[name], "missing topic \(name)")
            #expect(topic.entries.count >= 10)
            #expect(
                topic.entries.contains { $0.text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
            )
            #expect(topic.entries.contains { $0.text.first?.isASCII == true })
            #expect(!topic.label.isEmpty && !topic.description.isEmpty)
        }
        let patent = try #require(topics["IP"]?.entries.first { $0.text == "patent" })
        #expect(patent.weight == 2.5)
    }

    @Test func readsEscapesCommentsAndCRLF() throws {
        let text =
            "# c\r\n[a-b] # note\r\nlabel = 'A'\r\n[a-b.terms]\r\n\"x \\\"y\\\"\" = 1_0 # w\r\nbare = 2\r\n\"\\u77e5\" = 0.5\r\n"
        let topics = try TopicSet.parse(text)
        #expect(topics["a-b"]?.entries.map(\.text) == ["x \"y\"", "bare", "知"])
        #expect(topics["a-b"]?.entries.map(\.weight) == [10, 2, 0.5])
        #expect(topics["a-b"]?.entries.map(\.line) == [5, 6, 7])
    }

    @Test(arguments: [
        ("[ip]\nlabel = \"x\"\n[ip.terms]\npatent = 0\n", 4, 10, "above 0"),
        ("[ip]\n[ip.terms]\npatent = high\n", 3, 10, "expected a number"),
        ("[ip]\nlable = \"x\"\n", 2, 1, "unknown key 'lable'"),
        ("[ip]\n[ip.terms]\npatent = 1\npatent = 2\n", 4, 1, "defined twice"),
        ("[ip]\n[ip.terms]\n\"patent = 1\n", 3, 1, "no closing quote"),
        ("[ip]\n[ip.terms]\nterms = [\"a\", \"b\"]\n", 3, 9, "one entry per line"),
        ("[IP]\n", 1, 2, "topic names"),
        ("patent = 1\n", 1, 1, "outside any topic"),
        ("[ip]\nlabel = \"x\"\n\n[trade]\n[trade.terms]\ntariff = 1\n", 1, 1, "has no entries"),
        ("[ip.terms]\npatent = 1\n", 1, 1, "comes before its topic"),
        ("[ip]\n[ip.words]\n", 2, 5, "expected [ip.terms]"),
        ("[ip]\n[ip.terms]\n知识产权 = 1\n", 3, 1, "quote a key"),
        ("[ip]\n[ip.terms]\n\"知识产权\" = 1 2\n", 3, 12, "unexpected text"),
    ])
    func reportsMistakesWithTheirLine(text: String, line: Int, column: Int, message: String) {
        #expect {
            try TopicSet.parse(text, file: "t.toml")
        } throws: { error in
            guard let error = error as? TopicFileError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
                && error.description.hasPrefix("t.toml:\(line):\(column): ")
        }
    }

    @Test func namesAnUnreadableFile() {
        #expect {
            try TopicSet.load(from: URL(fileURLWithPath: "/nonexistent/topics.toml"))
        } throws: { error in
            (error as? TopicFileError)?.description == "/nonexistent/topics.toml: cannot read the topics file"
        }
    }
}
