/// The one-byte encoding of a field length (number of tokens) used for BM25's document length.
///
/// Lengths 0...127 are exact. Longer lengths keep their leading bit and the next three bits
/// (a float with a 3-bit mantissa), rounded down, up to 2^23; the encoding is monotonic, so the smallest
/// byte in a block is the shortest field in it.
public enum NormCodec {
    /// Encodes a field length.
    @inline(__always)
    public static func encode(_ length: UInt32) -> UInt8 {
        if length < 128 { return UInt8(length) }
        let bits = 32 - length.leadingZeroBitCount  // 8 ... 32
        guard bits <= 23 else { return 255 }
        let mantissa = (length >> UInt32(bits - 4)) & 7
        return UInt8(128 + (bits - 8) * 8 + Int(mantissa))
    }

    /// Decodes a norm byte to the field length it stands for (the smallest length with that code).
    @inline(__always)
    public static func decode(_ norm: UInt8) -> UInt32 { table[Int(norm)] }

    /// All 256 decoded lengths, for callers that precompute per-norm BM25 factors.
    public static let table: [UInt32] = (0..<256).map { code in
        if code < 128 { return UInt32(code) }
        let bits = (code - 128) / 8 + 8
        let mantissa = UInt32((code - 128) % 8)
        return (8 | mantissa) << UInt32(bits - 4)
    }
}
