import SearchIndex

extension IndexSnapshot {
    /// The surface words of every segment with their counts added up: what ``SpellingLexicon`` is made of.
    ///
    /// - Throws: `.corrupted` naming a damaged `.lex` file.
    /// - Complexity: reads every segment's lexicon once.
    public func surfaceWordCounts() throws(IndexError) -> [String: UInt32] {
        var counts: [String: UInt32] = [:]
        for segment in segments {
            try LexiconFile.forEachWord(in: segment.lexiconFile) { word, count in
                let key = String(decoding: word, as: UTF8.self)
                let (sum, overflow) = counts[key, default: 0].addingReportingOverflow(count)
                counts[key] = overflow ? UInt32.max : sum
            }
        }
        return counts
    }
}
