import CCRC32C

/// CRC-32C (Castagnoli), the checksum in every file footer: the SSE 4.2 `crc32` instruction when the CPU
/// has it (about 5× faster), otherwise slicing-by-8 tables.
///
/// Polynomial 0x82F63B78 (reflected), initial value and final xor 0xFFFFFFFF, as in iSCSI, ext4 and
/// Lucene's and Tantivy's footers, so the value can be checked with any standard tool.
package struct CRC32C {
    private static let tables: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            table[n] = c
        }
        for n in 0..<256 {
            var c = table[n]
            for k in 1..<8 {
                c = table[Int(c & 0xFF)] ^ (c >> 8)
                table[k * 256 + n] = c
            }
        }
        return table
    }()

    private var state: UInt32 = 0xFFFF_FFFF
    private static let hardware = podium_crc32c_hardware_available() != 0

    package init() {}

    /// The checksum of the bytes fed so far.
    package var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// Feeds `count` bytes starting at `pointer`.
    package mutating func update(_ pointer: UnsafeRawPointer, count: Int) {
        if CRC32C.hardware {
            state = podium_crc32c_hardware(state, pointer, count)
            return
        }
        updateWithTables(pointer, count: count)
    }

    /// The portable path, also used by the tests to check the hardware path against it.
    package mutating func updateWithTables(_ pointer: UnsafeRawPointer, count: Int) {
        var crc = state
        var p = pointer
        var remaining = count
        CRC32C.tables.withUnsafeBufferPointer { t in
            let t0 = t.baseAddress!
            while remaining >= 8 {
                let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) ^ UInt64(crc)
                crc =
                    t0[7 * 256 + Int(word & 0xFF)] ^ t0[6 * 256 + Int((word >> 8) & 0xFF)]
                    ^ t0[5 * 256 + Int((word >> 16) & 0xFF)] ^ t0[4 * 256 + Int((word >> 24) & 0xFF)]
                    ^ t0[3 * 256 + Int((word >> 32) & 0xFF)] ^ t0[2 * 256 + Int((word >> 40) & 0xFF)]
                    ^ t0[1 * 256 + Int((word >> 48) & 0xFF)] ^ t0[Int(word >> 56)]
                p += 8
                remaining -= 8
            }
            while remaining > 0 {
                crc = t0[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                p += 1
                remaining -= 1
            }
        }
        state = crc
    }

    /// Feeds a buffer of bytes.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        update(base, count: bytes.count)
    }

    /// The checksum of one buffer.
    package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// The checksum of an array of bytes.
    package static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
