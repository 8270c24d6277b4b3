#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Sources in units

extension TranscriptReader {
    /// The units the source at `path` is read in: one for a page (or any file that is not plain JSONL), one per
    /// `blockSize` bytes of a JSONL file (at least one), so that a large file is read by several threads in
    /// bounded memory.
    ///
    /// - Parameter size: the file's size in bytes, as listed.
    public func units(ofSource path: String, size: Int64) -> [SourceUnit] {
        // A gzipped file cannot be cut into blocks: it is decompressed whole, as one unit.
        guard !Self.isGzipped(path), Self.jsonlExtensions.contains(Self.fileExtension(of: path)) else {
            return [SourceUnit(path: path, block: nil, isLast: true)]
        }
        let blocks = max(1, Int((max(0, size) + Int64(blockSize) - 1) / Int64(blockSize)))
        return (0..<blocks).map { SourceUnit(path: path, block: $0, isLast: $0 == blocks - 1) }
    }

    /// Reads one unit; safe to call from many threads at once.
    ///
    /// A JSONL block owns the lines that start in it: it is read with `pread(2)` from the byte before it to
    /// the end of its last line, which may lie past the block. A file read whole is read at once.
    ///
    /// - Parameters:
    ///   - unit: a unit from `units(ofSource:size:)`.
    ///   - bytes: called with the bytes the unit owns (the whole file, or the block without the rest of its
    ///     last line), e.g. to hash them; not called for a file skipped by its size or that cannot be read.
    /// - Returns: the piece to hand to the source's `SourceJoiner`; a file that cannot be read is `.failed`
    ///   with the system's reason.
    public func read(_ unit: SourceUnit, bytes: (UnsafeRawBufferPointer) -> Void = { _ in }) -> SourcePiece {
        var piece = SourcePiece(unit: unit)
        do {
            let file = try BlockFile(path: unit.path)
            if let block = unit.block {
                try readBlock(block, of: file, into: &piece, bytes: bytes)
            } else {
                let size = try file.size()
                guard size <= maximumSourceBytes else {
                    return SourcePiece(unit: unit, outcome: .skipped(.tooLarge(size)), byteCount: size)
                }
                // One byte more than the size: a file that grew since is read to its new end as far as that.
                let contents = try file.read(0..<(size + 1))
                let result = contents.withUnsafeBytes { raw in
                    bytes(raw)
                    return read(buffer: raw, path: unit.path)
                }
                piece.statements = result.statements
                piece.keys = result.statements.map { StatementKey(id: $0.id, line: 0) }
                piece.warnings = result.warnings
                piece.outcome = result.outcome
                piece.byteCount = result.byteCount
                piece.reader = result.reader
                piece.metadata = result.metadata
            }
        } catch {
            piece.outcome = .failed(error.message)
        }
        return piece
    }

    /// Reads the lines of a JSONL file that start in `block`, and parses them.
    private func readBlock(
        _ block: Int,
        of file: BlockFile,
        into piece: inout SourcePiece,
        bytes inspect: (UnsafeRawBufferPointer) -> Void
    ) throws(BlockFileError) {
        let blockStart = block * blockSize
        // One byte before the block tells whether its first line starts right at the block.
        let readStart = max(0, blockStart - 1)
        var bytes = try file.read(readStart..<(blockStart + blockSize + (64 << 10)))
        let blockEnd = min(blockStart + blockSize, readStart + bytes.count)
        piece.isBlank = true
        guard blockEnd > blockStart || block == 0 else { return }  // the file shrank since it was listed
        let lo = blockStart - readStart
        let hi = blockEnd - readStart
        piece.byteCount = hi - lo
        bytes.withUnsafeBytes { raw in
            let own = UnsafeRawBufferPointer(rebasing: raw[lo..<hi])
            inspect(own)
            piece.newlines = Self.countNewlines(own)
        }
        // The first line that starts in the block.
        var start = 0
        if block > 0 {
            guard let newline = bytes.firstIndex(of: 0x0A), newline < hi else { return }  // one line spans it
            start = newline + 1
            piece.startsAfterNewline = newline >= lo
        }
        // The end of the line that holds the block's last byte. When it runs past what was read, it is found
        // first and the rest read once into room of its exact size: a long line is held once, not doubled.
        var end: Int? = hi > 0 ? bytes[(hi - 1)...].firstIndex(of: 0x0A).map { $0 + 1 } : nil
        if end == nil {
            let lineEnd = try Self.lineEnd(in: file, from: readStart + bytes.count)
            let have = bytes.count
            bytes.reserveCapacity(lineEnd - readStart)
            bytes.append(contentsOf: repeatElement(0, count: lineEnd - readStart - have))
            let n = try file.read(into: &bytes, at: readStart + have, count: lineEnd - readStart - have, from: have)
            bytes.removeLast(bytes.count - have - n)
            end = bytes.count
        }
        bytes.withUnsafeBytes { raw in
            let lines = UnsafeRawBufferPointer(rebasing: raw[start..<end!])
            piece.isBlank = ByteText.isBlank(lines)
            piece.reader = .jsonl
            JSONLReader(source: piece.unit.path).read(lines, into: &piece)
        }
    }

    /// The file offset just past the first line break at or after `offset`, or the end of the file.
    static func lineEnd(in file: BlockFile, from offset: Int) throws(BlockFileError) -> Int {
        var scratch = [UInt8](repeating: 0, count: 1 << 20)
        var at = offset
        while true {
            let n = try file.read(into: &scratch, at: at, count: scratch.count)
            if n == 0 { return at }
            if let newline = scratch[..<n].firstIndex(of: 0x0A) { return at + newline + 1 }
            at += n
        }
    }

    /// The blocks of a JSONL file whose last line is longer than `limit` bytes, found by one pass of `memchr`
    /// over the file in bounded memory: an index build reads them only when it has made room for them.
    ///
    /// - Returns: block numbers as in `units(ofSource:size:)`; empty for a file not read in blocks, or one that
    ///   cannot be read (reading its units then reports why).
    public func blocksWithLongLines(ofSource path: String, size: Int64, longerThan limit: Int) -> Set<Int> {
        guard size > Int64(limit), units(ofSource: path, size: size).first?.block != nil,
            let file = try? BlockFile(path: path)
        else { return [] }
        var found: Set<Int> = []
        var scratch = [UInt8](repeating: 0, count: 1 << 20)
        var at = 0
        var lineStart = 0
        while let n = try? file.read(into: &scratch, at: at, count: scratch.count), n > 0 {
            scratch.withUnsafeBytes { raw in
                var p = raw.baseAddress!
                let stop = p + n
                while p < stop, let hit = memchr(p, 0x0A, stop - p) {
                    let next = at + (UnsafeRawPointer(hit) - raw.baseAddress!) + 1
                    if next - lineStart > limit { found.insert(lineStart / blockSize) }
                    lineStart = next
                    p = UnsafeRawPointer(hit) + 1
                }
            }
            at += n
        }
        if at - lineStart > limit { found.insert(lineStart / blockSize) }
        return found
    }

    /// Line breaks in `bytes`, found with `memchr` (a byte-at-a-time count costs more than the parse's split).
    static func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard var p = bytes.baseAddress else { return 0 }
        let end = p + bytes.count
        var count = 0
        while p < end, let hit = memchr(p, 0x0A, end - p) {
            count += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return count
    }
}
