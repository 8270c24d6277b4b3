/// The Snowball English stemmer ("Porter2"), current definition (2025), working in place on ASCII bytes.
///
/// Implemented from the algorithm's published definition (snowballstem.org, `algorithms/english.sbl`,
/// including the 2025 R1 prefixes `past`, `univers`, `later`, `emerg`, `organ`, `inter` and the
/// `proceed`/`exceed`/`succeed`, `dying`/`lying`/`tying`, `inning`/`outing`/… and `-ogist` rules).
/// The reference vocabulary in `../shared/testdata/snowball-english` checks it word by word.
///
/// The stemmer only understands lowercase `a`–`z` and the apostrophe; the tokenizer sends nothing else.
public enum EnglishStemmer {
    /// The stem of one lowercase English word.
    ///
    /// Words containing anything but `a`–`z` and `'` are returned unchanged.
    /// - Parameter word: A lowercase word.
    /// - Returns: Its Porter2 stem.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else { return word }
        let count = bytes.withUnsafeMutableBufferPointer { stem(in: $0.baseAddress!, count: $0.count) }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    /// Stems the `count` bytes at `word` in place and returns the stem's length.
    ///
    /// A stem is never longer than its word, so the caller's buffer is large enough.
    /// - Precondition: the bytes are lowercase ASCII letters or `'`.
    /// - Complexity: O(n) in the word's length.
    static func stem(in word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        guard count > 0 else { return 0 }
        var w = StemmerWord(bytes: word, count: count)
        if let exception = w.exceptionalForm() { return exception }
        // Snowball leaves words of one or two letters alone ("not hop 3").
        guard count >= 3 else { return count }
        w.prelude()
        w.markRegions()
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        w.postlude()
        return w.count
    }
}
