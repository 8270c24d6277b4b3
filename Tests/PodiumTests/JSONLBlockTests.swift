import Foundation
import Podium
import SearchIndex
import Testing
import TestSupport

/// Large JSONL files are indexed block by block on several threads; the result must be exactly what one
/// sequential read gives: every line once, bad lines reported with their true line numbers, ordinals in
/// file order, duplicate ids dropped even when they sit in different blocks.
@Suite struct JSONLBlockTests {
    @Test(arguments: [1, 2])
    func blocksJoinIntoTheSequentialRead(jobs: Int) throws {
        let temp = try TemporaryDirectory(prefix: "podium-jsonl")
        let path = temp.url.appendingPathComponent("big.jsonl").path
        var lines: [String] = []
        var expectedIDs: [String] = []
        let filler = String(repeating: "Trade and patents and solar panels. ", count: 40)
        var lineNumber = 0
        var badLine = 0
        var duplicateLine = 0
        // About 3.5 blocks of lines of varying length, one of them longer than a block.
        var bytes = 0
        while bytes < ContentHash.blockSize * 7 / 2 {
            defer { bytes += lines.last?.utf8.count ?? 0 }
            lineNumber += 1
            if lineNumber == 2_500 {
                lines.append("{\"id\": \"broken\", \"answer\": \"unterminated\n")
                badLine = lineNumber
                continue
            }
            if lineNumber == 3_000 {
                lines.append("{\"id\": \"s5\", \"answer\": \"a second statement with the id of line 5\"}\n")
                duplicateLine = lineNumber
                continue
            }
            let size = lineNumber == 1_200 ? ContentHash.blockSize + 100 : (lineNumber % 7) * 60
            let answer = "line \(lineNumber). " + String(filler.prefix(size))
            lines.append("{\"id\": \"s\(lineNumber)\", \"answer\": \"\(answer)\", \"date\": \"2020-01-02\"}\n")
            expectedIDs.append("s\(lineNumber)")
        }
        try lines.joined().write(toFile: path, atomically: false, encoding: .utf8)
        #expect(badLine > 0 && duplicateLine > 0)

        let index = temp.url.appendingPathComponent("index").path
        let report = try Indexer.build(IndexingOptions(corpus: [path], index: index, jobs: jobs))
        #expect(report.statementsIndexed == expectedIDs.count)
        #expect(report.warnings.contains { $0.line == badLine }, "the broken line is reported with its own number")
        #expect(report.warnings.contains { $0.message.contains("duplicate id 's5'") })

        let snapshot = try IndexSnapshot.open(directory: index)
        var byOrdinal: [Int: String] = [:]
        for segment in snapshot.segments {
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                let s = StatementSchema.statement(from: try segment.storedFields(doc))
                byOrdinal[s.ordinal] = s.id
            }
        }
        #expect(byOrdinal.count == expectedIDs.count)
        #expect((1...expectedIDs.count).map { byOrdinal[$0] ?? "" } == expectedIDs, "ordinals follow the file")

        // The block-wise hash of the build equals the file hash refresh computes: nothing to do.
        let refresh = try Indexer.refresh(IndexingOptions(corpus: [], index: index))
        #expect(refresh.unchanged == 1 && refresh.sourcesRead == 0)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 30)], ofItemAtPath: path)
        let touched = try Indexer.refresh(IndexingOptions(corpus: [], index: index))
        #expect(touched.touched == 1, "same bytes, new time: the block hashes agree with ContentHash.ofFile")
    }
}
