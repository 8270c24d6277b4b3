/// Builds one JSON object as text with its keys in the order they are added, so that machine output
/// keeps a stable, readable field order (`id` first) without going through a dictionary.
public struct JSONObjectWriter {
    private var text = "{"
    private var first = true

    /// An empty object.
    public init() {}

    private mutating func key(_ name: String) {
        if !first { text += "," }
        first = false
        text += JSONText.quoted(name)
        text += ":"
    }

    /// Adds a string member.
    public mutating func add(_ name: String, _ value: String) {
        key(name)
        text += JSONText.quoted(value)
    }

    /// Adds an integer member.
    public mutating func add(_ name: String, _ value: Int) {
        key(name)
        text += String(value)
    }

    /// Adds a number member (rounded as `JSONText.number`); `null` when it is not finite.
    public mutating func add(_ name: String, _ value: Double) {
        key(name)
        text += value.isFinite ? JSONText.number(value) : "null"
    }

    /// Adds a `true` or `false` member.
    public mutating func add(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    /// Adds an array of strings.
    public mutating func add(_ name: String, strings: [String]) {
        key(name)
        text += "[" + strings.map(JSONText.quoted).joined(separator: ",") + "]"
    }

    /// Adds a value that is already JSON text.
    public mutating func add(_ name: String, raw: String) {
        key(name)
        text += raw
    }

    /// The object as JSON text.
    public var result: String { text + "}" }
}

/// JSON escaping for strings and numbers.
public enum JSONText {
    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped; everything
    /// else, Chinese included, left as UTF-8.
    public static func quoted(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case 0x0A: out += [92, UInt8(ascii: "n")]
            case 0x0D: out += [92, UInt8(ascii: "r")]
            case 0x09: out += [92, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// A score with at most six significant decimals, without a trailing `.0` noise.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
