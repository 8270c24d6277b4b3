#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level checks and conversions on a page before it reaches libxml2.
enum ByteText {
    /// Whether the bytes are only ASCII whitespace (or nothing).
    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C) { return false }
        return true
    }

    /// Whether the opening bytes look like binary data rather than text in an 8-bit or UTF-8 encoding:
    /// more than 5% control characters other than whitespace, NUL bytes included. A stray NUL in a text
    /// page does not make it binary (the reader replaces it).
    static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let window = min(bytes.count, 8192)
        guard window > 0 else { return false }
        var controls = 0
        for i in 0..<window {
            let b = bytes[i]
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { controls += 1 }
        }
        return controls * 20 > window
    }

    /// The offset of the first NUL byte, or `nil`.
    ///
    /// - Complexity: O(n) with `memchr`; a byte-at-a-time search cost about 5% of reading a page.
    static func firstNUL(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    /// The byte offset of the first invalid UTF-8 sequence, or `nil` when the bytes are valid UTF-8.
    ///
    /// - Complexity: O(n), with an 8-byte ASCII fast path.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
                continue
            }
            let length = sequenceLength(bytes, at: i)
            if length == 0 { return i }
            i &+= length
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence at `i` (1–4), or 0 when it is invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Int {
        let n = bytes.count
        let b0 = bytes[i]
        if b0 < 0x80 { return 1 }
        func continuation(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let b1 = bytes[i + 1]
            if b0 == 0xE0, b1 < 0xA0 { return 0 }  // overlong
            if b0 == 0xED, b1 > 0x9F { return 0 }  // surrogates
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let b1 = bytes[i + 1]
            if b0 == 0xF0, b1 < 0x90 { return 0 }
            if b0 == 0xF4, b1 > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// The bytes with every invalid UTF-8 sequence replaced by U+FFFD.
    static func repairingUTF8(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            if length == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            } else {
                for k in 0..<length { out.append(bytes[i + k]) }
                i += length
            }
        }
        return out
    }

    /// Windows-1252 bytes transcoded to UTF-8. The five bytes windows-1252 leaves undefined
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD rather than C1 control characters.
    static func transcodingWindows1252(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                appendUTF8(of: windows1252Scalar(b), to: &out)
            }
        }
        return out
    }

    /// The Unicode scalar a windows-1252 byte at or above 0x80 stands for (U+FFFD for the undefined five).
    static func windows1252Scalar(_ b: UInt8) -> UInt32 {
        if b >= 0xA0 { return UInt32(b) }
        return windows1252High[Int(b) - 0x80]
    }

    static func appendUTF8(of scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Windows-1252 bytes 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
