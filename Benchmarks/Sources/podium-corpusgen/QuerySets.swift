/// Query sets for latency benchmarks, drawn from the same real sentences the corpus samples.
///
/// Five files of `qid<TAB>query` lines, in the syntax `podium search --batch` reads: `single.tsv` (one term),
/// `and.tsv` (`+a +b`), `or.tsv` (`a b`), `phrase.tsv` (`"a b"`), and `runs.tsv`: Chinese as people type
/// it, runs of 3 to 8 Han characters without spaces or quotes (ranked bags of bigrams), drawn from a random
/// stream of their own so that the other four sets stay what they were. English terms are lower-case words of four
/// letters or more that are not stop words; Chinese terms are two Han characters (one bigram of the
/// analyzer), phrases four. Half of the single terms are picked by occurrence (frequent words), half from the
/// distinct vocabulary (mostly rare words), so that both ends of the frequency range are timed.
struct QuerySets {
    var single: [String] = []
    var and: [String] = []
    var or: [String] = []
    var phrase: [String] = []
    var runs: [String] = []

    private static let stop: Set<String> = Set(
        """
        about above after again against also been before being below between both could does doing down during
        each from further have having here hers herself himself into itself just more most myself once only other
        ours ourselves over same should some such than that their theirs them themselves then there these they
        this those through under until very were what when where which while whom will with would your yours
        yourself said says
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    )

    init(corpus: RealCorpus, count: Int, seed: UInt64, chineseShare: Double) {
        var rng = SplitMix64(seed: seed, stream: 0xC0E7, variant: 0)
        let english = corpus.answers[RealCorpus.Language.english.rawValue]
        let chinese = corpus.answers[RealCorpus.Language.chinese.rawValue]
        var vocabulary = Set<String>()
        for k in 0..<english.count { for w in Self.words(english.raw[english.rawRange(k)]) { vocabulary.insert(w) } }
        let distinct = vocabulary.sorted()
        func sentenceWords() -> [String] {
            while true {
                let words = Self.words(english.raw[english.rawRange(rng.below(english.count))])
                if words.count >= 2 { return words }
            }
        }
        func han() -> [Character] {
            while true {
                let text = String(decoding: chinese.raw[chinese.rawRange(rng.below(chinese.count))], as: UTF8.self)
                let chars = Array(text).filter { $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }
                if chars.count >= 8 { return Array(text) }
            }
        }
        /// `length` consecutive Han characters of a random Chinese sentence.
        func hanRun(_ length: Int) -> String {
            while true {
                let chars = han()
                let start = rng.below(chars.count - length + 1)
                let run = chars[start..<(start + length)]
                if run.allSatisfy({ $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }) {
                    return String(run)
                }
            }
        }
        for q in 0..<count {
            let zh = rng.unit() < chineseShare
            if zh {
                single.append(hanRun(2))
                let pair = hanRun(4)
                and.append("+\(pair.prefix(2)) +\(pair.suffix(2))")
                or.append("\(pair.prefix(2)) \(pair.suffix(2))")
                phrase.append("\"\(hanRun(4))\"")
            } else {
                single.append(q % 2 == 0 ? sentenceWords()[0] : distinct[rng.below(distinct.count)])
                var words = sentenceWords()
                let a = words.remove(at: rng.below(words.count))
                let b = words[rng.below(words.count)]
                and.append("+\(a) +\(b)")
                let c = sentenceWords(), d = sentenceWords()
                or.append("\(c[rng.below(c.count)]) \(d[rng.below(d.count)])")
                phrase.append("\"\(Self.adjacentPair(english, rng: &rng))\"")
            }
        }
        rng = SplitMix64(seed: seed, stream: 0xC1A5, variant: 0)
        for _ in 0..<count { runs.append(hanRun(3 + rng.below(6))) }
    }

    /// Two adjacent content words of a random English sentence.
    private static func adjacentPair(_ pool: SentencePool, rng: inout SplitMix64) -> String {
        while true {
            let tokens = String(decoding: pool.raw[pool.rawRange(rng.below(pool.count))], as: UTF8.self)
                .split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
            guard tokens.count >= 2 else { continue }
            let i = rng.below(tokens.count - 1)
            let (a, b) = (tokens[i], tokens[i + 1])
            if a.count >= 4, b.count >= 4, !stop.contains(a), !stop.contains(b) { return "\(a) \(b)" }
        }
    }

    /// Lower-case ASCII words of four letters or more, stop words dropped.
    static func words(_ bytes: ArraySlice<UInt8>) -> [String] {
        var out: [String] = []
        var word: [UInt8] = []
        func end() {
            if word.count >= 4 {
                let w = String(decoding: word, as: UTF8.self)
                if !stop.contains(w) { out.append(w) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(b)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b | 0x20)
            default: end()
            }
        }
        end()
        return out
    }

    /// The four files, `<name>.tsv` → content.
    var files: [(String, String)] {
        func tsv(_ prefix: String, _ queries: [String]) -> String {
            queries.enumerated().map { "\(prefix)\($0.offset + 1)\t\($0.element)\n" }.joined()
        }
        return [
            ("single.tsv", tsv("s", single)), ("and.tsv", tsv("a", and)), ("or.tsv", tsv("o", or)),
            ("phrase.tsv", tsv("p", phrase)), ("runs.tsv", tsv("r", runs)),
        ]
    }
}
