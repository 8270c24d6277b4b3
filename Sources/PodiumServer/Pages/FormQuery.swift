/// The name and value pairs of a URL's query, decoded as a browser's form sends them.
///
/// A form sent with GET encodes a space as `+`, and `+` itself as `%2B`; the query language gives `+` a
/// meaning (a required word), so the two must not be confused, as a plain percent-decoder would.
struct FormQuery {
    /// Every pair in order; a name may repeat.
    let items: [(name: String, value: String)]

    /// Reads `query` (the part of a URL after `?`, without it); `nil` gives no pairs.
    init(_ query: String?) {
        guard let query, !query.isEmpty else {
            items = []
            return
        }
        items = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormQuery.decode(parts[0])
            return (name, parts.count > 1 ? FormQuery.decode(parts[1]) : "")
        }
    }

    /// The first value named `name`, when present.
    subscript(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// The first value named `name` with surrounding whitespace removed; `nil` when absent or blank.
    func trimmed(_ name: String) -> String? {
        guard let value = self[name] else { return nil }
        let trimmed = value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// A path segment as a request spells it, percent-decoded; `+` stays `+` (a space is only `+` in a query).
    static func decodePath(_ segment: String) -> String {
        decode(Substring(segment), plusIsSpace: false)
    }

    /// `+` as a space, `%XX` as its byte; a `%` not followed by two hex digits stays as it is, and bytes
    /// that are not UTF-8 become U+FFFD.
    static func decode(_ text: Substring, plusIsSpace: Bool = true) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(text)
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "+") && plusIsSpace {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]),
                let low = hexValue(bytes[i + 2])
            {
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
