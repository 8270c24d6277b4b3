/// Packing of 128 unsigned integers with a common bit width (0...32): `16 × width` bytes, little-endian,
/// value `i` in bits `[i × width, (i + 1) × width)`.
package enum BitPacking {
    /// The number of bits needed for the largest of `values`.
    @inline(__always)
    package static func bitWidth(_ values: UnsafePointer<UInt32>, count: Int) -> Int {
        var acc: UInt32 = 0
        for i in 0..<count { acc |= values[i] }
        return 32 - acc.leadingZeroBitCount
    }

    /// Appends 128 values packed with `width` bits each (`16 × width` bytes).
    package static func pack(_ values: UnsafePointer<UInt32>, width: Int, into out: inout ByteWriter) {
        guard width > 0 else { return }
        var acc: UInt64 = 0
        var filled = 0
        for i in 0..<IndexFormat.blockSize {
            acc |= UInt64(values[i]) << UInt64(filled)
            filled += width
            while filled >= 8 {
                out.bytes.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                filled -= 8
            }
        }
        // 128 × width is a multiple of 8: nothing is left over.
    }

    /// Unpacks 128 values of `width` bits from `source`.
    ///
    /// Reads up to 7 bytes past the packed data: callers guarantee at least 8 readable bytes after
    /// `16 × width` (every index file ends with a 16-byte footer after its data).
    @inline(__always)
    package static func unpack(_ source: UnsafeRawPointer, width: Int, into values: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            values.update(repeating: 0, count: IndexFormat.blockSize)
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) - 1
        var bit = 0
        for i in 0..<IndexFormat.blockSize {
            let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            values[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit &+= width
        }
    }
}
