/// The English stop list: frequent function words the query layer leaves out of scoring.
///
/// Stop words are still indexed with their positions, so phrases such as "Belt and Road" match.
/// The list is small on purpose (Lucene's classic list and a few pronouns and auxiliaries): every word
/// in it becomes unsearchable on its own.
enum StopWords {
    static let english: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
        "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
        "to", "was", "will", "with", "we", "our", "you", "your", "he", "she", "his", "her", "its", "i", "me",
        "my", "has", "have", "had", "been", "were", "from", "which", "what", "who", "would", "should", "can",
        "could", "do", "does", "did", "so", "than", "those", "them", "all", "also", "about",
    ]

    /// Words an acronym must not turn into: the stop words of up to three letters and `us`, each packed
    /// little-endian into an integer. `US`, `U.S.` and `WHO` keep dotted terms (`u.s`, `w.h.o`) because of them.
    static let shortFunctionWords: Set<UInt32> = {
        var set = Set<UInt32>()
        for word in english + ["us"] where word.utf8.count <= 3 {
            set.insert(word.utf8.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) })
        }
        return set
    }()

    /// Whether the `count` lowercase bytes at `bytes` are one of ``shortFunctionWords``.
    static func isShortFunctionWord(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count <= 3 else { return false }
        var key: UInt32 = 0
        for k in 0..<count { key |= UInt32(bytes[k]) << (8 * k) }
        return shortFunctionWords.contains(key)
    }

    /// The stop words and their stems, so that both a raw word and an analyzed term are recognized.
    static let terms: Set<String> = {
        var set = Set(english)
        for word in english { set.insert(EnglishStemmer.stem(word)) }
        return set
    }()
}
