import Foundation

/// What the generator learns from the real statements: sentence pools and briefing templates per language.
///
/// A generated briefing copies the shape of a real one — its kind, spokesperson, title pattern, number of
/// statements, and for each statement its outlet, follow-up flag and the number of sentences in each
/// paragraph of its question and answer — and fills that shape with sentences sampled from the pool of the
/// same language and field. Lengths, the share of opening remarks (no question) and of follow-ups, speakers
/// and outlets therefore follow the real distribution; only the date and the sentences are drawn anew.
struct RealCorpus {
    enum Language: Int, CaseIterable {
        case english = 0, chinese = 1
        var code: String { self == .english ? "en" : "zh" }
    }

    struct StatementShape {
        /// Sentences per paragraph of the question (empty: opening remarks).
        var question: [Int]
        var answer: [Int]
        var outlet: String
        var followUp: Bool
    }

    struct BriefingTemplate {
        var language: Language
        var kind: String
        var spokesperson: String
        /// The title around its date, which the generator replaces: `prefix + date + suffix`.
        var titlePrefix: String
        var titleSuffix: String
        var titleHasDate: Bool
        var statements: [StatementShape]
    }

    var questions: [SentencePool] = [SentencePool(), SentencePool()]
    var answers: [SentencePool] = [SentencePool(), SentencePool()]
    var briefings: [[BriefingTemplate]] = [[], []]
    var statementCounts = [0, 0]

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `mfa-presscon.jsonl` and `mfa-presscon-zh.jsonl` from `corpusDirectory`.
    static func load(corpusDirectory: String) throws -> RealCorpus {
        var corpus = RealCorpus()
        for (language, name) in [(Language.english, "mfa-presscon.jsonl"), (.chinese, "mfa-presscon-zh.jsonl")] {
            let path = corpusDirectory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError(description: "cannot read \(path) (set --shared to the folder that holds corpus/)")
            }
            try corpus.add(data, language: language, path: path)
        }
        return corpus
    }

    private mutating func add(_ data: Data, language: Language, path: String) throws {
        let chinese = language == .chinese
        var order: [String] = []
        var grouped: [String: BriefingTemplate] = [:]
        var lineNumber = 0
        for line in data.split(separator: 10) where !line.isEmpty {
            lineNumber += 1
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                throw LoadError(description: "\(path):\(lineNumber): not a JSON object")
            }
            func text(_ key: String) -> String { (object[key] as? String) ?? "" }
            let question = SentenceSplitter.paragraphs(text("question"), chinese: chinese)
            let answer = SentenceSplitter.paragraphs(text("answer"), chinese: chinese)
            guard !answer.isEmpty else { continue }
            for paragraph in question { for s in paragraph { questions[language.rawValue].append(s) } }
            for paragraph in answer { for s in paragraph { answers[language.rawValue].append(s) } }
            let shape = StatementShape(
                question: question.map(\.count),
                answer: answer.map(\.count),
                outlet: text("asked_by"),
                followUp: (object["follow_up"] as? Bool) ?? false
            )
            let key = text("raw_html").isEmpty ? text("date") + "|" + text("title") : text("raw_html")
            if grouped[key] == nil {
                order.append(key)
                let (prefix, suffix, found) = Self.splitTitle(text("title"), chinese: chinese)
                grouped[key] = BriefingTemplate(
                    language: language,
                    kind: text("kind"),
                    spokesperson: text("spokesperson"),
                    titlePrefix: prefix,
                    titleSuffix: suffix,
                    titleHasDate: found,
                    statements: []
                )
            }
            grouped[key]!.statements.append(shape)
            statementCounts[language.rawValue] += 1
        }
        briefings[language.rawValue] = order.map { grouped[$0]! }
    }

    private static let englishDate = try! NSRegularExpression(
        pattern:
            "(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}(, [0-9]{4})?"
    )
    private static let chineseDate = try! NSRegularExpression(pattern: "[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")

    /// Cuts a title around its date ("…Press Conference on May 11, 2018" → prefix, suffix).
    static func splitTitle(_ title: String, chinese: Bool) -> (String, String, Bool) {
        let regex = chinese ? chineseDate : englishDate
        let ns = title as NSString
        guard let match = regex.firstMatch(in: title, range: NSRange(location: 0, length: ns.length)) else {
            return (title, "", false)
        }
        return (
            ns.substring(to: match.range.location), ns.substring(from: match.range.location + match.range.length),
            true
        )
    }
}
