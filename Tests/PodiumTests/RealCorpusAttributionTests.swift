import Foundation
import TestSupport
import Testing

/// On an index of all of `../shared/corpus`: for thirty English and Chinese queries, an excerpt said to be
/// the answer's is text of the answer, every other excerpt is labelled with whose words it is in text
/// output, and `podium show` opens every id that `search` prints.
@Suite(
    "Attribution and show on the real corpus",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .enabled(if: SharedData.isAvailable, SharedData.skipNote)
)
struct RealCorpusAttributionTests {
    static let queries = [
        "intellectual property", "tariffs", "Huawei", "Hong Kong", "vaccine", "climate change", "Taiwan",
        "South China Sea", "trade war", "sanctions", "Ukraine", "human rights", "Belt and Road", "5G",
        "\"new energy vehicles\"", "question:Bloomberg", "patent*", "WHO", "Xinjiang", "semiconductor chips",
        "知识产权", "关税", "华为", "香港", "疫苗", "气候变化", "台湾", "一带一路", "碳", "税",
    ]

    final class Index: @unchecked Sendable {
        let root: TemporaryDirectory
        var path: String { root.url.appendingPathComponent("index").path }
        init() throws {
            root = try TemporaryDirectory(prefix: "podium-real-attribution")
            let corpus = SharedData.root.appendingPathComponent("corpus").path
            let build = try PodiumProcess.run(["index", "build", "--quiet", "--corpus", corpus, "--index", path])
            guard build.succeeded else { throw CLIFixture.FixtureError(description: build.stderr) }
        }
    }

    static let index = Result { try Index() }

    /// An excerpt as plain text pieces: without highlight marks, cut at the `…` where it was shortened.
    private func pieces(_ excerpt: String) -> [String] {
        excerpt.replacingOccurrences(of: "**", with: "").components(separatedBy: "…")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    @Test("Excerpts say whose words they are, and show opens every hit", arguments: queries)
    func attributedAndOpenable(query: String) throws {
        let index = try Self.index.get()
        let json = try PodiumProcess.run(["search", query, "--format", "json", "--index", index.path])
        #expect(json.status == 0, "\(query): \(json.summary)")
        let object = try #require(try parseJSON(json.stdout) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        let text = try PodiumProcess.run(["search", query, "--index", index.path, "--color", "never"]).stdout
        // Hit blocks open with their rank ("1. "); the count line above them ("10 of 4,550 statements") is not one.
        let blocks = text.components(separatedBy: "\n\n").filter { block in
            let rank = block.prefix(while: \.isNumber)
            return !rank.isEmpty && block.dropFirst(rank.count).hasPrefix(". ")
        }
        #expect(blocks.count == hits.count)
        for (hit, block) in zip(hits, blocks) {
            let id = try #require(hit["id"] as? String)
            let from = try #require(hit["excerptFrom"] as? String)
            let field = try #require(hit[from] as? String)
            for piece in pieces(try #require(hit["excerpt"] as? String)) {
                #expect(field.contains(piece), "\(query) \(id): '\(piece.prefix(60))' is not in its \(from)")
            }
            let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let outlet = hit["outlet"] as? String ?? ""
            let label =
                from == "question" ? (outlet.isEmpty ? "Q: " : "Q (\(outlet)): ") : from == "title" ? "Title: " : nil
            if let label {
                #expect(lines.contains { $0.hasPrefix(label) }, "\(query) \(id): the \(from) is not labelled")
            } else {
                #expect(!lines.contains { $0.hasPrefix("Q: ") || $0.hasPrefix("Q (") }, "\(query) \(id)")
            }
            #expect(block.contains("[\(id)]"), "\(query): text output does not print \(id)")
            let show = try PodiumProcess.run(["show", id, "--format", "json", "--index", index.path])
            #expect(show.status == 0, "show \(id): \(show.summary)")
            let shown = try #require(try parseJSON(show.stdout) as? [String: Any])
            let statement = try #require(shown["statement"] as? [String: Any])
            #expect(statement["id"] as? String == id && statement["answer"] as? String == hit["answer"] as? String)
        }
    }
}
