/// Writes the characters of one JSON string as clean text, one character at a time, into a caller's buffer.
///
/// The hygiene is the page text's (`BlockBuilder`), applied while the string is decoded: whitespace runs
/// (ASCII, U+00A0, U+3000, U+2000–U+200A, U+202F, U+205F, U+2028/U+2029 and a literal `&nbsp;`) become one
/// space inside a paragraph and vanish at its ends; a line break (`\n`) ends the paragraph, and paragraphs
/// that hold text are joined with `"\n\n"`; control characters, zero-width spaces (U+200B–U+200D) and
/// byte-order marks go; C1 controls become the windows-1252 characters they stand for.
///
/// Spaces are written eagerly (one, after visible text) and taken back at the end of a paragraph, which
/// gives the same text as holding a pending space until the next visible character.
struct CleanTextWriter {
    let output: UnsafeMutablePointer<UInt8>
    let start: Int
    /// The end of what was written.
    var count: Int
    /// Where the current paragraph starts.
    var paragraphStart: Int
    /// How many bytes of `&nbsp;` the last characters matched (0: none).
    var entityMatched = 0
    /// Where the `&` of a possible `&nbsp;` was written.
    var entityStart = 0

    init(output: UnsafeMutablePointer<UInt8>, at start: Int) {
        self.output = output
        self.start = start
        count = start
        paragraphStart = start
    }

    /// Whether the next byte written may be copied as is: a space here would be the first of a run or
    /// lead the paragraph, and `&nbsp;` is not being matched.
    @inline(__always)
    var followsVisibleText: Bool { count > paragraphStart && output[count &- 1] != 0x20 }

    /// A printable ASCII character other than `&`.
    @inline(__always)
    mutating func visible(_ b: UInt8) {
        if entityMatched != 0 {
            continueEntity(b)
            return
        }
        output[count] = b
        count &+= 1
    }

    private mutating func continueEntity(_ b: UInt8) {
        let expected: UInt8
        switch entityMatched {
        case 1: expected = UInt8(ascii: "n")
        case 2: expected = UInt8(ascii: "b")
        case 3: expected = UInt8(ascii: "s")
        case 4: expected = UInt8(ascii: "p")
        default: expected = UInt8(ascii: ";")
        }
        guard b == expected else {
            entityMatched = 0
            output[count] = b
            count &+= 1
            return
        }
        if entityMatched == 5 {
            // A literal `&nbsp;` (left by double-escaped HTML) is whitespace.
            entityMatched = 0
            count = entityStart
            space()
            return
        }
        entityMatched &+= 1
        output[count] = b
        count &+= 1
    }

    @inline(__always)
    mutating func ampersand() {
        entityMatched = 1
        entityStart = count
        output[count] = UInt8(ascii: "&")
        count &+= 1
    }

    @inline(__always)
    mutating func space() {
        entityMatched = 0
        if followsVisibleText {
            output[count] = 0x20
            count &+= 1
        }
    }

    /// A character that is not written (a control character, a zero-width space).
    @inline(__always)
    mutating func drop() { entityMatched = 0 }

    /// A line break: the paragraph ends.
    mutating func paragraph() {
        entityMatched = 0
        trimSpace()
        if count > paragraphStart {
            output[count] = 0x0A
            output[count &+ 1] = 0x0A
            count &+= 2
            paragraphStart = count
        }
    }

    private mutating func trimSpace() {
        if count > paragraphStart, output[count &- 1] == 0x20 { count &-= 1 }
    }

    /// A character decoded from an escape.
    mutating func scalar(_ value: UInt32) {
        guard value >= 0x80 else {
            ascii(UInt8(value))
            return
        }
        if value < 0x800 {
            multibyte(UInt8(0xC0 | (value >> 6)), UInt8(0x80 | (value & 0x3F)), 0, 0, length: 2)
        } else if value < 0x10000 {
            multibyte(
                UInt8(0xE0 | (value >> 12)),
                UInt8(0x80 | ((value >> 6) & 0x3F)),
                UInt8(0x80 | (value & 0x3F)),
                0,
                length: 3
            )
        } else {
            multibyte(
                UInt8(0xF0 | (value >> 18)),
                UInt8(0x80 | ((value >> 12) & 0x3F)),
                UInt8(0x80 | ((value >> 6) & 0x3F)),
                UInt8(0x80 | (value & 0x3F)),
                length: 4
            )
        }
    }

    /// An ASCII character decoded from an escape (any of them, controls included).
    mutating func ascii(_ b: UInt8) {
        switch b {
        case 0:
            return  // NULs were removed before any other cleaning: they do not even break `&nbsp;`
        case 0x0A:
            paragraph()
        case 0x20, 0x09, 0x0D, 0x0C:
            space()
        case UInt8(ascii: "&"):
            ampersand()
        case 0x01..<0x20, 0x7F:
            drop()
        default:
            visible(b)
        }
    }

    /// One valid UTF-8 sequence of 2 to 4 bytes (`b2`, `b3` are ignored past `length`).
    @inline(__always)
    mutating func multibyte(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8, length: Int) {
        entityMatched = 0
        switch b0 {
        case 0xC2 where b1 == 0xA0:
            space()
            return
        case 0xC2 where b1 < 0xA0:
            // A C1 control: windows-1252 text read as Latin-1 somewhere upstream.
            let value = ByteText.windows1252Scalar(b1)
            if value != 0xFFFD { scalar(value) }
            return
        case 0xE2 where length == 3:
            if b1 == 0x80, b2 <= 0x8A || b2 == 0xAF || b2 == 0xA8 || b2 == 0xA9 {
                space()  // en, em, thin… spaces, narrow no-break space, line and paragraph separators
                return
            }
            if b1 == 0x80, b2 >= 0x8B, b2 <= 0x8D { return }  // zero-width characters
            if b1 == 0x81, b2 == 0x9F {
                space()  // medium mathematical space
                return
            }
        case 0xE3 where b1 == 0x80 && b2 == 0x80:
            space()  // ideographic space
            return
        case 0xEF where b1 == 0xBB && b2 == 0xBF:
            return  // byte-order mark inside text
        default:
            break
        }
        output[count] = b0
        output[count &+ 1] = b1
        if length > 2 { output[count &+ 2] = b2 }
        if length > 3 { output[count &+ 3] = b3 }
        count &+= length
    }

    /// Ends the string: the value's place in the output.
    mutating func finish() -> JSONLineValue {
        trimSpace()
        if count == paragraphStart, paragraphStart > start { count &-= 2 }  // the last paragraph was empty
        return JSONLineValue(kind: .string, start: start, count: count &- start)
    }
}
