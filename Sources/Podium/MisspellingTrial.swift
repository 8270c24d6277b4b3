import TextAnalysis

/// Misspellings made from an index's own frequent words, to measure how often the spelling suggestion is
/// the intended word (the `SpellingBenchmark` and the tests use it).
public enum MisspellingTrial {
    /// One misspelt word and the word it was made from.
    public struct Case: Sendable, Equatable {
        /// The word of the index.
        public var intended: String
        /// The word with one edit.
        public var misspelt: String
    }

    /// `count` misspellings, each one edit (insert, delete, substitute, or swap of two neighbours, in turn)
    /// away from one of the `pool` most frequent words of 5 letters or more that are not stop words. A
    /// misspelling that is itself a word of `counts` is skipped; the same `seed` gives the same cases.
    public static func cases(
        from counts: [String: UInt32],
        count: Int = 200,
        pool: Int = 1000,
        seed: UInt64 = 15
    ) -> [Case] {
        let analyzer = Analyzer()
        let frequent =
            counts.filter { word, _ in
                word.utf8.count >= 5 && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } && !analyzer.isStopWord(word)
            }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(pool).map { Array($0.key.utf8) }
        guard !frequent.isEmpty else { return [] }
        var random = seed
        func next(_ bound: Int) -> Int {
            // SplitMix64: small, and the same on every platform.
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var cases: [Case] = []
        var seen: Set<String> = []
        var attempts = 0
        while cases.count < count && attempts < count * 100 {
            attempts += 1
            var word = frequent[next(frequent.count)]
            let original = word
            let letter = UInt8(0x61 + next(26))
            switch attempts % 4 {
            case 0: word.insert(letter, at: next(word.count + 1))
            case 1: word.remove(at: next(word.count))
            case 2:
                let at = next(word.count)
                guard word[at] != letter else { continue }
                word[at] = letter
            default:
                let at = next(word.count - 1)
                guard word[at] != word[at + 1] else { continue }
                word.swapAt(at, at + 1)
            }
            let misspelt = String(decoding: word, as: UTF8.self)
            guard counts[misspelt] == nil, seen.insert(misspelt).inserted else { continue }
            cases.append(Case(intended: String(decoding: original, as: UTF8.self), misspelt: misspelt))
        }
        return cases
    }
}
