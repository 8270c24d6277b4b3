/// The surface words of a segment's documents with how often each occurs: the lexicon that spelling
/// suggestions are drawn from, kept beside the term dictionary (which holds stems, not words).
///
/// A flush counts the words of the documents it holds; a merge adds up its inputs' counts. Counts are
/// occurrences, not documents, and a merge keeps the counts of documents deleted before it.
package struct SurfaceCounts {
    /// The words (UTF-8, lowercased and folded as the analyzer folds them) and their counts.
    package private(set) var counts: [String: UInt32] = [:]

    package init() {}

    /// Distinct words counted.
    package var count: Int { counts.count }

    /// An estimate of the memory the counts hold, for the writer's budget.
    package var memoryBytes: Int { counts.capacity * 40 }

    /// Counts the words of `document`.
    package mutating func add(_ document: IndexDocument) {
        guard !document.surfaceEnds.isEmpty else { return }
        document.surfaceArena.withUnsafeBufferPointer { arena in
            var start = 0
            for end in document.surfaceEnds {
                let word = String(decoding: UnsafeBufferPointer(rebasing: arena[start..<Int(end)]), as: UTF8.self)
                counts[word, default: 0] &+= 1
                start = Int(end)
            }
        }
    }

    /// Adds `count` occurrences of `word`, saturating.
    package mutating func add(_ word: String, count: UInt32) {
        let (sum, overflow) = counts[word, default: 0].addingReportingOverflow(count)
        counts[word] = overflow ? UInt32.max : sum
    }

    /// The words in increasing byte order, with their counts: the order of the `.lex` file.
    package func sorted() -> [(word: [UInt8], count: UInt32)] {
        counts.map { (word: Array($0.key.utf8), count: $0.value) }.sorted { $0.word.lexicographicallyPrecedes($1.word) }
    }
}
