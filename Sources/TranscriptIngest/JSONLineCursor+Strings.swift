// MARK: - Strings: skipped, unescaped, or unescaped and cleaned

extension JSONLineCursor {
    /// Validates a string (at its opening quote) and moves past its closing quote.
    mutating func skipString() throws(JSONLineError) {
        i &+= 1
        while true {
            while i &+ 8 <= count, SWAR.isPlain(SWAR.load(bytes + i)) { i &+= 8 }
            guard i < count else { throw .invalid }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i &+= 1
                return
            }
            if b == UInt8(ascii: "\\") {
                switch byte(i &+ 1) {
                case UInt8(ascii: "u"):
                    guard Self.hex4(bytes, at: i &+ 2, count: count) != nil else { throw .invalid }
                    i &+= 6
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i &+= 2
                default:
                    throw .invalid
                }
            } else if b < 0x20 {
                throw .invalid
            } else if b < 0x80 {
                i &+= 1
            } else if Self.isPlainThreeByteCharacter(bytes, at: i, count: count) {
                i &+= 3
            } else {
                let length = ByteText.sequenceLength(UnsafeRawBufferPointer(start: bytes, count: count), at: i)
                guard length > 0 else { throw .invalid }
                i &+= length
            }
        }
    }

    /// Whether a valid three-byte UTF-8 character that cleaning keeps as is starts at `k`: lead bytes
    /// E3–EC and EE–EF (most of CJK and full-width forms), minus U+3000 and U+FEFF. E0 (overlong forms),
    /// E2 (the typographic spaces) and ED (surrogates) take the general path.
    @inline(__always)
    static func isPlainThreeByteCharacter(_ bytes: UnsafePointer<UInt8>, at k: Int, count: Int) -> Bool {
        guard k &+ 3 <= count else { return false }
        let b0 = bytes[k], b1 = bytes[k &+ 1], b2 = bytes[k &+ 2]
        guard b0 >= 0xE3, b0 <= 0xEF, b0 != 0xED, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
        if b0 == 0xE3 { return b1 != 0x80 || b2 != 0x80 }
        if b0 == 0xEF { return b1 != 0xBB || b2 != 0xBF }
        return true
    }

    /// Decodes a string (at its opening quote) into the output as is.
    mutating func rawString() throws(JSONLineError) -> JSONLineValue {
        let start = outputCount
        i &+= 1
        while true {
            guard i < count else { throw .invalid }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i &+= 1
                return JSONLineValue(kind: .string, start: start, count: outputCount &- start)
            }
            if b == UInt8(ascii: "\\") {
                appendUTF8(try escape())
            } else if b < 0x20 {
                throw .invalid
            } else if b < 0x80 {
                output[outputCount] = b
                outputCount &+= 1
                i &+= 1
            } else {
                let length = ByteText.sequenceLength(UnsafeRawBufferPointer(start: bytes, count: count), at: i)
                guard length > 0 else { throw .invalid }
                for k in 0..<length { output[outputCount &+ k] = bytes[i &+ k] }
                outputCount &+= length
                i &+= length
            }
        }
    }

    /// Decodes a string (at its opening quote) into the output, cleaned (`CleanTextWriter`).
    mutating func cleanString() throws(JSONLineError) -> JSONLineValue {
        i &+= 1
        var writer = CleanTextWriter(output: output, at: outputCount)
        while true {
            // Eight printable ASCII bytes at a time, single spaces included where they follow visible text.
            if writer.entityMatched == 0 {
                while i &+ 8 <= count {
                    let word = SWAR.load(bytes + i)
                    guard SWAR.isPlainText(word) else { break }
                    let spaces = SWAR.bytes(equalTo: 0x20, in: word)
                    guard spaces & (spaces >> 8) == 0, spaces & 0x80 == 0 || writer.followsVisibleText else { break }
                    UnsafeMutableRawPointer(output + writer.count).storeBytes(of: word.littleEndian, as: UInt64.self)
                    writer.count &+= 8
                    i &+= 8
                }
            }
            guard i < count else { throw .invalid }
            let b = bytes[i]
            if b > 0x20, b < 0x7F, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b != UInt8(ascii: "&") {
                writer.visible(b)
                i &+= 1
                continue
            }
            switch b {
            case 0x20:
                writer.space()
                i &+= 1
            case UInt8(ascii: "\""):
                i &+= 1
                let value = writer.finish()
                outputCount = writer.count
                return value
            case UInt8(ascii: "\\"):
                switch byte(i &+ 1) {
                case UInt8(ascii: "n"):
                    writer.paragraph()
                    i &+= 2
                case UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "f"):
                    writer.space()
                    i &+= 2
                default:
                    writer.scalar(try escape())
                }
            case UInt8(ascii: "&"):
                writer.ampersand()
                i &+= 1
            case 0x7F:
                writer.drop()
                i &+= 1
            case 0..<0x20:
                throw .invalid
            default:
                if Self.isPlainThreeByteCharacter(bytes, at: i, count: count) {
                    // Chinese text: copy character after character while nothing needs cleaning.
                    writer.entityMatched = 0
                    repeat {
                        output[writer.count] = bytes[i]
                        output[writer.count &+ 1] = bytes[i &+ 1]
                        output[writer.count &+ 2] = bytes[i &+ 2]
                        writer.count &+= 3
                        i &+= 3
                    } while Self.isPlainThreeByteCharacter(bytes, at: i, count: count)
                    continue
                }
                let length = ByteText.sequenceLength(UnsafeRawBufferPointer(start: bytes, count: count), at: i)
                guard length > 0 else { throw .invalid }
                writer.multibyte(
                    b,
                    bytes[i &+ 1],
                    length > 2 ? bytes[i &+ 2] : 0,
                    length > 3 ? bytes[i &+ 3] : 0,
                    length: length
                )
                i &+= length
            }
        }
    }

    // MARK: - Escapes

    /// Decodes the escape at `i` (its backslash) and moves past it.
    ///
    /// A `\uD800`–`\uDBFF` followed by a `\uDC00`–`\uDFFF` is one character; any other surrogate is U+FFFD.
    private mutating func escape() throws(JSONLineError) -> UInt32 {
        let e = byte(i &+ 1)
        i &+= 2
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return UInt32(e)
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"): break
        default: throw .invalid
        }
        guard let unit = Self.hex4(bytes, at: i, count: count) else { throw .invalid }
        i &+= 4
        switch unit {
        case 0xD800...0xDBFF:
            guard byte(i) == UInt8(ascii: "\\"), byte(i &+ 1) == UInt8(ascii: "u"),
                let low = Self.hex4(bytes, at: i &+ 2, count: count), (0xDC00...0xDFFF).contains(low)
            else { return 0xFFFD }
            i &+= 6
            return 0x10000 &+ ((unit &- 0xD800) << 10) &+ (low &- 0xDC00)
        case 0xDC00...0xDFFF:
            return 0xFFFD
        default:
            return unit
        }
    }

    /// The four hex digits at `k` as a number, or `nil`.
    @inline(__always)
    static func hex4(_ bytes: UnsafePointer<UInt8>, at k: Int, count: Int) -> UInt32? {
        guard k &+ 4 <= count else { return nil }
        var value: UInt32 = 0
        for j in 0..<4 {
            let c = bytes[k &+ j]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ value: UInt32) {
        if value < 0x80 {
            output[outputCount] = UInt8(value)
            outputCount &+= 1
        } else if value < 0x800 {
            output[outputCount] = UInt8(0xC0 | (value >> 6))
            output[outputCount &+ 1] = UInt8(0x80 | (value & 0x3F))
            outputCount &+= 2
        } else if value < 0x10000 {
            output[outputCount] = UInt8(0xE0 | (value >> 12))
            output[outputCount &+ 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[outputCount &+ 2] = UInt8(0x80 | (value & 0x3F))
            outputCount &+= 3
        } else {
            output[outputCount] = UInt8(0xF0 | (value >> 18))
            output[outputCount &+ 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            output[outputCount &+ 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[outputCount &+ 3] = UInt8(0x80 | (value & 0x3F))
            outputCount &+= 4
        }
    }
}

/// Eight bytes at a time: which of them need a closer look.
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of every byte of `word` equal to `byte`, exactly (no false positives).
    @inline(__always)
    static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & lowBits) &+ lowBits) | x) & highBits
    }

    /// The high bit of every byte below 0x20 (for bytes below 0x80).
    @inline(__always)
    static func controls(in word: UInt64) -> UInt64 {
        ~((word & lowBits) &+ (ones &* 0x60)) & highBits
    }

    /// Whether a string can skip all eight bytes: no quote, backslash, control character or non-ASCII byte.
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        (word & highBits) | controls(in: word) | bytes(equalTo: 0x22, in: word) | bytes(equalTo: 0x5C, in: word) == 0
    }

    /// Whether the eight bytes are printable ASCII or spaces, with no quote, backslash, `&` or DEL.
    @inline(__always)
    static func isPlainText(_ word: UInt64) -> Bool {
        isPlain(word) && bytes(equalTo: 0x26, in: word) | bytes(equalTo: 0x7F, in: word) == 0
    }
}
