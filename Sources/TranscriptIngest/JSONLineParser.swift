/// Why a JSONL line could not be read as an object.
enum JSONLineError: Error, Equatable {
    /// Not JSON (RFC 8259), or not UTF-8 inside a string: the caller tells the two apart.
    case invalid
    /// Valid JSON, but the top-level value is an array.
    case notObject
}

/// A one-pass JSON parser for JSONL lines, each holding one object, written for indexing speed.
///
/// The whole line is checked against RFC 8259 (no trailing commas, no comments, no `NaN`, numbers that fit a
/// `Double`, strings of valid UTF-8 without raw control characters, nesting at most 512 deep, as Foundation
/// allows) but only the top-level keys a statement reads (`JSONLineField`) are kept: `id` is unescaped, the
/// text fields are unescaped and cleaned (`CleanTextWriter`) in the same pass over the bytes, and every other
/// value — nested arrays and objects included — is only validated. A leading UTF-8 byte-order mark is skipped.
/// `\uXXXX` escapes decode surrogate pairs; a lone surrogate becomes U+FFFD. Duplicate keys: the last wins.
///
/// One parser serves many lines (it reuses its buffers) but one thread: each reader call makes its own.
final class JSONLineParser {
    /// Decoded string bytes of the current line; `values` point into it.
    private var output: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// One slot per `JSONLineField`.
    private let values: UnsafeMutablePointer<JSONLineValue>
    /// The line last parsed (valid until the next `parse`).
    private var line = UnsafeRawBufferPointer(start: nil, count: 0)

    init() {
        capacity = 4096
        output = .allocate(capacity: capacity)
        values = .allocate(capacity: JSONLineField.count)
        values.initialize(repeating: .absent, count: JSONLineField.count)
    }

    deinit {
        output.deallocate()
        values.deinitialize(count: JSONLineField.count)
        values.deallocate()
    }

    /// Parses one line; afterwards `value(_:)`, `string(_:)` and `literal(_:)` read its fields.
    ///
    /// - Throws: `JSONLineError.invalid` for anything but one JSON value and whitespace,
    ///   `.notObject` for a valid line whose value is an array.
    /// - Complexity: O(line length), one pass.
    func parse(_ line: UnsafeRawBufferPointer) throws(JSONLineError) {
        self.line = line
        // Cleaning writes at most 3 bytes for 2 read (a C1 control becomes its windows-1252 character).
        let needed = line.count * 2 + 64
        if needed > capacity {
            output.deallocate()
            capacity = max(needed, capacity * 2)
            output = .allocate(capacity: capacity)
        }
        for k in 0..<JSONLineField.count { values[k] = .absent }
        guard let base = line.baseAddress else { throw .invalid }
        var cursor = JSONLineCursor(
            bytes: base.assumingMemoryBound(to: UInt8.self),
            count: line.count,
            output: output,
            values: values
        )
        try cursor.parseLine()
    }

    /// What the last line held for `field`.
    func value(_ field: JSONLineField) -> JSONLineValue { values[field.rawValue] }

    /// The decoded bytes of a `.string` value, as a `String`.
    func string(_ value: JSONLineValue) -> String {
        guard value.inLine else {
            return String(decoding: UnsafeBufferPointer(start: output + value.start, count: value.count), as: UTF8.self)
        }
        // Cleaning writes at most 3 bytes for 2 read; the pages the text does not fill are never touched.
        let line = self.line
        let decoded = String(unsafeUninitializedCapacity: value.count / 2 * 3 + 16) { buffer in
            var cursor = JSONLineCursor(
                bytes: line.baseAddress!.assumingMemoryBound(to: UInt8.self) + value.start,
                count: value.count,
                output: buffer.baseAddress!,
                values: values
            )
            // The parse validated the string: decoding it again cannot fail.
            guard let text = try? cursor.cleanString() else { return 0 }
            return text.count
        }
        return decoded
    }

    /// The literal text of a `.number` value, as written in the line.
    func literal(_ value: JSONLineValue) -> String {
        String(
            decoding: UnsafeRawBufferPointer(rebasing: line[value.start..<(value.start + value.count)]),
            as: UTF8.self
        )
    }
}

