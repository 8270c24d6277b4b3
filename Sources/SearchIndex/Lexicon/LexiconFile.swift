/// The `.lex` file of a segment: its surface words in increasing byte order, front-coded, each with its
/// number of occurrences. See `Docs/IndexFormat.md`.
///
/// Layout: `u32` word count, then per word VInt shared-prefix length (with the previous word), VInt suffix
/// length, the suffix bytes, VInt count. The file ends with the page checksums and footer of every index file.
package enum LexiconFile {
    /// The longest word kept, in bytes (the analyzer's words are at most 64 bytes of surface).
    package static let maximumWordBytes = 255

    /// Writes segment `id`'s lexicon.
    package static func write(_ counts: SurfaceCounts, directory: String, id: String) throws(IndexError) {
        var sink = try FileSink(directory: directory, name: "\(id).\(IndexFileKind.lexicon.rawValue)")
        let words = counts.sorted().filter { !$0.word.isEmpty && $0.word.count <= maximumWordBytes }
        var bytes = ByteWriter(capacity: 4 + words.count * 10)
        bytes.u32(UInt32(words.count))
        var previous: [UInt8] = []
        for (word, count) in words {
            var shared = 0
            let limit = min(previous.count, word.count)
            while shared < limit && previous[shared] == word[shared] { shared += 1 }
            bytes.vint(shared)
            bytes.vint(word.count - shared)
            word.withUnsafeBytes { bytes.append(UnsafeRawBufferPointer(rebasing: $0[shared...])) }
            bytes.vint(count)
            previous = word
        }
        try sink.write(bytes)
        try sink.finish(kind: .lexicon)
    }

    /// Calls `body` with every word of `file` (in increasing byte order) and its count, after checking the
    /// file's pages.
    ///
    /// - Throws: `.corrupted` naming the file when a page is damaged or the words do not decode in order.
    package static func forEachWord(
        in file: MappedFile,
        _ body: (UnsafeBufferPointer<UInt8>, UInt32) throws(IndexError) -> Void
    ) throws(IndexError) {
        try file.checkAll()
        var reader = file.reader()
        var word = [UInt8](repeating: 0, count: maximumWordBytes)
        var length = 0
        let count: Int
        do { count = Int(try reader.u32()) } catch { throw IndexError.corrupted(file.name, error.detail) }
        guard count <= file.dataLength else { throw IndexError.corrupted(file.name, "its word count is too large") }
        for n in 0..<count {
            let occurrences: UInt32
            do {
                occurrences = try next(&reader, &word, &length, first: n == 0)
            } catch {
                throw IndexError.corrupted(file.name, error.detail)
            }
            try word.withUnsafeBufferPointer { (all) throws(IndexError) in
                try body(UnsafeBufferPointer(rebasing: all[0..<length]), occurrences)
            }
        }
        guard reader.isAtEnd else { throw IndexError.corrupted(file.name, "it has bytes after its last word") }
    }

    /// Decodes the next word over the previous one in `word[0..<length]`, and returns its count.
    private static func next(
        _ reader: inout RawReader,
        _ word: inout [UInt8],
        _ length: inout Int,
        first: Bool
    ) throws(DecodeFailure) -> UInt32 {
        let shared = try reader.vint(max: length)
        let suffix = try reader.vint(max: maximumWordBytes - shared)
        let tail = try reader.bytes(suffix)
        // Front coding keeps the order checkable: the first byte that differs must grow.
        let increases = shared < length ? suffix > 0 && tail[0] > word[shared] : suffix > 0
        guard first ? suffix > 0 : increases else { throw .malformed("its words are not in order") }
        for k in 0..<suffix { word[shared + k] = tail[k] }
        length = shared + suffix
        let occurrences = try reader.vint()
        guard occurrences <= UInt64(UInt32.max) else { throw .malformed("a count is too large") }
        return UInt32(occurrences)
    }
}
