import TranscriptIngest

/// A statement as one JSON object, written by hand: what `podium parse --format jsonl` prints.
///
/// The bytes are those `JSONEncoder` gives with `.sortedKeys` and `.withoutEscapingSlashes` (keys in
/// byte order; `"`, `\`, `\b`, `\f`, `\n`, `\r`, `\t` escaped by name, other control characters as
/// `\u00xx`; everything else as UTF-8), at a fraction of the cost: on article pages the encoder took as
/// long as a fifth of the reading.
public enum StatementJSON {
    /// `statement` as a JSON object (no line break), with `reader`'s short name as `reader` when given.
    public static func object(_ statement: Statement, reader: ReaderKind? = nil) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(statement.answer.utf8.count + statement.question.utf8.count + 512)
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func string(_ name: StaticString, _ value: String) {
            key(name)
            appendQuoted(value, to: &out)
        }
        string("answer", statement.answer)
        string("date", statement.date)
        key("followUp")
        out.append(contentsOf: (statement.followUp ? "true" : "false").utf8)
        string("id", statement.id)
        string("kind", statement.kind)
        string("language", statement.language)
        key("ordinal")
        out.append(contentsOf: String(statement.ordinal).utf8)
        string("outlet", statement.outlet)
        string("publisher", statement.publisher)
        string("question", statement.question)
        if let reader { string("reader", reader.rawValue) }
        string("source", statement.source)
        string("spokesperson", statement.spokesperson)
        string("title", statement.title)
        string("url", statement.url)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var plain = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i]))
                plain = i + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
                case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
                case 0x08: out.append(contentsOf: [92, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [92, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
                default:
                    out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
