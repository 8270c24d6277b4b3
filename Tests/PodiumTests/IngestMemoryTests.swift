import Foundation
import Testing
import SearchIndex
import TestSupport

@testable import Podium

/// The analyzed documents a reader thread hands to the writer hold about the memory of their own tokens.
///
/// They wait in the pipeline's window (several chunks of a JSONL file per core), so a document that kept
/// the buffer capacity of the largest statement before it multiplied a build's memory: 1.5 GB for 250,000
/// statements with a 256 MB budget, before this was fixed.
@Suite struct IngestMemoryTests {
    @Test("A short statement after a long one keeps a short token buffer")
    func documentsAreCompact() throws {
        let folder = try TemporaryDirectory(prefix: "podium-ingest-memory")
        let long = Array(
            repeating: "Both sides agreed to deepen practical cooperation in trade and energy.",
            count: 300
        )
        .joined(separator: " ")
        var lines = [#"{"id":"long","answer":"\#(long)"}"#]
        for k in 0..<50 { lines.append(#"{"id":"short-\#(k)","answer":"We welcome the visit."}"#) }
        let file = folder.url.appendingPathComponent("statements.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let sources = try Indexer.listSources([folder.url.path]).files
        #expect(sources.count == 1)
        let source = try #require(sources.first)
        let prepared = Indexer.prepare(
            try #require(Indexer.makeUnits([source]).first),
            file: source,
            reader: Indexer.reader
        )
        #expect(prepared.documents.count == 51)
        let longTokens = try #require(prepared.documents.first).tokens.count
        #expect(longTokens > 3_000)
        // Arrays double as they grow: without trimming, 3,300 tokens would sit in room for 4,096.
        let longCapacity = try #require(prepared.documents.first).tokens.capacity
        #expect(longCapacity <= longTokens + longTokens / 20, "\(longTokens) tokens hold room for \(longCapacity)")
        for document in prepared.documents.dropFirst() {
            #expect(document.tokens.capacity <= 64, "a 4-token statement holds room for \(document.tokens.capacity)")
        }
    }
}
