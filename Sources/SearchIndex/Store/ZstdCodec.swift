import CZstd
import Foundation

/// Compresses stored-fields blocks with zstd (`ZSTD_compress2`), with a segment's dictionary digested once
/// (`ZSTD_createCDict`) and attached to the context.
///
/// Owns its C context and dictionary; not shared between threads (one per `StoredFieldsWriter`).
package final class ZstdCompressor {
    private let context: OpaquePointer
    private let dictionary: OpaquePointer?
    private let level: Int32

    /// A compressor at `level`, with `dictionary` (none when empty).
    package init(level: Int, dictionary: [UInt8]) throws(IndexError) {
        guard let context = ZSTD_createCCtx() else { throw IndexError(.io, "zstd could not allocate a context") }
        self.context = context
        self.level = Int32(level)
        guard !dictionary.isEmpty else {
            self.dictionary = nil
            return
        }
        let digested = dictionary.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, Int32(level)) }
        guard let digested else {
            ZSTD_freeCCtx(context)
            throw IndexError(.io, "zstd could not load a stored-fields dictionary")
        }
        self.dictionary = digested
        let attached = czstd_attach_dictionary(context, digested)
        guard ZSTD_isError(attached) == 0 else {
            throw IndexError(.io, "zstd could not attach a stored-fields dictionary: \(Self.message(attached))")
        }
    }

    deinit {
        ZSTD_freeCCtx(context)
        if let dictionary { ZSTD_freeCDict(dictionary) }
    }

    /// Compresses `source` into one zstd frame (content size in its header) appended to `output`.
    package func compress(_ source: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(IndexError) {
        let bound = ZSTD_compressBound(source.count)
        if output.isEmpty && bound > 1 << 20 {
            // A large block: room left uninitialized, so that the pages compression does not fill are never
            // touched (zero-filling them would make resident as much again as the block).
            var failure = 0
            output = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
                let written = compress(source, into: out.baseAddress!, bound: bound)
                if ZSTD_isError(written) != 0 {
                    failure = written
                    count = 0
                } else {
                    count = written
                }
            }
            guard failure == 0 else {
                throw IndexError(.io, "zstd could not compress a stored-fields block: \(Self.message(failure))")
            }
            return
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        let written = output.withUnsafeMutableBytes { out in
            compress(source, into: out.baseAddress! + start, bound: bound)
        }
        guard ZSTD_isError(written) == 0 else {
            throw IndexError(.io, "zstd could not compress a stored-fields block: \(Self.message(written))")
        }
        output.removeLast(bound - written)
    }

    /// Compresses `source` into `bound` bytes at `destination`: the size written, or a zstd error code.
    private func compress(
        _ source: UnsafeRawBufferPointer,
        into destination: UnsafeMutableRawPointer,
        bound: Int
    ) -> Int {
        if dictionary != nil { return ZSTD_compress2(context, destination, bound, source.baseAddress, source.count) }
        return ZSTD_compressCCtx(context, destination, bound, source.baseAddress, source.count, level)
    }

    /// zstd's name for an error code (`ZSTD_getErrorName`).
    private static func message(_ code: Int) -> String { String(cString: ZSTD_getErrorName(code)) }

    /// A dictionary of at most `capacity` bytes trained on `samples` for `level` (fastCover,
    /// `ZDICT_trainFromBuffer_fastCover`), or `nil` when zstd finds too little to learn from.
    ///
    /// - Parameters:
    ///   - samples: the sample records back to back.
    ///   - sizes: each sample's length, summing to `samples.count`.
    package static func trainDictionary(samples: [UInt8], sizes: [Int], capacity: Int, level: Int) -> [UInt8]? {
        guard !sizes.isEmpty, capacity > 0 else { return nil }
        var dictionary = [UInt8](repeating: 0, count: capacity)
        let n = dictionary.withUnsafeMutableBytes { dict in
            samples.withUnsafeBytes { data in
                sizes.withUnsafeBufferPointer { lengths in
                    czstd_train_fastcover(
                        dict.baseAddress,
                        capacity,
                        data.baseAddress,
                        lengths.baseAddress,
                        UInt32(lengths.count),
                        Int32(level)
                    )
                }
            }
        }
        guard ZDICT_isError(n) == 0, n > 0 else { return nil }
        dictionary.removeLast(capacity - n)
        return dictionary
    }
}

