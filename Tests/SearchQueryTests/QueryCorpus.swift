import Foundation
import TestSupport

@testable import SearchQuery

/// Statements from the real JSONL files, and a seeded generator of random queries over their words.
enum QueryCorpus {
    /// Up to `limit` statements of a JSONL file, as test documents.
    static func documents(from url: URL, limit: Int, language: String) -> [MemoryDocument] {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return [] }
        var result: [MemoryDocument] = []
        for line in text.split(separator: "\n").prefix(limit) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            var document = MemoryDocument()
            document.text[.answer] = object["answer"] as? String
            document.text[.question] = (object["question"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            document.text[.title] = object["title"] as? String
            document.text[.speaker] = object["spokesperson"] as? String
            document.text[.outlet] = (object["asked_by"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            document.keywords[.language] = language
            document.keywords[.kind] = (object["kind"] as? String)?.lowercased() ?? "presscon"
            if let date = object["date"] as? String, let range = DateRange(parsing: date), range.lower == range.upper {
                document.date = range.lower
            }
            result.append(document)
        }
        return result
    }

    /// English and Chinese statements split into three segments, some deleted.
    static func segments() -> [[MemoryDocument]] {
        var all = documents(from: SharedData.presconJSONL, limit: 900, language: "en")
        all += documents(from: SharedData.presconZhJSONL, limit: 240, language: "zh")
        for index in all.indices where index % 23 == 7 { all[index].isDeleted = true }
        let third = all.count / 3
        return [Array(all[..<third]), Array(all[third..<(2 * third)]), Array(all[(2 * third)...])]
    }
}

/// Random queries of every construct the language has, built from words that occur in the documents.
struct QueryGenerator {
    let words: [String]
    let chineseWords: [String]
    let sentences: [[String]]
    let speakers: [String]
    var random: SeededGenerator

    init(documents: [MemoryDocument], seed: UInt64) {
        var words: [String] = []
        var chinese: [String] = []
        var sentences: [[String]] = []
        var speakers = Set<String>()
        for document in documents {
            let answer = document.text[.answer] ?? ""
            if let speaker = document.text[.speaker] { speakers.insert(speaker) }
            if document.keywords[.language] == "zh" {
                let scalars = Array(answer.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
                for start in stride(from: 0, to: max(0, scalars.count - 4), by: 97) {
                    chinese.append(String(String.UnicodeScalarView(scalars[start..<start + 2 + start % 3])))
                }
                continue
            }
            let tokens = answer.split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }.map(String.init)
            words += tokens.enumerated().filter { $0.offset % 11 == 0 }.map(\.element)
            if tokens.count > 6 { sentences.append(Array(tokens.prefix(40))) }
        }
        self.words = words.isEmpty ? ["china"] : words
        chineseWords = chinese.isEmpty ? ["中国"] : chinese
        self.sentences = sentences.isEmpty ? [["china", "trade"]] : sentences
        self.speakers = speakers.sorted()
        random = SeededGenerator(seed: seed)
    }

    private mutating func word() -> String {
        random.next() % 6 == 0 ? chineseWords.randomElement(using: &random)! : words.randomElement(using: &random)!
    }

    private mutating func phrase() -> String {
        let sentence = sentences.randomElement(using: &random)!
        let length = Int.random(in: 2...3, using: &random)
        let start = Int.random(in: 0...(sentence.count - length), using: &random)
        return "\"" + sentence[start..<start + length].joined(separator: " ") + "\""
    }

    /// Words that stand near each other in some statement, unquoted, or a CJK run (a real one, or two
    /// joined), and the mode to run them in: queries whose pairs and bigrams score.
    mutating func nearWords() -> (String, DefaultMode) {
        let mode: DefaultMode = random.next() % 4 == 0 ? .all : .any
        switch random.next() % 4 {
        case 0:
            return (chineseWords.randomElement(using: &random)!, mode)
        case 1:
            return (chineseWords.randomElement(using: &random)! + chineseWords.randomElement(using: &random)!, mode)
        default:
            let sentence = sentences.randomElement(using: &random)!
            let length = Int.random(in: 2...min(5, sentence.count), using: &random)
            let start = Int.random(in: 0...(sentence.count - length), using: &random)
            var words = Array(sentence[start..<start + length])
            // Sometimes a word from elsewhere, so that some statements hold the words apart.
            if random.next() % 3 == 0 { words.append(self.words.randomElement(using: &random)!) }
            return (words.joined(separator: " "), mode)
        }
    }

    /// One query and the mode to run it in.
    mutating func next() -> (String, DefaultMode) {
        let mode: DefaultMode = random.next() % 4 == 0 ? .all : .any
        let query: String
        switch random.next() % 14 {
        case 0: query = word()
        case 1: query = "\(word()) \(word())"
        case 2: query = "+\(word()) +\(word())"
        case 3: query = "\(word()) \(word()) -\(word())"
        case 4: query = phrase()
        case 5:
            let base = word()
            query = String(base.prefix(Int.random(in: 2...4, using: &random))) + "*"
        case 6: query = "\(word()) AND (\(word()) OR \(phrase()))"
        case 7: query = "speaker:\"\(speakers.randomElement(using: &random) ?? "Hua")\" \(word())"
        case 8: query = "\(word()) date:\(Int.random(in: 2016...2020, using: &random))"
        case 9: query = "lang:zh \(word()) OR \(word())"
        case 10: query = "NOT \(word()) \(word()) date:2019-01..2020-03-31"
        case 11: query = random.next() % 2 == 0 ? "topic:ip" : "topic:trade \(word())"
        case 12:
            query = (0..<Int.random(in: 8...30, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ")
        default: query = "-\(word())"
        }
        return (query, mode)
    }
}
