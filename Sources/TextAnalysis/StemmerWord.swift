/// A word being stemmed: bytes, their live length and the regions R1 and R2.
struct StemmerWord {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    /// Start of R1 and R2 (Snowball's `p1`, `p2`); `count` when the region is empty.
    var p1 = 0
    var p2 = 0
    /// Whether the prelude turned some `y` into the consonant marker `Y`.
    var foundY = false

    init(bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    subscript(i: Int) -> UInt8 {
        get { bytes[i] }
        nonmutating set { bytes[i] = newValue }
    }

    // MARK: - Letter classes

    static let a: UInt8 = 0x61, e: UInt8 = 0x65, i: UInt8 = 0x69, o: UInt8 = 0x6F, u: UInt8 = 0x75
    static let y: UInt8 = 0x79, bigY: UInt8 = 0x59, s: UInt8 = 0x73, t: UInt8 = 0x74, l: UInt8 = 0x6C
    static let apostrophe: UInt8 = 0x27

    /// Snowball's `v`: a e i o u y (the marker `Y` is a consonant).
    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        c == a || c == e || c == i || c == o || c == u || c == y
    }

    /// Whether `c` is one of the letters a valid `-li` ending may follow: c d e g h k m n r t.
    @inline(__always) static func isValidLI(_ c: UInt8) -> Bool {
        switch c {
        case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: return true
        default: return false
        }
    }

    // MARK: - Matching helpers

    /// Whether the word, cut at `end`, ends with `suffix`.
    @inline(__always) func hasSuffix(_ suffix: StaticString, endingAt end: Int) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard n <= end else { return false }
        let p = suffix.utf8Start
        for k in 0..<n where bytes[end - n + k] != p[k] { return false }
        return true
    }

    @inline(__always) func hasSuffix(_ suffix: StaticString) -> Bool { hasSuffix(suffix, endingAt: count) }

    /// Whether the first `length` bytes are exactly `text`.
    @inline(__always) func prefix(_ length: Int, equals text: StaticString) -> Bool {
        length == text.utf8CodeUnitCount && hasSuffix(text, endingAt: length)
    }

    /// The longest of `suffixes` the word ends with, as its index, or nil.
    func longestSuffix(_ suffixes: [StaticString]) -> Int? {
        var best: Int?
        var bestLength = 0
        for (index, suffix) in suffixes.enumerated()
        where suffix.utf8CodeUnitCount > bestLength && hasSuffix(suffix) {
            best = index
            bestLength = suffix.utf8CodeUnitCount
        }
        return best
    }

    /// Replaces the last `length` bytes with `replacement` (never longer than what it replaces).
    @inline(__always) mutating func replaceSuffix(length: Int, with replacement: StaticString) {
        let n = replacement.utf8CodeUnitCount
        let start = count - length
        let p = replacement.utf8Start
        for k in 0..<n { bytes[start + k] = p[k] }
        count = start + n
    }

    /// Whether some vowel lies in `bytes[0..<end]`.
    @inline(__always) func hasVowel(before end: Int) -> Bool {
        var k = 0
        while k < end {
            if StemmerWord.isVowel(bytes[k]) { return true }
            k += 1
        }
        return false
    }

    /// Snowball's `shortv` tested at `end`: the word cut there ends in a short syllable.
    ///
    /// A short syllable is consonant–vowel–consonant where the last consonant is not w, x or Y,
    /// or vowel–consonant at the very start of the word; the 2025 definition adds a final `past`.
    func endsInShortSyllable(at end: Int) -> Bool {
        if end >= 3 {
            let last = bytes[end - 1]
            if !StemmerWord.isVowel(last) && last != 0x77 && last != 0x78 && last != StemmerWord.bigY
                && StemmerWord.isVowel(bytes[end - 2]) && !StemmerWord.isVowel(bytes[end - 3])
            {
                return true
            }
        }
        if end == 2 && StemmerWord.isVowel(bytes[0]) && !StemmerWord.isVowel(bytes[1]) { return true }
        return hasSuffix("past", endingAt: end)
    }
}