/// Decompresses stored-fields blocks (`ZSTD_decompress_usingDDict`) with a segment's dictionary; safe to
/// share between threads (each call brings its own context).
///
/// The dictionary is digested on the first decompression (`ZSTD_createDDict_byReference`, no copy of the
/// mapped bytes), so a search that only reads ids from the id column never pays for it. Contexts are
/// kept for the next call once released (a few): creating one clears a large workspace, which an export
/// fetching thousands of statements would otherwise pay for each.
package final class ZstdDecompressor: @unchecked Sendable {
    /// The dictionary's bytes in the mapped file, which outlives this object (both belong to one reader).
    private let dictionaryBytes: UnsafeRawBufferPointer
    private let lock = NSLock()
    private var digested: OpaquePointer?
    /// Released contexts, ready for reuse (guarded by `lock`).
    private var idle: [OpaquePointer] = []
    private static let idleLimit = 4

    /// A decompressor for frames made with `dictionary` (none when empty), which must stay mapped.
    package init(dictionary: UnsafeRawBufferPointer) {
        dictionaryBytes = dictionary
    }

    deinit {
        if let digested { ZSTD_freeDDict(digested) }
        for context in idle { ZSTD_freeDCtx(context) }
    }

    fileprivate func dictionary() throws(IndexError) -> OpaquePointer? {
        guard dictionaryBytes.count > 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let digested { return digested }
        guard let made = ZSTD_createDDict_byReference(dictionaryBytes.baseAddress, dictionaryBytes.count) else {
            throw IndexError(.io, "zstd could not load a stored-fields dictionary")
        }
        digested = made
        return made
    }

    /// The decompressed size a frame announces, or `nil` when its header does not say.
    package static func contentSize(_ frame: UnsafeRawBufferPointer) -> Int? {
        let size = ZSTD_getFrameContentSize(frame.baseAddress, frame.count)
        guard czstd_content_size_known(size) != 0, size <= UInt64(Int32.max) else { return nil }
        return Int(size)
    }

    /// A decompression context (`ZSTD_createDCtx`) to reuse over the frames of one call; handed back to its
    /// decompressor when it goes.
    package struct Context: ~Copyable {
        fileprivate let pointer: OpaquePointer
        fileprivate let owner: ZstdDecompressor
        deinit { owner.release(pointer) }
    }

    package func makeContext() throws(IndexError) -> Context {
        lock.lock()
        let kept = idle.popLast()
        lock.unlock()
        guard let pointer = kept ?? ZSTD_createDCtx() else {
            throw IndexError(.io, "zstd could not allocate a context")
        }
        return Context(pointer: pointer, owner: self)
    }

    /// Keeps a released context for the next call, or frees it when enough are kept.
    private func release(_ context: OpaquePointer) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < Self.idleLimit {
            idle.append(context)
        } else {
            ZSTD_freeDCtx(context)
        }
    }

    /// Decompresses `frame` into `output`, which must be exactly its content size.
    ///
    /// - Returns: whether the frame decoded to exactly `output.count` bytes (`false` means damage).
    /// - Throws: `.io` when zstd cannot digest the dictionary (out of memory, or a damaged dictionary).
    package func decompress(
        _ frame: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        context: borrowing Context
    ) throws(IndexError) -> Bool {
        let dictionary = try dictionary()
        let n =
            if let dictionary {
                ZSTD_decompress_usingDDict(
                    context.pointer,
                    output.baseAddress,
                    output.count,
                    frame.baseAddress,
                    frame.count,
                    dictionary
                )
            } else {
                ZSTD_decompressDCtx(context.pointer, output.baseAddress, output.count, frame.baseAddress, frame.count)
            }
        return ZSTD_isError(n) == 0 && n == output.count
    }
}

