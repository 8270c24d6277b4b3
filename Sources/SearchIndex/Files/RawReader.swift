/// A bounds-checked cursor over bytes read from disk: every load checks that it stays inside `[offset, end)`.
///
/// Data from a file is untrusted until its checksum passed, and a snapshot may be opened without a full
/// checksum pass, so no decoder reads a byte it did not first bound.
package struct RawReader {
    package let base: UnsafeRawPointer
    package var offset: Int
    package let end: Int

    package init(base: UnsafeRawPointer, offset: Int, end: Int) {
        self.base = base
        self.offset = offset
        self.end = end
    }

    package var remaining: Int { end - offset }
    package var isAtEnd: Bool { offset >= end }

    @inline(__always)
    package mutating func u8() throws(DecodeFailure) -> UInt8 {
        guard offset < end else { throw .truncated }
        let v = base.load(fromByteOffset: offset, as: UInt8.self)
        offset &+= 1
        return v
    }

    package mutating func u32() throws(DecodeFailure) -> UInt32 {
        guard end - offset >= 4 else { throw .truncated }
        let v = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        offset &+= 4
        return v
    }

    package mutating func u64() throws(DecodeFailure) -> UInt64 {
        guard end - offset >= 8 else { throw .truncated }
        let v = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset &+= 8
        return v
    }

    /// Reads a VInt of at most 10 bytes (64 bits); a longer run of continuation bytes is malformed.
    @inline(__always)
    package mutating func vint() throws(DecodeFailure) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw .truncated }
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset &+= 1
            result |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 { return result }
            shift &+= 7
            guard shift < 64 else { throw .malformed("a variable-length integer is too long") }
        }
    }

    /// Reads a VInt that must fit an `Int` no larger than `limit`.
    @inline(__always)
    package mutating func vint(max limit: Int) throws(DecodeFailure) -> Int {
        let v = try vint()
        guard v <= UInt64(limit) else { throw .malformed("value \(v) exceeds \(limit)") }
        return Int(v)
    }

    /// Skips `n` bytes.
    package mutating func skip(_ n: Int) throws(DecodeFailure) {
        guard n >= 0, end - offset >= n else { throw .truncated }
        offset &+= n
    }

    /// The next `n` bytes as a buffer (no copy).
    package mutating func bytes(_ n: Int) throws(DecodeFailure) -> UnsafeRawBufferPointer {
        guard n >= 0, end - offset >= n else { throw .truncated }
        let slice = UnsafeRawBufferPointer(start: base + offset, count: n)
        offset &+= n
        return slice
    }
}
