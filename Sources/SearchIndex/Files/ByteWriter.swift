/// A growable little-endian byte buffer with the encodings the index files use.
package struct ByteWriter {
    package var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package var count: Int { bytes.count }

    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    package mutating func u8(_ v: UInt8) { bytes.append(v) }

    package mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    package mutating func u32(_ v: UInt32) {
        for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) }
    }

    package mutating func u64(_ v: UInt64) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) }
    }

    /// Writes `v` as a VInt: 7 bits per byte, low bits first, high bit set on every byte but the last.
    @inline(__always)
    package mutating func vint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    @inline(__always)
    package mutating func vint(_ v: Int) { vint(UInt64(v)) }

    @inline(__always)
    package mutating func vint(_ v: UInt32) { vint(UInt64(v)) }

    package mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    package mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` with a typed error (the standard library's version only rethrows `any Error`).
    @inline(__always)
    package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(IndexError) -> R) throws(IndexError) -> R {
        try withUnsafeBufferPointer { (buffer) throws(IndexError) -> R in try body(UnsafeRawBufferPointer(buffer)) }
    }
}