/// Reads one frame's content in order (`ZSTD_decompressStream`), so that a very large stored-fields block is
/// never held whole: small values come through a 64 KiB window, a large one is decompressed straight into
/// the memory of its destination.
package struct ZstdFrameReader: ~Copyable {
    private let context: ZstdDecompressor.Context
    private var input: ZSTD_inBuffer
    private let window: UnsafeMutableRawBufferPointer
    private var at = 0
    private var end = 0

    /// A reader of `frame`, made with `decompressor`'s dictionary.
    /// - Throws: `.io` when zstd cannot allocate a context or digest the dictionary.
    package init(_ frame: UnsafeRawBufferPointer, decompressor: ZstdDecompressor) throws(IndexError) {
        let dictionary = try decompressor.dictionary()
        context = try decompressor.makeContext()
        ZSTD_DCtx_reset(context.pointer, ZSTD_reset_session_and_parameters)
        ZSTD_DCtx_refDDict(context.pointer, dictionary)
        input = ZSTD_inBuffer(src: frame.baseAddress, size: frame.count, pos: 0)
        window = .allocate(byteCount: 64 << 10, alignment: 8)
    }

    deinit {
        // The context goes back to its decompressor for one-shot calls, which set their own dictionary.
        ZSTD_DCtx_reset(context.pointer, ZSTD_reset_session_and_parameters)
        window.deallocate()
    }

    /// The next byte.
    package mutating func byte() throws(DecodeFailure) -> UInt8 {
        if at == end {
            end = try pull(into: window.baseAddress!, count: window.count)
            at = 0
        }
        at += 1
        return window[at - 1]
    }

    /// The next variable-length integer (7 bits a byte, least significant first), at most `max`.
    package mutating func vint(max: Int) throws(DecodeFailure) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 63 else { throw .malformed("a length is too long") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(max) else { throw .malformed("a length runs past its block") }
        return Int(value)
    }

    /// Reads the next `count` bytes into `destination`.
    package mutating func read(into destination: UnsafeMutableRawPointer, count: Int) throws(DecodeFailure) {
        let buffered = min(count, end - at)
        if buffered > 0 { destination.copyMemory(from: window.baseAddress! + at, byteCount: buffered) }
        at += buffered
        var done = buffered
        while done < count { done += try pull(into: destination + done, count: count - done) }
    }

    /// Hands `body` the next `count` bytes in pieces of at most 64 KiB, in order, until it returns `false`;
    /// the rest of the `count` bytes are then read past when `readingPast` (more is to be read after them).
    package mutating func chunks(
        _ count: Int,
        readingPast: Bool,
        _ body: (UnsafeRawBufferPointer) -> Bool
    ) throws(DecodeFailure) {
        var left = count
        var wanted = true
        while left > 0 && (wanted || readingPast) {
            if at == end {
                end = try pull(into: window.baseAddress!, count: window.count)
                at = 0
            }
            let n = min(left, end - at)
            if wanted { wanted = body(UnsafeRawBufferPointer(rebasing: window[at..<at + n])) }
            at += n
            left -= n
        }
    }

    /// Decompresses at least one byte (at most `count`) into `destination`.
    private mutating func pull(into destination: UnsafeMutableRawPointer, count: Int) throws(DecodeFailure) -> Int {
        var output = ZSTD_outBuffer(dst: destination, size: count, pos: 0)
        while output.pos == 0 {
            let before = input.pos
            let result = ZSTD_decompressStream(context.pointer, &output, &input)
            guard ZSTD_isError(result) == 0 else { throw .malformed("a stored-fields block does not decompress") }
            if output.pos == 0 && (result == 0 || input.pos == before) { throw .truncated }
        }
        return output.pos
    }
}
