import TestSupport
/// Random JSONL lines from a fixed seed: statement keys and others, strings full of escapes, odd whitespace
/// and Unicode the cleaner treats specially, numbers, literals, nested values, and damaged copies of them.
struct JSONLineGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    static let keys = [
        "id", "answer", "text", "date", "spokesperson", "question", "title", "outlet", "asked_by", "url", "language",
        "lang", "kind", "follow_up", "followUp", "source", "ordinal", "raw_html", "meta", "ID", "answers", "\\u0069d",
        "t\\u0065xt",
    ]

    /// Pieces of string content, as JSON source text.
    static let pieces = [
        "word", "Spokesperson", "China", " ", "  ", "   ", "\\t", "\\n", "\\n\\n", "\\r\\n", " \\n ", "\\u00a0",
        "\u{A0}",
        "\u{3000}", "\u{2003}", "\u{200B}", "\u{FEFF}", "\\u200b", "\\ufeff", "&nbsp;", "&amp;", "&", "&nb", "nbsp;",
        "\\u0026nbsp;", "&\\u006ebsp;", "&n\\u0000bsp;", "&n\\u0001bsp;", "\\\"", "\\\\", "\\/", "\\b", "\\f",
        "\\u0000", "\\u0001", "\\u001f", "\\u007f", "\u{7F}", "\u{85}", "\u{81}", "\\u0085", "\\u0081", "\\u0096",
        "中文", "知识产权", "é", "😀", "\\ud83d\\ude00", "\\uD834\\uDD1E", "\\u4e2d", "\\u00e9", "\\u00E9", "\u{2028}",
        "\u{2029}", "\u{205F}", "\u{202F}", "\u{2009}", "\u{200D}", "Q:", "A:", "Bloomberg News", "Hua Chunying", "'",
        ",", "{", "}", "[", "]", ":", "ü", "\u{301}",
    ]

    mutating func string() -> String {
        var s = "\""
        for _ in 0..<Int(random.next() % 12) { s += pick(Self.pieces) }
        return s + "\""
    }

    mutating func number() -> String {
        pick([
            "0", "-0", "2", "12", "-3.5", "1e5", "2.5E-3", "1.0", "123456789", "0.5e+2", "1", "-12.25", "1e-999",
            "1e300",
        ])
    }

    mutating func space() -> String { chance(70) ? pick(["", " "]) : pick(["\t", "  ", "\r", " \t "]) }

    mutating func value(depth: Int) -> String {
        switch random.next() % 10 {
        case 0: return number()
        case 1: return pick(["true", "false", "null"])
        case 2 where depth < 3:
            let items = (0..<Int(random.next() % 4)).map { _ in value(depth: depth + 1) }
            return "[" + items.joined(separator: "," + space()) + "]"
        case 3 where depth < 3:
            let members = (0..<Int(random.next() % 4)).map { _ in
                "\"\(pick(Self.keys))\"" + space() + ":" + space() + value(depth: depth + 1)
            }
            return "{" + members.joined(separator: ",") + "}"
        default: return string()
        }
    }

    mutating func value(for key: String) -> String {
        switch key {
        case "id", "\\u0069d":
            if chance(85) { return "\"id-\(random.next() % 2000)\(chance(10) ? "\\u00e9" : "")\"" }
            return pick(["\"\"", "null", "true", "[]", "42", "7", "\" \""])
        case "date":
            return pick([
                "\"2019-05-01\"", "\"2019-05-01T10:00:00Z\"", "\"May 1, 2019\"", "\"someday\"", "\"\"", "3",
                "\"2019-02-29\"", "\"2020-02-29\"", "\"1899-12-31\"", "\"2019-13-01\"", "\"2019/5/1\"",
                "\" 2019-05-01\"",
                "\"2019-05-1x\"", "\"\\u0032019-05-01\"",
            ])
        case "follow_up", "followUp":
            return pick(["true", "false", "0", "1", "2", "1.0", "\"yes\"", "null"])
        case "answer",
            "text" where chance(80):
            return string()
        default:
            return value(depth: 0)
        }
    }

    /// One line: an object of 1–9 members, now and then an array or a bare value instead.
    mutating func line() -> [UInt8] {
        if chance(2) { return Array(pick(["[1, 2]", "[]", "\"text\"", "12", "null", "{}"]).utf8) }
        var members: [String] = []
        if chance(90) { members.append("\"id\"" + space() + ":" + space() + value(for: "id")) }
        for _ in 0..<Int(random.next() % 9) {
            let key = pick(Self.keys)
            members.append("\"\(key)\"" + space() + ":" + space() + value(for: key))
        }
        if chance(85) { members.append("\"answer\":" + space() + string()) }
        for k in members.indices.reversed() where k > 0 && chance(30) { members.swapAt(k, k - 1) }
        let prefix = chance(1) ? "\u{FEFF}" : ""
        return Array((prefix + space() + "{" + space() + members.joined(separator: "," + space()) + "}" + space()).utf8)
    }

    /// The line truncated, or with one byte deleted, replaced or inserted.
    mutating func damaged(_ line: [UInt8]) -> [UInt8] {
        guard !line.isEmpty, chance(60) else { return line }
        var bytes = line
        let at = Int(random.next() % UInt64(bytes.count))
        let junk: [UInt8] = [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x78, 0x30, 0x20, 0x01, 0x09, 0xFF, 0xC3, 0x75]
        switch random.next() % 4 {
        case 0: bytes.removeSubrange(at...)
        case 1: bytes.remove(at: at)
        case 2: bytes[at] = pick(junk)
        default: bytes.insert(pick(junk), at: at)
        }
        return bytes
    }

    /// Whether a `,` is followed (past whitespace) by `}` or `]` outside strings.
    static func hasTrailingComma(_ line: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        var lastSignificant: UInt8 = 0
        for b in line {
            if inString {
                if escaped {
                    escaped = false
                } else if b == 0x5C {
                    escaped = true
                } else if b == 0x22 {
                    inString = false
                    lastSignificant = b
                }
                continue
            }
            if b == 0x22 {
                inString = true
            } else if b == 0x20 || b == 0x09 || b == 0x0D {
                continue
            } else if (b == 0x7D || b == 0x5D), lastSignificant == 0x2C {
                return true
            }
            lastSignificant = b
        }
        return false
    }

    /// Whether a `\u` escape of a surrogate (or a damaged pair) may be in the line.
    static func mayHoldLoneSurrogate(_ line: [UInt8]) -> Bool {
        for k in line.indices.dropLast(2) where line[k] == 0x5C && line[k + 1] == 0x75 && line[k + 2] | 0x20 == 0x64 {
            return true
        }
        return false
    }
}
