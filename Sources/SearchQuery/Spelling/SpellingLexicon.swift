import SearchIndex

/// The words of an index that spelling suggestions are drawn from, with a deletes index (SymSpell) that
/// finds the words within one edit of a query word without comparing it to every word.
///
/// Every word and every string made by deleting one of its letters is hashed; a word `w` and a query `q`
/// within one edit (insert, delete, substitute, or swap of two neighbours, as Damerau counts it) always share
/// one of those strings: `q` itself, `w` itself, or both with one letter deleted. A lookup hashes the query's
/// `n + 1` strings, finds the words that share them by binary search in one sorted array, and keeps those
/// whose true distance is 1. Hash collisions only add candidates that the distance check then drops.
///
/// Words of ASCII letters (and apostrophes) of 3 to ``maximumWordLength`` letters are kept: the analyzer
/// folds accented letters to ASCII, and CJK text is not made of words to misspell.
public final class SpellingLexicon: Sendable {
    /// The longest word kept.
    public static let maximumWordLength = 24
    private let words: [[UInt8]]
    private let counts: [UInt32]
    private let countByWord: [String: UInt32]
    /// The hashes of every word and its one-letter deletions, sorted, and the word each came from.
    private let keys: [UInt64]
    private let owners: [Int32]

    /// A word within reach of a looked-up word.
    public struct Candidate: Sendable, Equatable {
        /// The word, lowercased as indexed.
        public var word: String
        /// The edits between the looked-up word and this one (1).
        public var distance: Int
        /// How often the word occurs in the index.
        public var count: UInt32
    }

    /// A lexicon of `counts` (word → occurrences); words that are not ASCII letters are left out.
    public init(counts: [String: UInt32]) {
        var kept: [(word: [UInt8], count: UInt32)] = []
        kept.reserveCapacity(counts.count)
        for (word, count) in counts {
            let bytes = Array(word.utf8)
            guard bytes.count >= 3, bytes.count <= Self.maximumWordLength, Self.isSpellable(bytes) else { continue }
            kept.append((bytes, count))
        }
        kept.sort { $0.word.lexicographicallyPrecedes($1.word) }
        words = kept.map(\.word)
        self.counts = kept.map(\.count)
        var byWord: [String: UInt32] = [:]
        byWord.reserveCapacity(kept.count)
        for entry in kept { byWord[String(decoding: entry.word, as: UTF8.self)] = entry.count }
        countByWord = byWord
        var pairs: [(key: UInt64, owner: Int32)] = []
        pairs.reserveCapacity(kept.count * 9)
        for (k, word) in words.enumerated() {
            Self.forEachProbe(of: word) { pairs.append(($0, Int32(k))) }
        }
        pairs.sort { $0.key < $1.key || ($0.key == $1.key && $0.owner < $1.owner) }
        keys = pairs.map(\.key)
        owners = pairs.map(\.owner)
    }

    /// Words in the lexicon.
    public var count: Int { words.count }

    /// How often `word` (lowercase) occurs in the index; 0 when it is not a word of the lexicon.
    public func count(of word: String) -> UInt32 { countByWord[word] ?? 0 }

    /// The words one edit away from `word` (lowercase), the most frequent first (then in byte order).
    ///
    /// - Complexity: O(n log m) for a word of `n` letters and `m` hashed strings, plus the candidates' checks.
    public func candidates(for word: String, limit: Int = 5) -> [Candidate] {
        let query = Array(word.utf8)
        guard query.count >= 2, query.count <= Self.maximumWordLength + 1 else { return [] }
        var seen: Set<Int32> = []
        var found: [Candidate] = []
        Self.forEachProbe(of: query) { probe in
            var k = lowerBound(probe)
            while k < keys.count && keys[k] == probe {
                let owner = owners[k]
                k += 1
                guard seen.insert(owner).inserted else { continue }
                let candidate = words[Int(owner)]
                guard candidate != query, Self.isOneEdit(query, candidate) else { continue }
                found.append(
                    Candidate(word: String(decoding: candidate, as: UTF8.self), distance: 1, count: counts[Int(owner)])
                )
            }
        }
        found.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            if a.count != b.count { return a.count > b.count }
            return a.word.utf8.lexicographicallyPrecedes(b.word.utf8)
        }
        return Array(found.prefix(limit))
    }

    private func lowerBound(_ key: UInt64) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether a word is made of ASCII lowercase letters and apostrophes, starting with a letter.
    static func isSpellable(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first >= 0x61 && first <= 0x7A else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }
    }

    /// Calls `body` with the hash of `word` and of each string made by deleting one of its bytes.
    static func forEachProbe(of word: [UInt8], _ body: (UInt64) -> Void) {
        body(hash(word, skipping: -1))
        for i in word.indices { body(hash(word, skipping: i)) }
    }

    /// FNV-1a over `word` without the byte at `skipping`, and with the length mixed in.
    static func hash(_ word: [UInt8], skipping: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, byte) in word.enumerated() where i != skipping {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Whether `a` and `b` (which differ) are one insertion, deletion, substitution or neighbour swap apart.
    static func isOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count {
            var first = -1
            for i in a.indices where a[i] != b[i] {
                if first >= 0 {
                    // A second difference: only a swap of these two neighbours is one edit.
                    return i == first + 1 && a[first] == b[i] && a[i] == b[first]
                        && a[(i + 1)...] == b[(i + 1)...]
                }
                first = i
            }
            return first >= 0
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }
}
