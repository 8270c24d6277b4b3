/// JSON and HTML escaping on bytes.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `bytes` (UTF-8) as the inside of a JSON string: quotes, backslashes and control characters
    /// escaped, everything else copied.
    static func appendEscaped<C: Collection<UInt8>>(_ bytes: C, to out: inout [UInt8]) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 10: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 9: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8]) { appendEscaped(Array(text.utf8), to: &out) }

    /// Appends `bytes` as HTML text: `&`, `<` and `>` escaped.
    static func appendHTML<C: Collection<UInt8>>(_ bytes: C, to out: inout [UInt8]) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): out.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): out.append(contentsOf: Array("&gt;".utf8))
            default: out.append(b)
            }
        }
    }
}
