import Foundation
import SearchQuery
import TestSupport
import Testing

@testable import Podium

/// On the index of all of `../shared/corpus` (built once for this run by `RealCorpusAttributionTests`): the
/// JSONL files' copies of the pages' statements are folded, nothing that differs by more than a few words is,
/// and no top 10 holds one statement twice.
@Suite(
    "One hit per statement on the real corpus",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .enabled(if: SharedData.isAvailable, SharedData.skipNote)
)
struct RealCorpusFoldingTests {
    /// Lowercased runs of letters and digits, each CJK ideograph a word of its own.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isIdeographic {
                if !word.isEmpty { words.append(word) }
                words.append(String(scalar))
                word = ""
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The words in one text and not the other, counted with their repeats.
    static func difference(_ a: String, _ b: String) -> Int {
        var counts: [String: Int] = [:]
        for w in words(a) { counts[w, default: 0] += 1 }
        for w in words(b) { counts[w, default: 0] -= 1 }
        return counts.values.reduce(0) { $0 + abs($1) }
    }

    /// The date, the question's words and the answer's words: what a page and a line share when they hold
    /// one statement. (A page read without its question, as one of the Chinese statement pages is, holds
    /// another record of it; the fingerprint counts the question, so that is not asked here.)
    static func matchKey(_ object: [String: Any]) -> String {
        let question = words(object["question"] as? String ?? "").joined(separator: " ")
        return "\(object["date"] ?? "")|\(question)|\(words(object["answer"] as? String ?? "").joined(separator: " "))"
    }

    private func objects(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test("No top 10 holds one statement twice", arguments: RealCorpusAttributionTests.queries)
    func oneHitPerStatement(query: String) throws {
        let index = try RealCorpusAttributionTests.index.get()
        let run = try PodiumProcess.run(["search", query, "--format", "json", "--index", index.path])
        #expect(run.succeeded, "\(query): \(run.summary)")
        let object = try #require(try parseJSON(run.stdout) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        var seen: [String: String] = [:]
        for hit in hits {
            let date = hit["date"] as? String ?? ""
            let text = Self.words((hit["question"] as? String ?? "") + " / " + (hit["answer"] as? String ?? ""))
            let key = date + " " + text.joined(separator: " ")
            let id = hit["id"] as? String ?? ""
            #expect(seen[key] == nil, "\(query): \(id) is the statement \(seen[key] ?? "") again")
            seen[key] = id
        }
    }

    @Test("The statements the JSONL files share with the pages are folded into them")
    func sharedStatementsFold() throws {
        let index = try RealCorpusAttributionTests.index.get()
        // The pages' statements as the reader gives them, and the JSONL lines as they are: matched on the
        // date and the words of the question and the answer, without the fingerprint.
        let parse = try PodiumProcess.run(["parse", SharedData.rawHTML.path, "--format", "jsonl"])
        #expect(parse.succeeded, "\(parse.summary)")
        var pages = Set<String>()
        for line in parse.stdout.split(separator: "\n") {
            guard let page = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            pages.insert(Self.matchKey(page))
        }
        var shared: [String] = []
        for file in [SharedData.presconJSONL, SharedData.presconZhJSONL, SharedData.cmfaJSONL] {
            for line in try objects(file) {
                if pages.contains(Self.matchKey(line)), let id = line["id"] as? String { shared.append(id) }
            }
        }
        #expect(shared.count > 5_000, "only \(shared.count) JSONL statements match a page")
        let podium = try PodiumIndex(directory: index.path)
        var unfolded: [String] = []
        for id in shared {
            let found = try #require(try podium.statement(id: id), "\(id) is not in the index")
            if !found.copies.contains(where: { $0.source.hasPrefix(SharedData.rawHTML.path) }) { unfolded.append(id) }
        }
        #expect(unfolded.isEmpty, "\(unfolded.count) of \(shared.count) not folded: \(unfolded.prefix(10))")
        #expect(podium.foldedCount >= shared.count)
    }

    @Test("No two folded statements differ by more than a few words (100 pairs, the shortest among them)")
    func foldedPairsAreCopies() throws {
        let index = try RealCorpusAttributionTests.index.get()
        let podium = try PodiumIndex(directory: index.path)
        var pairs: [(Statement, Statement)] = []
        for members in podium.copies.members.values {
            let kept = try podium.statement(at: members[0])
            for other in members.dropFirst() { pairs.append((kept, try podium.statement(at: other))) }
        }
        #expect(pairs.count > 5_000)
        // The whole distribution, for the note: how many pairs differ by how many words.
        var spread: [Int: Int] = [:]
        for (a, b) in pairs {
            spread[
                min(10, Self.difference(a.question, b.question) + Self.difference(a.answer, b.answer)),
                default: 0
            ] += 1
        }
        print("folded pairs by words differing (10 = 10 or more):", spread.sorted { $0.key < $1.key })
        let apart = pairs.filter {
            Self.difference($0.0.question, $0.1.question) + Self.difference($0.0.answer, $0.1.answer) > 4
        }
        print("folded pairs differing by more than 4 words:", apart.map { "\($0.0.id) \($0.1.id)" })
        pairs.sort { ($0.0.answer.count, $0.0.id, $0.1.id) < ($1.0.answer.count, $1.0.id, $1.1.id) }
        // The 40 shortest answers, where a fingerprint is weakest, and 60 spread over the rest.
        let rest = pairs.dropFirst(40)
        let step = max(1, rest.count / 60)
        let sample =
            Array(pairs.prefix(40))
            + stride(from: rest.startIndex, to: rest.endIndex, by: step).prefix(60).map {
                pairs[$0]
            }
        #expect(sample.count == 100)
        for (a, b) in sample {
            #expect(a.date == b.date, "\(a.id) / \(b.id)")
            let question = Self.difference(a.question, b.question)
            let answer = Self.difference(a.answer, b.answer)
            #expect(question <= 4 && answer <= 4, "\(a.id) / \(b.id): \(question) and \(answer) words differ")
        }
    }
}
