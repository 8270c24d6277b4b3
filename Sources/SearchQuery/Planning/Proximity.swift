/// How much statements gain where the query's words stand near each other, and how a run of Chinese
/// characters is ranked.
///
/// Each pair of neighbouring query words (and, in a CJK run, each bigram with the next two bigrams) is
/// scored as a pseudo-term of the answer and the question: its frequency in a field is how often the two
/// words occur within `window` positions of each other (in either order, each occurrence counted once, so
/// never more than either word's own frequency), saturated and length-normalized as BM25 does, with the
/// two words' IDFs summed and `weight` times the field's weight as its boost: the unordered-window feature
/// of the sequential dependence model in BM25 form. A CJK run of three characters or more is also scored as
/// its exact string, with `phrase` times the field's weight.
public struct Proximity: Hashable, Sendable {
    /// The boost of a pair relative to its field's weight; 0 turns proximity off.
    public var weight: Float
    /// The farthest apart, in positions, two words may stand and still count as near.
    public var window: Int
    /// The boost of a CJK run's whole string relative to its field's weight; 0 scores only its bigrams.
    public var phrase: Float
    /// The most pairs a query scores; the first ones are kept (a long query's later words rank by BM25).
    public var maximumPairs: Int
    /// Whether pairs are scored in the question as well as in the answer.
    public var inQuestions: Bool
    /// The largest share of statements a word may occur in and still be part of a pair: a pair's positions
    /// are read per candidate, and near-ubiquitous words (`said`, `countries`) cost the most and tell least.
    public var commonShare: Float

    /// Proximity with the given settings (the defaults were chosen on CISI and the tuning half of the
    /// judged press queries).
    public init(
        weight: Float = 0.2,
        window: Int = 8,
        phrase: Float = 1,
        maximumPairs: Int = 8,
        inQuestions: Bool = true,
        commonShare: Float = 0.02
    ) {
        self.inQuestions = inQuestions
        self.commonShare = commonShare
        self.weight = weight
        self.window = window
        self.phrase = phrase
        self.maximumPairs = maximumPairs
    }

    /// No proximity pairs and no whole-run phrases: CJK runs are plain bags of bigrams.
    public static let off = Proximity(weight: 0, window: 0, phrase: 0, maximumPairs: 0)

    /// Settings written `weight=0.3,window=8,phrase=1,pairs=8,questions=1,common=0.02` (any of them, in any order; the others keep
    /// their defaults), or `off`.
    /// - Throws: ``ProximitySettingsError`` naming the setting that cannot be read.
    public init(settings text: String) throws(ProximitySettingsError) {
        self.init()
        let trimmed = text.trimmingWhitespace
        if trimmed == "off" {
            self = .off
            return
        }
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard parts.count == 2 else {
                throw ProximitySettingsError(setting: String(item), reason: "not name=value")
            }
            let (name, value) = (parts[0], parts[1])
            switch name {
            case "weight", "phrase", "common":
                guard let number = Float(value), number.isFinite, number >= 0, number <= 100 else {
                    throw ProximitySettingsError(setting: String(item), reason: "a number from 0 to 100")
                }
                if name == "weight" { weight = number } else if name == "phrase" { phrase = number }
                if name == "common" { commonShare = number }
            case "window", "pairs", "questions":
                guard let number = Int(value), number >= 0, number <= 1000 else {
                    throw ProximitySettingsError(setting: String(item), reason: "a whole number from 0 to 1000")
                }
                if name == "window" { window = number } else if name == "pairs" { maximumPairs = number }
                if name == "questions" { inQuestions = number > 0 }
            default:
                throw ProximitySettingsError(
                    setting: String(item),
                    reason: "the settings are weight, window, phrase, pairs, questions and common"
                )
            }
        }
    }

    /// Whether pairs are scored at all.
    var scoresPairs: Bool { weight > 0 && window > 0 && maximumPairs > 0 }
}

/// A proximity setting that cannot be read.
public struct ProximitySettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `name=value` item as written.
    public var setting: String
    /// What a value must be.
    public var reason: String

    /// `cannot read 'window=x': a whole number from 0 to 1000`.
    public var description: String { "cannot read '\(setting)': \(reason)" }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
