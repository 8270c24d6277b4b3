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

    /// The stop words and their stems, so that both a raw word and an analyzed term are recognized.
    static let terms: Set<String> = {
        var set = Set(english)
        for word in english { set.insert(EnglishStemmer.stem(word)) }
        return set
    }()
}
