import Foundation
import Podium
import SearchIndex
import Testing
import TestSupport

/// Two different statements with one id in two JSONL files are both indexed, the later one under an id made
/// unique by its source, and reported; the assignment holds across refreshes.
@Suite struct DuplicateIDTests {
    @Test func aRepeatedIdInAnotherFileIsKeptUnderAUniqueId() throws {
        let temp = try TemporaryDirectory(prefix: "podium-ids")
        let corpus = temp.url.appendingPathComponent("corpus").path
        let index = temp.url.appendingPathComponent("index").path
        try FileManager.default.createDirectory(atPath: corpus + "/sub", withIntermediateDirectories: true)
        func write(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: corpus + "/" + name,
                atomically: true,
                encoding: .utf8
            )
        }
        try write("a.jsonl", [#"{"id": "x1", "answer": "Alpha on trade."}"#, #"{"id": "x2", "answer": "Beta."}"#])
        try write(
            "sub/b.jsonl",
            [#"{"id": "x1", "answer": "Gamma on soybeans."}"#, #"{"id": "x3", "answer": "Delta."}"#]
        )
        let options = IndexingOptions(corpus: [corpus], index: index, jobs: 2)

        let built = try Indexer.build(options)
        #expect(built.statementsInIndex == 4)
        #expect(
            built.warnings.map(\.description) == [
                "\(corpus)/sub/b.jsonl: id 'x1' is another statement's already; indexed as 'x1~sub/b'"
            ]
        )
        var contents = try IndexerTests.contents(of: index)
        #expect(Set(contents.keys) == ["x1", "x2", "x1~sub/b", "x3"])
        #expect(contents["x1~sub/b"]?.contains("Gamma") == true)

        // The file that took the unique id changes: it keeps taking it, the unchanged holder keeps its own.
        try write("sub/b.jsonl", [#"{"id": "x1", "answer": "Gamma on soybeans, again."}"#])
        _ = try Indexer.refresh(IndexingOptions(corpus: [], index: index))
        contents = try IndexerTests.contents(of: index)
        #expect(contents["x1"]?.contains("Alpha") == true)
        #expect(contents["x1~sub/b"]?.contains("again") == true)
        // The holder changes: it keeps its id, which the other file does not hold.
        try write("a.jsonl", [#"{"id": "x1", "answer": "Alpha on trade, changed."}"#])
        let refreshed = try Indexer.refresh(IndexingOptions(corpus: [], index: index))
        #expect(refreshed.warnings.isEmpty)
        contents = try IndexerTests.contents(of: index)
        #expect(Set(contents.keys) == ["x1", "x1~sub/b"])
        #expect(contents["x1"]?.contains("changed") == true)
    }
}
