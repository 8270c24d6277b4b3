import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// The 181 pages of the scrapinghub article extraction benchmark in `../shared/extraction` (issue 13,
/// acceptance 1), read gzipped as they are kept, scored the way `../shared/bench/extraction_score.py`
/// scores them. `Benchmarks/extraction.py` prints the same figures beside trafilatura's.
@Suite(.enabled(if: ArticleBenchmark.isAvailable, ArticleBenchmark.skipNote))
struct ArticleBenchmarkTests {
    static var folder: URL { ArticleBenchmark.folder }

    /// Each page's true text, by hash.
    static let truth: [String: String] = {
        let url = folder.appendingPathComponent("ground-truth.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { return [:] }
        return object.compactMapValues { $0["articleBody"] as? String }
    }()

    /// Each page's text as podium reads it: its statements' questions and answers, in order.
    static let extracted: [String: String] = {
        let keys = truth.keys.sorted()
        let paths = keys.map { folder.appendingPathComponent("html/\($0).html.gz").path }
        let results = TranscriptReader().read(paths: paths)
        var texts: [String: String] = [:]
        for (key, result) in zip(keys, results) {
            texts[key] = result.statements.flatMap { [$0.question, $0.answer] }.filter { !$0.isEmpty }
                .joined(separator: "\n\n")
        }
        return texts
    }()

    @Test func mainTextScoresAtLeastTrafilaturasPublishedF1() throws {
        try #require(Self.truth.count == 181)
        let all = ShingleScore(truth: Self.truth, extracted: Self.extracted, keys: Array(Self.truth.keys))
        let heldOut = Self.truth.keys.filter { "01234".contains($0.first!) }
        let held = ShingleScore(truth: Self.truth, extracted: Self.extracted, keys: heldOut)
        #expect(all.f1 >= 0.958, "F1 \(all.f1) (P \(all.precision), R \(all.recall))")
        #expect(held.f1 >= 0.958, "held-out F1 \(held.f1) (P \(held.precision), R \(held.recall))")
    }

    @Test func everyPageYieldsText() {
        let empty = Self.truth.keys.filter { Self.extracted[$0, default: ""].isEmpty }
        #expect(empty.isEmpty, "no text from \(empty.sorted())")
    }
}

/// Where the benchmark's pages are.
enum ArticleBenchmark {
    static var folder: URL { SharedData.root.appendingPathComponent("extraction/scrapinghub") }
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("ground-truth.json").path)
    }
    static let skipNote: Comment = "skipped: ../shared/extraction (the article benchmark) is not beside this checkout"
}

/// The benchmark's measure: lowercase word tokens (`\w+`), 4-word shingles counted with multiplicity,
/// precision and recall per page averaged over pages, F1 of the averages.
struct ShingleScore {
    var precision = 0.0
    var recall = 0.0
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(truth: [String: String], extracted: [String: String], keys: [String]) {
        for key in keys {
            let (p, r) = Self.page(truth: truth[key, default: ""], extracted: extracted[key, default: ""])
            precision += p / Double(keys.count)
            recall += r / Double(keys.count)
        }
    }

    static func page(truth: String, extracted: String) -> (Double, Double) {
        let t = shingles(truth)
        let p = shingles(extracted)
        let truePositives = t.reduce(0) { $0 + min($1.value, p[$1.key, default: 0]) }
        let falsePositives = p.values.reduce(0, +) - truePositives
        let falseNegatives = t.values.reduce(0, +) - truePositives
        if falsePositives == 0 && falseNegatives == 0 { return (1, 1) }
        let precision =
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        let recall =
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        return (precision, recall)
    }

    static func shingles(_ text: String) -> [String: Int] {
        let words = self.words(text.lowercased())
        guard words.count >= 4 else { return words.isEmpty ? [:] : [words.joined(separator: " "): 1] }
        var counts: [String: Int] = [:]
        for i in 0...(words.count - 4) { counts[words[i..<i + 4].joined(separator: " "), default: 0] += 1 }
        return counts
    }

    /// Python's `\w+`: runs of letters, numbers and underscores.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
