import TranscriptIngest

/// A fast 64-bit fingerprint of a source file's bytes, used by refresh to tell a changed source from a
/// touched one (same bytes, new modification time).
///
/// Not cryptographic: it only has to make an accidental collision between two versions of one file
/// vanishingly unlikely. Eight bytes are mixed per step, so hashing runs near memory speed.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The 64 bits of the hash.
    public let value: UInt64

    /// A hash with a known value, such as one read back from a sources table.
    public init(value: UInt64) { self.value = value }

    /// Hashes `bytes`.
    /// - Complexity: O(n).
    public init(_ bytes: UnsafeRawBufferPointer) {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
        let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var h: UInt64 = 0x27D4_EB2F_1656_67C5 ^ UInt64(truncatingIfNeeded: bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            var k = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
            k = (k &* prime2).rotatedLeft(by: 31) &* prime1
            h = (h ^ k).rotatedLeft(by: 27) &* prime1 &+ 0x85EB_CA77_C2B2_AE63
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) &<< shift
            shift += 8
            i += 1
        }
        h ^= (tail &* prime1).rotatedLeft(by: 23) &* prime2
        // Final avalanche so that every input bit reaches every output bit.
        h ^= h &>> 33
        h = h &* prime2
        h ^= h &>> 29
        h = h &* prime1
        h ^= h &>> 32
        value = h
    }

    /// Sixteen lowercase hex digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by n: UInt64) -> UInt64 { (self &<< n) | (self &>> (64 &- n)) }
}

// MARK: - Files, block by block

extension ContentHash {
    /// Files are hashed in blocks of this many bytes, each block on its own, and the block hashes folded
    /// in order; so a large file can be hashed by several threads that each read one block.
    public static let blockSize = 2 << 20

    /// The hash of an empty file, and the start of every fold.
    public static let emptyFile = ContentHash(value: 0x5052_4553_5343_4F4E)

    /// Folds the next block's hash into a file's running hash.
    public func folding(_ block: ContentHash) -> ContentHash {
        var h = (value ^ block.value) &* 0x9E37_79B1_85EB_CA87
        h ^= h &>> 31
        return ContentHash(value: h &+ 0x27D4_EB2F_1656_67C5)
    }

    /// The file hash of bytes held in memory: the same value `ofFile` gives for a file with these bytes.
    public static func ofFileBytes(_ bytes: UnsafeRawBufferPointer) -> ContentHash {
        var hash = emptyFile
        var start = 0
        while start < bytes.count {
            let end = min(start + blockSize, bytes.count)
            hash = hash.folding(ContentHash(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
            start = end
        }
        return hash
    }

    /// The file hash of the file at `path`, read one block at a time.
    /// - Throws: `PodiumError` of kind `.input` when the file cannot be read.
    public static func ofFile(path: String) throws(PodiumError) -> ContentHash {
        do {
            let file = try BlockFile(path: path)
            var hash = emptyFile
            var buffer = [UInt8](repeating: 0, count: blockSize)
            var offset = 0
            while true {
                let n = try file.read(into: &buffer, at: offset, count: blockSize)
                if n == 0 { break }
                hash = buffer.withUnsafeBytes {
                    hash.folding(ContentHash(UnsafeRawBufferPointer(rebasing: $0[0..<n])))
                }
                offset += n
                if n < blockSize { break }
            }
            return hash
        } catch {
            throw PodiumError(.input, "cannot read \(path): \(error.message)")
        }
    }
}
