/// One decoded scalar: its class, the ASCII byte it folds to, and its length in bytes.
struct Decoded {
    var kind: ScalarClass
    /// The lowercase ASCII byte this scalar stands for (`A` → `a`, `Ａ` → `a`, `’` → `'`); 0 for a
    /// non-ASCII scalar that stands for none.
    var ascii: UInt8
    /// A second ASCII byte for the letters that fold to two (`ß` → `ss`, `æ` → `ae`), else 0.
    var ascii2: UInt8 = 0
    var length: Int
    /// The scalar's value; 0xFFFD for an invalid byte.
    var value: UInt32
}

/// UTF-8 decoding and classification for the tokenizer: validates as it decodes, folds full-width
/// forms and apostrophe and hyphen variants to ASCII, and recognises CJK by code-point ranges before
/// falling back to the Unicode properties.
enum ScalarClassifier {
    /// The class of an ASCII byte (a function, not a table: a global table costs a lazy-initialization
    /// check on every access in the hot loop).
    @inline(__always)
    static func asciiClass(_ byte: UInt8) -> ScalarClass {
        let folded = byte | 0x20
        if folded >= 0x61 && folded <= 0x7A { return .letter }
        if byte >= 0x30 && byte <= 0x39 { return .digit }
        switch byte {
        case 0x27: return .apostrophe
        case 0x2D: return .hyphen
        case 0x2E: return .dot
        case 0x2C: return .comma
        default: return .separator
        }
    }

    /// Decodes the scalar at `i` (which must be < `count`); an invalid or truncated sequence is a one-byte separator.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Decoded {
        let b0 = p[i]
        if b0 < 0x80 {
            let kind = asciiClass(b0)
            let lower = (b0 >= 0x41 && b0 <= 0x5A) ? b0 | 0x20 : b0
            return Decoded(kind: kind, ascii: lower, length: 1, value: UInt32(b0))
        }
        return decodeNonASCII(p, i, count)
    }

    static func decodeNonASCII(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Decoded {
        let invalid = Decoded(kind: .separator, ascii: 0, length: 1, value: 0xFFFD)
        let b0 = UInt32(p[i])
        @inline(__always) func continuation(_ k: Int) -> UInt32? {
            guard i + k < count else { return nil }
            let b = p[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        let value: UInt32
        let length: Int
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { return invalid }
            value = (b0 & 0x1F) << 6 | c1
            length = 2
        case 0xE0...0xEF:
            guard let c1 = continuation(1), let c2 = continuation(2) else { return invalid }
            value = (b0 & 0x0F) << 12 | c1 << 6 | c2
            // Overlong forms and UTF-16 surrogates are not scalars.
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return invalid }
            length = 3
        case 0xF0...0xF4:
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return invalid }
            value = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard value >= 0x10000, value <= 0x10FFFF else { return invalid }
            length = 4
        default:
            return invalid
        }
        return classify(value, length: length)
    }

    /// Classifies a non-ASCII scalar, folding full-width forms and punctuation variants to ASCII.
    static func classify(_ value: UInt32, length: Int) -> Decoded {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FA1F, 0xF900...0xFAFF,  // Han
            0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,  // kana
            0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F,  // Hangul
            0x3005, 0x3007, 0x3100...0x312F:  // 々 〇 Bopomofo
            return Decoded(kind: .cjk, ascii: 0, length: length, value: value)
        case 0xFF01...0xFF5E:
            // Full-width ASCII: NFKC folds it to the ASCII character 0xFEE0 below.
            let byte = UInt8(value - 0xFEE0)
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            return Decoded(kind: asciiClass(byte), ascii: lower, length: length, value: value)
        case 0xC0...0x17F:
            return foldLatin(value, length: length)
        case 0x2019, 0x02BC:
            return Decoded(kind: .apostrophe, ascii: 0x27, length: length, value: value)
        case 0x2010, 0x2011, 0x00AD:
            return Decoded(kind: .hyphen, ascii: 0x2D, length: length, value: value)
        case 0x2000...0x206F, 0x3000...0x303F, 0x00A0...0x00BF, 0xFE30...0xFE4F, 0xFF00, 0xFF5F...0xFF65:
            // General and CJK punctuation, Latin-1 symbols: the common separators, without a table lookup.
            return Decoded(kind: .separator, ascii: 0, length: length, value: value)
        default:
            return classifyByProperties(value, length: length)
        }
    }

    /// Classifies a scalar from its Unicode general category and properties.
    static func classifyByProperties(_ value: UInt32, length: Int) -> Decoded {
        guard let scalar = Unicode.Scalar(value) else {
            return Decoded(kind: .separator, ascii: 0, length: length, value: value)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return Decoded(kind: .mark, ascii: 0, length: length, value: value)
        case .decimalNumber, .letterNumber, .otherNumber:
            return Decoded(kind: .letter, ascii: 0, length: length, value: value)
        default:
            let kind: ScalarClass = properties.isAlphabetic ? .letter : .separator
            return Decoded(kind: kind, ascii: 0, length: length, value: value)
        }
    }

    /// The base letter of each scalar in U+00C0–U+017F (Latin-1 Supplement and Latin Extended-A), by
    /// canonical decomposition, lowercase; `.` where there is no single base letter.
    private static var latinBaseLetters: StaticString {
        // U+00C0, U+0100, U+0140: 64 letters a line.
        """
        aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
        aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.lllllll\
        lllnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs
        """
    }

    /// Folds an accented Latin letter to its ASCII base (`é` → `e`, `Ç` → `c`, `ß` → `ss`), so that
    /// `Díaz` and `Diaz` or `communiqué` and `communique` are one term, and English words keep their stems.
    static func foldLatin(_ value: UInt32, length: Int) -> Decoded {
        let two: (UInt8, UInt8)?
        switch value {
        case 0xC6, 0xE6: two = (0x61, 0x65)  // æ
        case 0xDE, 0xFE: two = (0x74, 0x68)  // þ
        case 0xDF: two = (0x73, 0x73)  // ß
        case 0x132, 0x133: two = (0x69, 0x6A)  // ĳ
        case 0x152, 0x153: two = (0x6F, 0x65)  // œ
        default: two = nil
        }
        if let (first, second) = two {
            return Decoded(kind: .letter, ascii: first, ascii2: second, length: length, value: value)
        }
        let base = latinBaseLetters.utf8Start[Int(value - 0xC0)]
        if base != 0x2E { return Decoded(kind: .letter, ascii: base, length: length, value: value) }
        // × ÷ and the few letters without a base (ĸ ŉ Ŋ) keep their Unicode class.
        return classifyByProperties(value, length: length)
    }

    /// Writes the lowercase UTF-8 form of the non-ASCII letter `value` at `out` and returns its length
    /// (at most ``maximumLowercaseBytes``).
    static func writeLowercase(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        var length = 0
        func write<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes where length < maximumLowercaseBytes {
                out[length] = byte
                length += 1
            }
        }
        let properties = scalar.properties
        if properties.changesWhenLowercased {
            write(properties.lowercaseMapping.utf8)
        } else {
            write(UTF8.encode(scalar)!)
        }
        return length
    }

    /// The most bytes ``writeLowercase(_:to:)`` writes for one scalar (Unicode lowercase mappings are
    /// at most three scalars).
    static let maximumLowercaseBytes = 12
}
