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
        // One copy per width: with the width a constant, every shift, mask and offset is too, and the
        // compiler unrolls each group of 8 values (which spans exactly `width` bytes).
        switch width {
        case 1: unpack(source, fixedWidth: 1, into: values)
        case 2: unpack(source, fixedWidth: 2, into: values)
        case 3: unpack(source, fixedWidth: 3, into: values)
        case 4: unpack(source, fixedWidth: 4, into: values)
        case 5: unpack(source, fixedWidth: 5, into: values)
        case 6: unpack(source, fixedWidth: 6, into: values)
        case 7: unpack(source, fixedWidth: 7, into: values)
        case 8: unpack(source, fixedWidth: 8, into: values)
        case 9: unpack(source, fixedWidth: 9, into: values)
        case 10: unpack(source, fixedWidth: 10, into: values)
        case 11: unpack(source, fixedWidth: 11, into: values)
        case 12: unpack(source, fixedWidth: 12, into: values)
        case 13: unpack(source, fixedWidth: 13, into: values)
        case 14: unpack(source, fixedWidth: 14, into: values)
        case 15: unpack(source, fixedWidth: 15, into: values)
        case 16: unpack(source, fixedWidth: 16, into: values)
        case 17: unpack(source, fixedWidth: 17, into: values)
        case 18: unpack(source, fixedWidth: 18, into: values)
        case 19: unpack(source, fixedWidth: 19, into: values)
        case 20: unpack(source, fixedWidth: 20, into: values)
        case 21: unpack(source, fixedWidth: 21, into: values)
        case 22: unpack(source, fixedWidth: 22, into: values)
        case 23: unpack(source, fixedWidth: 23, into: values)
        case 24: unpack(source, fixedWidth: 24, into: values)
        case 25: unpack(source, fixedWidth: 25, into: values)
        case 26: unpack(source, fixedWidth: 26, into: values)
        case 27: unpack(source, fixedWidth: 27, into: values)
        case 28: unpack(source, fixedWidth: 28, into: values)
        case 29: unpack(source, fixedWidth: 29, into: values)
        case 30: unpack(source, fixedWidth: 30, into: values)
        case 31: unpack(source, fixedWidth: 31, into: values)
        case 32: unpack(source, fixedWidth: 32, into: values)
        default: values.update(repeating: 0, count: IndexFormat.blockSize)
        }
    }

    @inline(__always)
    private static func unpack(
        _ source: UnsafeRawPointer,
        fixedWidth width: Int,
        into values: UnsafeMutablePointer<UInt32>
    ) {
        let mask: UInt64 = (1 << UInt64(width)) - 1
        for group in 0..<(IndexFormat.blockSize / 8) {
            let bytes = source + group * width
            let out = values + group * 8
            for j in 0..<8 {
                let bit = j * width
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                out[j] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        }
    }
}
