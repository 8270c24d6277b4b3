import CZlib

/// Gzip decompression of whole sources (`.html.gz`, `.jsonl.gz`), with zlib.
enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    static func isCompressed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Why a compressed source could not be read.
    enum Failure: Error, Equatable {
        /// The data is not gzip, or is damaged or cut short.
        case damaged
        /// The decompressed source would exceed the reader's limit.
        case tooLarge
    }

    /// The decompressed bytes of every member of a gzip file, in order.
    ///
    /// - Parameter limit: the largest decompressed size accepted.
    /// - Throws: `.damaged` for a bad or truncated stream, `.tooLarge` past `limit`.
    /// - Complexity: O(decompressed size).
    static func inflate(_ compressed: UnsafeRawBufferPointer, limit: Int) throws(Failure) -> [UInt8] {
        guard let base = compressed.baseAddress, compressed.count > 0 else { throw .damaged }
        var stream = z_stream()
        guard czlib_inflate_init_auto(&stream) == Z_OK else { throw .damaged }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, compressed.count * 4))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var consumed = 0
        while true {
            let before = consumed
            stream.next_in = UnsafeMutablePointer(mutating: (base + consumed).assumingMemoryBound(to: Bytef.self))
            let available = min(compressed.count - consumed, Int(UInt32.max))
            stream.avail_in = uInt(available)
            let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                return CZlib.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.avail_out)
            consumed += available - Int(stream.avail_in)
            guard output.count + produced <= limit else { throw .tooLarge }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                // Another member may follow (`cat a.gz b.gz`); anything else after the end is padding.
                guard consumed + 1 < compressed.count, compressed[consumed] == 0x1F, compressed[consumed + 1] == 0x8B
                else { return output }
                guard inflateReset(&stream) == Z_OK else { throw .damaged }
            case Z_OK, Z_BUF_ERROR:
                // No progress with all the input given: the stream was cut short.
                if produced == 0, consumed >= compressed.count || consumed == before { throw .damaged }
            default:
                throw .damaged
            }
        }
    }
}
