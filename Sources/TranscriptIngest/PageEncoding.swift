/// The character encoding a page is parsed with, and how it was chosen.
///
/// Rules (DESIGN §3): a byte-order mark wins; then a `<meta charset>` or `http-equiv` declaration found by
/// a prescan of the page's opening bytes that skips comments and scripts (so `document.charset='gb2312'`
/// inside a script is not a declaration); without a usable declaration, valid UTF-8 is UTF-8 and anything
/// else is windows-1252. Windows-1252 (and its WHATWG aliases `iso-8859-1`, `us-ascii`) is transcoded here,
/// so libxml2 always sees either UTF-8 or an encoding its iconv bridge knows.
enum PageEncoding: Equatable, Sendable {
    /// UTF-8, parsed as is (after replacing invalid sequences, if any).
    case utf8
    /// Windows-1252, transcoded to UTF-8 before parsing.
    case windows1252
    /// Another encoding libxml2 converts through iconv (`GB18030`, `BIG5`, `UTF-16LE`, …).
    case other(String)

    /// The encoding for a charset label, or `nil` when the label names nothing libxml2 can read.
    init?(label rawLabel: String) {
        let label = rawLabel.trimmingASCIIWhitespace().lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            self = .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
            "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100", "csisolatin1":
            self = .windows1252
        case "gb2312", "gbk", "x-gbk", "gb18030", "chinese", "csgb2312", "gb_2312-80", "euc-cn":
            // GB18030 is a superset of both; pages labelled gb2312 routinely contain GBK characters.
            self = .other("GB18030")
        case "utf-16", "utf-16le":
            self = .other("UTF-16LE")
        case "utf-16be":
            self = .other("UTF-16BE")
        case "":
            return nil
        default:
            guard label.utf8.allSatisfy({ $0 < 0x80 && $0 > 0x20 }) else { return nil }
            self = .other(label.uppercased())
        }
    }

    /// The name handed to libxml2.
    var libxml2Name: String {
        switch self {
        case .utf8, .windows1252: "UTF-8"
        case .other(let name): name
        }
    }
}

// MARK: - Prescan for a declaration

extension PageEncoding {
    /// How many opening bytes the prescan looks at. Real pages declare their charset in the first few
    /// hundred bytes; a generous window tolerates long `<head>` sections.
    static let prescanLimit = 65_536

    /// The charset label declared by a `<meta>` element in the page's opening bytes, if any.
    ///
    /// Comments, `<script>` and `<style>` contents are skipped, so a script that assigns
    /// `document.charset` is not taken for a declaration.
    static func declaredLabel(in bytes: UnsafeRawBufferPointer) -> String? {
        let end = min(bytes.count, prescanLimit)
        var i = 0
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if bytes.hasPrefix("<!--", at: i) {
                i = bytes.firstIndex(of: "-->", from: i + 4, end: end).map { $0 + 3 } ?? end
            } else if bytes.hasPrefixIgnoringCase("<script", at: i) {
                i = (bytes.firstIndexIgnoringCase(of: "</script", from: i + 7, end: end) ?? end) + 1
            } else if bytes.hasPrefixIgnoringCase("<style", at: i) {
                i = (bytes.firstIndexIgnoringCase(of: "</style", from: i + 6, end: end) ?? end) + 1
            } else if bytes.hasPrefixIgnoringCase("<meta", at: i), i + 5 < end,
                bytes[i + 5] == 0x20 || bytes[i + 5] == 0x09 || bytes[i + 5] == 0x0A || bytes[i + 5] == 0x0D
                    || bytes[i + 5] == UInt8(ascii: "/")
            {
                let (attributes, next) = parseAttributes(bytes, from: i + 5, end: end)
                i = next
                if let charset = attributes["charset"], !charset.isEmpty { return charset }
                if attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"],
                    let charset = charsetParameter(in: content)
                {
                    return charset
                }
            } else if bytes.hasPrefixIgnoringCase("<body", at: i) {
                return nil
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Reads `name=value` pairs up to the tag's `>`; names lowercased.
    private static func parseAttributes(
        _ bytes: UnsafeRawBufferPointer,
        from start: Int,
        end: Int
    ) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var i = start
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        while i < end {
            while i < end, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
            guard i < end, bytes[i] != UInt8(ascii: ">") else { return (attributes, i + 1) }
            let nameStart = i
            while i < end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
                .lowercased()
            while i < end, isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < end, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < end, isSpace(bytes[i]) { i += 1 }
                if i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    i += 1
                    let valueStart = i
                    while i < end, bytes[i] != quote { i += 1 }
                    value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
        return (attributes, end)
    }

    /// The `charset=` parameter of a `content="text/html; charset=…"` value.
    static func charsetParameter(in content: String) -> String? {
        let lower = content.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let label = rest.prefix(while: { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" })
        return label.isEmpty ? nil : String(label)
    }
}

// MARK: - Byte helpers

extension UnsafeRawBufferPointer {
    func hasPrefix(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= self.count else { return false }
        let start = literal.utf8Start
        for k in 0..<count where self[index + k] != start[k] { return false }
        return true
    }

    func hasPrefixIgnoringCase(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= self.count else { return false }
        let start = literal.utf8Start
        for k in 0..<count where self[index + k] | 0x20 != start[k] | 0x20 { return false }
        return true
    }

    func firstIndex(of literal: StaticString, from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            if hasPrefix(literal, at: i) { return i }
            i += 1
        }
        return nil
    }

    func firstIndexIgnoringCase(of literal: StaticString, from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            if hasPrefixIgnoringCase(literal, at: i) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
