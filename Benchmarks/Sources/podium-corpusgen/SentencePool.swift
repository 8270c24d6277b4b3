/// Every sentence of one language and field of the real corpus, in one byte arena.
///
/// Sampling a sentence uniformly from the pool reproduces the real vocabulary and its term-frequency skew: a
/// word appears in generated text as often, relative to the others, as it did in the real statements.
/// Each sentence is kept twice: raw (for HTML, escaped at write time) and already escaped for JSON, so the
/// hot loop of a million-statement corpus only copies bytes.
struct SentencePool {
    private(set) var raw: [UInt8] = []
    private(set) var json: [UInt8] = []
    private var rawEnds: [Int] = []
    private var jsonEnds: [Int] = []

    var count: Int { rawEnds.count }
    var isEmpty: Bool { rawEnds.isEmpty }

    mutating func append(_ sentence: ArraySlice<UInt8>) {
        raw.append(contentsOf: sentence)
        rawEnds.append(raw.count)
        JSONText.appendEscaped(sentence, to: &json)
        jsonEnds.append(json.count)
    }

    func rawRange(_ k: Int) -> Range<Int> { (k == 0 ? 0 : rawEnds[k - 1])..<rawEnds[k] }
    func jsonRange(_ k: Int) -> Range<Int> { (k == 0 ? 0 : jsonEnds[k - 1])..<jsonEnds[k] }
}

/// Splits statement text into paragraphs and sentences on bytes.
enum SentenceSplitter {
    /// The paragraphs of `text` (non-empty lines), each a list of sentences.
    static func paragraphs(_ text: String, chinese: Bool) -> [[ArraySlice<UInt8>]] {
        let bytes = Array(text.utf8)
        var result: [[ArraySlice<UInt8>]] = []
        for line in bytes.split(separator: 10) {
            let sentences = chinese ? chineseSentences(line) : englishSentences(line)
            if !sentences.isEmpty { result.append(sentences) }
        }
        return result
    }

    /// Ends a sentence after `.`, `?` or `!` followed by a space and a word that does not start in lower
    /// case, except after common abbreviations (`Mr.`, `No.`) and initials (`U.S.`, `D.C.`).
    static func englishSentences(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = line.startIndex
        var i = line.startIndex
        while i < line.endIndex {
            let b = line[i]
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!")),
                i + 2 < line.endIndex, line[i + 1] == 0x20, !isLower(line[i + 2]),
                !(b == UInt8(ascii: ".") && isAbbreviation(line[start...i]))
            {
                push(line[start...i], to: &out)
                start = i + 2
                i += 2
                continue
            }
            i += 1
        }
        push(line[start...], to: &out)
        return out
    }

    /// Ends a sentence after `。`, `？` or `！` and any closing quotes or brackets that follow.
    static func chineseSentences(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = line.startIndex
        var i = line.startIndex
        while i + 2 < line.endIndex {
            let three = (line[i], line[i + 1], line[i + 2])
            let ends = three == (0xE3, 0x80, 0x82) || three == (0xEF, 0xBC, 0x9F) || three == (0xEF, 0xBC, 0x81)
            guard ends else { i += 1; continue }
            var end = i + 3
            // ” (E2 80 9D), ） (EF BC 89), 」 (E3 80 8D), 』 (E3 80 8F)
            while end + 3 <= line.endIndex {
                let next = (line[end], line[end + 1], line[end + 2])
                guard
                    next == (0xE2, 0x80, 0x9D) || next == (0xEF, 0xBC, 0x89) || next == (0xE3, 0x80, 0x8D)
                        || next == (0xE3, 0x80, 0x8F)
                else { break }
                end += 3
            }
            push(line[start..<end], to: &out)
            start = end
            i = end
        }
        push(line[start...], to: &out)
        return out
    }

    private static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }

    /// Whether the word ending in this `.` is an initial or a title that does not end a sentence.
    private static func isAbbreviation(_ text: ArraySlice<UInt8>) -> Bool {
        let wordStart = (text.lastIndex(of: 0x20).map { $0 + 1 }) ?? text.startIndex
        let word = text[wordStart...]
        if word.count == 2 || (word.count >= 4 && word[word.endIndex - 3] == UInt8(ascii: ".")) { return true }
        let titles: [[UInt8]] = [
            "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Prof.", "Gen.", "Jr.", "Sr.", "Vs.", "vs.",
        ]
        .map { Array($0.utf8) }
        return titles.contains { $0.elementsEqual(word) }
    }

    private static func push(_ sentence: ArraySlice<UInt8>, to out: inout [ArraySlice<UInt8>]) {
        var s = sentence
        while let first = s.first, first == 0x20 || first == 0x09 || first == 0x0D { s = s.dropFirst() }
        while let last = s.last, last == 0x20 || last == 0x09 || last == 0x0D { s = s.dropLast() }
        if !s.isEmpty { out.append(s) }
    }
}