/// The parser's position in one line, and where decoded strings go. Lives on the stack for one `parse`.
struct JSONLineCursor {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let output: UnsafeMutablePointer<UInt8>
    let values: UnsafeMutablePointer<JSONLineValue>
    var i = 0
    var outputCount = 0

    /// Text values longer than this (in the line) are decoded only when asked for.
    static let longString = 1 << 20

    /// Foundation's `JSONSerialization` accepts 512 levels of nesting, the line's own object included.
    static let maximumDepth = 512

    init(
        bytes: UnsafePointer<UInt8>,
        count: Int,
        output: UnsafeMutablePointer<UInt8>,
        values: UnsafeMutablePointer<JSONLineValue>
    ) {
        self.bytes = bytes
        self.count = count
        self.output = output
        self.values = values
    }

    /// The byte at `k`, or 0 past the end: 0 is invalid wherever the grammar looks at a single byte.
    @inline(__always)
    func byte(_ k: Int) -> UInt8 { k < count ? bytes[k] : 0 }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A else { return }
            i &+= 1
        }
    }

    // MARK: - Line and top-level object

    mutating func parseLine() throws(JSONLineError) {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        switch byte(i) {
        case UInt8(ascii: "{"):
            try parseTopObject()
        case UInt8(ascii: "["):
            try skipContainer(enclosingDepth: 0)
            skipWhitespace()
            guard i == count else { throw .invalid }
            throw .notObject
        default:
            throw .invalid
        }
        skipWhitespace()
        guard i == count else { throw .invalid }
    }

    private mutating func parseTopObject() throws(JSONLineError) {
        i &+= 1
        skipWhitespace()
        if byte(i) == UInt8(ascii: "}") {
            i &+= 1
            return
        }
        while true {
            guard byte(i) == UInt8(ascii: "\"") else { throw .invalid }
            let field = try parseKey()
            skipWhitespace()
            guard byte(i) == UInt8(ascii: ":") else { throw .invalid }
            i &+= 1
            skipWhitespace()
            let value = try parseValue(mode: field?.mode ?? .skip)
            if let field { values[field.rawValue] = value }
            skipWhitespace()
            switch byte(i) {
            case UInt8(ascii: ","):
                i &+= 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                i &+= 1
                return
            default:
                throw .invalid
            }
        }
    }

    /// Reads a key (at its opening quote) and says which field it names.
    private mutating func parseKey() throws(JSONLineError) -> JSONLineField? {
        let start = i &+ 1
        try skipString()
        let end = i &- 1
        // Keys with escapes (`"\u0069d"`) are decoded to compare; the bytes written are not kept.
        if (start..<end).contains(where: { bytes[$0] == UInt8(ascii: "\\") }) {
            i = start &- 1
            let mark = outputCount
            let decoded = try rawString()
            outputCount = mark
            return JSONLineField.named(output + decoded.start, count: decoded.count)
        }
        return JSONLineField.named(bytes + start, count: end &- start)
    }

    /// Reads one value (at its first byte) that belongs to a key of the top-level object.
    private mutating func parseValue(mode: JSONLineField.Mode) throws(JSONLineError) -> JSONLineValue {
        switch byte(i) {
        case UInt8(ascii: "\""):
            switch mode {
            case .raw: return try rawString()
            case .clean:
                // A very long text is only validated now: decoded later into its `String`, it is held twice
                // (line and text), not three times (line, decoded bytes, text).
                guard count &- i > Self.longString else { return try cleanString() }
                let start = i
                try skipString()
                guard i &- start > Self.longString else {
                    i = start
                    return try cleanString()
                }
                return JSONLineValue(kind: .string, start: start, count: i &- start, inLine: true)
            case .skip:
                try skipString()
                return JSONLineValue(kind: .string, start: 0, count: 0)
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer(enclosingDepth: 1)
            return JSONLineValue(kind: .container, start: 0, count: 0)
        default:
            return try parseScalar()
        }
    }

    /// Reads `true`, `false`, `null` or a number.
    private mutating func parseScalar() throws(JSONLineError) -> JSONLineValue {
        func word(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i &+ n <= count else { return false }
            for k in 0..<n where bytes[i &+ k] != text.utf8Start[k] { return false }
            return true
        }
        switch byte(i) {
        case UInt8(ascii: "t"):
            guard word("true") else { throw .invalid }
            i &+= 4
            return JSONLineValue(kind: .true, start: 0, count: 0)
        case UInt8(ascii: "f"):
            guard word("false") else { throw .invalid }
            i &+= 5
            return JSONLineValue(kind: .false, start: 0, count: 0)
        case UInt8(ascii: "n"):
            guard word("null") else { throw .invalid }
            i &+= 4
            return JSONLineValue(kind: .null, start: 0, count: 0)
        default:
            let start = i
            try skipNumber()
            return JSONLineValue(kind: .number, start: start, count: i &- start)
        }
    }

    // MARK: - Values that are only validated

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and finite as a `Double`.
    private mutating func skipNumber() throws(JSONLineError) {
        let start = i
        if byte(i) == UInt8(ascii: "-") { i &+= 1 }
        func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
        let first = byte(i)
        guard isDigit(first) else { throw .invalid }
        let integerStart = i
        i &+= 1
        if first != UInt8(ascii: "0") { while isDigit(byte(i)) { i &+= 1 } }
        let integerDigits = i &- integerStart
        if byte(i) == UInt8(ascii: ".") {
            i &+= 1
            guard isDigit(byte(i)) else { throw .invalid }
            while isDigit(byte(i)) { i &+= 1 }
        }
        var exponent = 0
        if byte(i) | 0x20 == UInt8(ascii: "e") {
            i &+= 1
            let negative = byte(i) == UInt8(ascii: "-")
            if negative || byte(i) == UInt8(ascii: "+") { i &+= 1 }
            guard isDigit(byte(i)) else { throw .invalid }
            while isDigit(byte(i)) {
                exponent = min(exponent &* 10 &+ Int(byte(i) &- 0x30), 100_000)
                i &+= 1
            }
            if negative { exponent = -exponent }
        }
        // Foundation rejects a number too large for a Double (`1e400`, a 400-digit integer). Only a number
        // near the limit is converted to find out: arrays of ordinary numbers are skipped at speed.
        if integerDigits &+ exponent > 300 {
            let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: i &- start), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw .invalid }
        }
    }

    /// Validates an array or object (at its opening bracket) without recursion; `enclosingDepth` containers
    /// hold it.
    mutating func skipContainer(enclosingDepth: Int) throws(JSONLineError) {
        // One bit per open container: 1 for an object.
        var open: [UInt64] = [0]
        var depth = 0
        func push(_ isObject: Bool) throws(JSONLineError) {
            guard enclosingDepth &+ depth < Self.maximumDepth else { throw .invalid }
            if depth >> 6 == open.count { open.append(0) }
            if isObject {
                open[depth >> 6] |= 1 << UInt64(depth & 63)
            } else {
                open[depth >> 6] &= ~(1 << UInt64(depth & 63))
            }
            depth &+= 1
        }
        func topIsObject() -> Bool { open[(depth &- 1) >> 6] >> UInt64((depth &- 1) & 63) & 1 == 1 }

        try push(byte(i) == UInt8(ascii: "{"))
        i &+= 1
        var justOpened = true
        while true {
            skipWhitespace()
            let inObject = topIsObject()
            let close = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if byte(i) == close {
                // `[]`, `{}`, or the end after a value; a close right after a comma fails below.
                i &+= 1
                depth &-= 1
                if depth == 0 { return }
                justOpened = false
                continue
            }
            if !justOpened {
                guard byte(i) == UInt8(ascii: ",") else { throw .invalid }
                i &+= 1
                skipWhitespace()
            }
            if inObject {
                guard byte(i) == UInt8(ascii: "\"") else { throw .invalid }
                try skipString()
                skipWhitespace()
                guard byte(i) == UInt8(ascii: ":") else { throw .invalid }
                i &+= 1
                skipWhitespace()
            }
            switch byte(i) {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try push(byte(i) == UInt8(ascii: "{"))
                i &+= 1
                justOpened = true
                continue
            case UInt8(ascii: "\""):
                try skipString()
            default:
                _ = try parseScalar()
            }
            justOpened = false
        }
    }
}
