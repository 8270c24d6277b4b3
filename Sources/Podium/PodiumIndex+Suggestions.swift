import Foundation
import SearchIndex
import SearchQuery
import TextAnalysis

/// A spelling suggestion for a query that found little: the query with its misspelt words corrected.
public struct SpellingSuggestion: Sendable, Equatable {
    /// One word of the query and the word suggested for it.
    public struct Correction: Sendable, Equatable {
        /// The word as typed.
        public var word: String
        /// The word suggested, in the typed word's capitalization.
        public var suggestion: String
    }

    /// The whole query with every correction made.
    public var query: String
    /// The corrected words, in query order.
    public var corrections: [Correction]
    /// Whether the hits are those of the corrected query (`SearchOptions.fuzzy`), not of the query as typed.
    public var wasSearched: Bool
}

/// The spelling lexicon of an open index, built on first use and kept while the index is open.
final class SpellingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lexicon: SpellingLexicon?

    /// The lexicon, made from `snapshot`'s `.lex` files the first time it is asked for.
    func lexicon(of snapshot: IndexSnapshot) throws(IndexError) -> SpellingLexicon {
        lock.lock()
        defer { lock.unlock() }
        if let lexicon { return lexicon }
        let made = SpellingLexicon(counts: try snapshot.surfaceWordCounts())
        lexicon = made
        return made
    }
}

extension PodiumIndex {
    /// A query with fewer matches than this gets a spelling suggestion when one of its words has a much more
    /// frequent neighbour one edit away.
    public static let suggestionThreshold = 5
    /// A known word is corrected only when its neighbour occurs at least this many times as often.
    static let correctionRatio: UInt32 = 20

    /// The best statements for `options`, each with its excerpt; when the query finds fewer than
    /// ``suggestionThreshold`` statements, a spelling suggestion, and with `options.fuzzy` the hits of the
    /// corrected query instead.
    ///
    /// - Throws: `.usage` for a query without a reading (the message points at the spot), an unknown topic
    ///   or a bad date; `.index` when a file of the index turns out damaged.
    /// - Parameter progress: called with (excerpts made, hits) while excerpts are made, for long exports.
    public func search(
        _ options: SearchOptions,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(PodiumError) -> SearchOutcome {
        var outcome = try searchOnce(options, progress: progress)
        guard options.suggests || options.fuzzy, outcome.total < Self.suggestionThreshold, let query = options.query,
            var suggestion = try spellingSuggestion(for: query)
        else { return outcome }
        guard options.fuzzy else {
            outcome.suggestion = suggestion
            return outcome
        }
        var corrected = options
        corrected.query = suggestion.query
        var fuzzy = try searchOnce(corrected, progress: progress)
        suggestion.wasSearched = true
        fuzzy.suggestion = suggestion
        fuzzy.notes.insert("showing statements for \"\(suggestion.query)\" instead of \"\(query)\"", at: 0)
        return fuzzy
    }

    /// The query with its misspelt words corrected, or `nil` when no word of it has a better spelling.
    ///
    /// A word is corrected when it is a plain word of the scored fields (not a phrase, prefix or filter) of
    /// ASCII letters, not a stop word, and a word one edit away occurs in the index while it does not, or
    /// ``correctionRatio`` times as often as it does.
    public func spellingSuggestion(for query: String) throws(PodiumError) -> SpellingSuggestion? {
        guard let node = try? QueryParser.parse(query) else { return nil }
        var words: [(text: String, range: Range<Int>)] = []
        Self.collectWords(node, into: &words)
        guard !words.isEmpty else { return nil }
        let lexicon = try spellingLexicon()
        var utf8 = Array(query.utf8)
        var corrections: [SpellingSuggestion.Correction] = []
        // From the end, so that earlier ranges stay valid as words change length.
        for (text, range) in words.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let lower = text.lowercased()
            guard lower.utf8.count >= 3, !Self.analyzer.isStopWord(lower) else { continue }
            let known = lexicon.count(of: lower)
            guard let best = lexicon.candidates(for: lower, limit: 1).first,
                known == 0 || best.count / Self.correctionRatio >= known
            else { continue }
            let suggestion = Self.matchingCase(best.word, of: text)
            guard let at = Self.locate(text, in: utf8, range) else { continue }
            utf8.replaceSubrange(at, with: Array(suggestion.utf8))
            corrections.insert(.init(word: text, suggestion: suggestion), at: 0)
        }
        guard !corrections.isEmpty else { return nil }
        return SpellingSuggestion(
            query: String(decoding: utf8, as: UTF8.self),
            corrections: corrections,
            wasSearched: false
        )
    }

    /// The words one edit away from `word` in this index, the most frequent first.
    ///
    /// The first call reads the index's lexicon and builds its deletes index; later calls only look up.
    /// - Throws: `.index` when a `.lex` file is damaged.
    public func spellingCandidates(for word: String, limit: Int = 5) throws(PodiumError) -> [String] {
        try spellingLexicon().candidates(for: word.lowercased(), limit: limit).map(\.word)
    }

    /// Every surface word of the index with its count of occurrences (a merge keeps the counts of the
    /// statements deleted before it).
    public func surfaceWordCounts() throws(PodiumError) -> [String: UInt32] {
        do { return try snapshot.surfaceWordCounts() } catch { throw PodiumError(error, index: directory) }
    }

    func spellingLexicon() throws(PodiumError) -> SpellingLexicon {
        do { return try spelling.lexicon(of: snapshot) } catch { throw PodiumError(error, index: directory) }
    }

    /// The plain words of the scored fields in `node`, with their byte ranges in the query.
    static func collectWords(_ node: QueryNode, into words: inout [(text: String, range: Range<Int>)]) {
        switch node {
        case .word(let text, let field, let isPrefix, let range):
            guard !isPrefix, !(field?.isFilter ?? false),
                text.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
            else { return }
            words.append((text, range))
        case .boolean(let clauses):
            for clause in clauses where clause.occur != .mustNot { collectWords(clause.node, into: &words) }
        case .phrase, .keyword, .date, .topic:
            return
        }
    }

    /// Where `word` stands within `range` of the query's bytes (after a `field:` or `+`, if any).
    static func locate(_ word: String, in utf8: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        let target = Array(word.utf8)
        guard range.upperBound <= utf8.count, range.count >= target.count else { return nil }
        let start = range.upperBound - target.count
        return Array(utf8[start..<range.upperBound]) == target ? start..<range.upperBound : nil
    }

    /// `word` capitalized as `typed` is: all capitals, a capital first, or lowercase.
    static func matchingCase(_ word: String, of typed: String) -> String {
        let letters = typed.unicodeScalars
        if letters.count > 1, letters.allSatisfy({ CharacterSet.uppercaseLetters.contains($0) }) {
            return word.uppercased()
        }
        if let first = letters.first, CharacterSet.uppercaseLetters.contains(first) {
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return word
    }
}
