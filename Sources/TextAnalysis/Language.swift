/// The language a text is declared in, which decides how its Latin-script words are normalized.
///
/// CJK characters are always indexed as bigrams, whatever the language, so mixed text works.
/// Index and query must be analyzed with the same language.
public enum Language: String, Sendable, CaseIterable {
    /// Each script by its own rule: Latin-script words get English stemming, CJK runs become bigrams.
    case auto
    /// English text: the same rules as `auto`.
    case english = "en"
    /// Chinese text: CJK bigrams; Latin-script words are lowercased but not stemmed.
    case chinese = "zh"

    /// Whether Latin-script words are stemmed with the English stemmer.
    var stemsEnglish: Bool { self != .chinese }
}
