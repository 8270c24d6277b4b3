/// The parameters of the field-combined BM25 (BM25F) that ranks statements: field weights, term-frequency
/// saturation and each field's length normalization.
///
/// A query word is one scored clause over the fields it is searched in. Its frequency in each field is
/// normalized by that field's length (`1 − b_f + b_f · length / averageLength`), weighted, and the sum is
/// saturated once: `idf · T / (T + k1)` with `T = Σ_f weight_f · tf_f / (1 − b_f + b_f · len_f / avg_f)`.
/// A word found in the title, the question and the answer thus counts as one word found often, never as
/// three words.
public struct RankingParameters: Hashable, Sendable {
    /// Term-frequency saturation, applied once to the combined frequency.
    public var k1: Float
    /// How much an occurrence in each content field counts.
    public var weights: FieldWeights
    /// Length normalization strength of the title.
    public var titleB: Float
    /// Length normalization strength of the question.
    public var questionB: Float
    /// Length normalization strength of the answer.
    public var answerB: Float
    /// Length normalization of the other text fields (speaker and outlet, when a query names them).
    public var otherB: Float
    /// Answers shorter than this many words are normalized as if this long: a turn-passing line ("Peter.",
    /// "Go ahead, Jen.") would otherwise make its one word weigh more than any statement about it.
    public var minimumAnswerLength: Float

    /// The defaults, chosen on CISI and the judged press queries (see `NOTES-bm25f.md`).
    public init(
        k1: Float = 1.2,
        weights: FieldWeights = FieldWeights(),
        titleB: Float = 0.75,
        questionB: Float = 0.75,
        answerB: Float = 0.75,
        otherB: Float = 0.75,
        minimumAnswerLength: Float = 20
    ) {
        self.minimumAnswerLength = minimumAnswerLength
        self.k1 = k1
        self.weights = weights
        self.titleB = titleB
        self.questionB = questionB
        self.answerB = answerB
        self.otherB = otherB
    }

    /// The length normalization strength of a field, by name.
    public func b(forField name: String) -> Float {
        switch TextField(rawValue: name) {
        case .title: titleB
        case .question: questionB
        case .answer: answerB
        default: otherB
        }
    }

    /// Why a parameter list could not be read.
    public struct ParseError: Error, Hashable, Sendable {
        /// What is wrong, naming the entry.
        public var message: String
        /// The character offset of the entry in the text.
        public var offset: Int
    }

    /// The names ``parse(_:)`` accepts.
    public static let names = [
        "k1", "title", "question", "answer", "b", "b.title", "b.question", "b.answer", "b.other", "min.answer",
    ]

    /// Reads `k1=1.2,title=0.5,question=1,answer=1.0,b.answer=0.75` over the defaults: `b` sets every
    /// field's, `b.FIELD` one field's (later entries win).
    public static func parse(_ text: String) throws(ParseError) -> RankingParameters {
        var parameters = RankingParameters()
        var offset = 0
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += entry.count + 1 }
            let trimmed = entry.trimmingSpaces
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, let value = Float(parts[1]), value.isFinite, value >= 0 else {
                throw ParseError(message: "'\(trimmed)' is not NAME=NUMBER (a number ≥ 0)", offset: offset)
            }
            switch parts[0] {
            case "k1": parameters.k1 = value
            case "title": parameters.weights.title = value
            case "question": parameters.weights.question = value
            case "answer": parameters.weights.answer = value
            case "b":
                (parameters.titleB, parameters.questionB, parameters.answerB, parameters.otherB) = (
                    value, value, value, value
                )
            case "b.title": parameters.titleB = value
            case "b.question": parameters.questionB = value
            case "b.answer": parameters.answerB = value
            case "b.other", "b.speaker", "b.outlet": parameters.otherB = value
            case "min.answer": parameters.minimumAnswerLength = value
            default:
                throw ParseError(
                    message: "unknown ranking parameter '\(parts[0])' (known: \(names.joined(separator: ", ")))",
                    offset: offset
                )
            }
            if parts[0].hasPrefix("b"), value > 1 {
                throw ParseError(message: "'\(trimmed)': a length normalization b lies in 0...1", offset: offset)
            }
        }
        if parameters.k1 <= 0 { throw ParseError(message: "k1 must be above 0", offset: 0) }
        return parameters
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
