import Foundation

/// Reads sources (HTML pages, Markdown files and JSONL files) into statements: the one reader that `podium parse` and
/// an index build share.
///
/// A source is read in units (`units(ofSource:size:)`): a page whole, a JSONL file in blocks of whole lines
/// that several threads read at once, joined in order by a `SourceJoiner`. `read(path:)` does all three for
/// one file. Every call is self-contained and the reader holds no mutable state, so one reader may be used
/// from many threads at once; results are `Sendable`. Bad input never traps: it comes back as a skip
/// reason, a failure or warnings naming the file (and line).
public struct TranscriptReader: Sendable {
    /// Pages larger than this are skipped with `SkipReason.tooLarge` (libxml2 takes at most 2 GiB).
    public var maximumSourceBytes: Int
    /// The bytes of a JSONL file that one unit owns.
    public var blockSize: Int

    /// Creates a reader.
    /// - Parameters:
    ///   - maximumSourceBytes: the largest page read; default 1 GiB.
    ///   - blockSize: the bytes of a JSONL file that one unit owns; default 2 MiB.
    public init(maximumSourceBytes: Int = 1 << 30, blockSize: Int = 2 << 20) {
        self.maximumSourceBytes = min(maximumSourceBytes, Int(Int32.max))
        self.blockSize = max(1, blockSize)
    }

    /// File extensions read as HTML pages.
    public static let htmlExtensions: Set<String> = ["html", "htm", "shtml"]
    /// File extensions read as Markdown (with optional YAML front matter), converted to HTML and read as a page.
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    /// File extensions read as JSONL (one statement per line).
    public static let jsonlExtensions: Set<String> = ["jsonl"]
    /// A last extension that marks a gzipped source (`page.html.gz`): it is decompressed, then read by the
    /// extension before it.
    public static let gzipExtension = "gz"

    /// Reads the file at `path`, unit by unit.
    ///
    /// - Parameter path: a file path; it becomes each statement's `source` and the prefix of page statement ids.
    /// - Returns: the statements, or why there are none. An unreadable file is `.failed` with the system's message.
    public func read(path: String) -> SourceResult {
        let size: Int
        do { size = try BlockFile(path: path).size() } catch {
            return SourceResult(source: path, outcome: .failed(error.message))
        }
        var joiner = SourceJoiner()
        var result = SourceResult(source: path)
        for unit in units(ofSource: path, size: Int64(size)) {
            var piece = read(unit)
            joiner.join(&piece)
            result.statements += piece.statements
            result.warnings += piece.warnings
        }
        result.outcome = joiner.sourceOutcome
        result.byteCount = joiner.byteCount
        if result.isSkippedOrFailed { result.statements = [] }
        return result
    }

    /// Reads a source held in memory; `path` decides the format (by extension) and names the source.
    public func read(bytes: [UInt8], path: String) -> SourceResult {
        bytes.withUnsafeBytes { read(buffer: $0, path: path) }
    }

    /// Reads many files in parallel, `concurrency` at a time, and returns their results in input order.
    ///
    /// - Complexity: O(total bytes); every result is held in memory until the call returns, so callers
    ///   with very many files read them in batches.
    public func read(paths: [String], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) -> [SourceResult]
    {
        let results = ResultSlots(count: paths.count)
        let workers = max(1, min(concurrency, paths.count))
        // Largest files first, so that no worker is left with a big page while the others wait.
        let order = workers > 1 ? Self.largestFirst(paths) : Array(paths.indices)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = next.take(below: paths.count) {
                let index = order[position]
                results.store(read(path: paths[index]), at: index)
            }
        }
        return results.values()
    }

    /// The indices of `paths` by file size, largest first (a file that cannot be read counts as empty).
    static func largestFirst(_ paths: [String]) -> [Int] {
        let sizes = paths.map { path -> Int in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
        return paths.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    /// Reads a source from raw bytes; a gzipped source (`.html.gz`, `.md.gz`, `.jsonl.gz`) is decompressed first.
    package func read(buffer: UnsafeRawBufferPointer, path: String) -> SourceResult {
        guard Self.isGzipped(path) else { return readDecompressed(buffer: buffer, path: path) }
        guard buffer.count <= maximumSourceBytes else {
            return SourceResult(source: path, outcome: .skipped(.tooLarge(buffer.count)), byteCount: buffer.count)
        }
        let bytes: [UInt8]
        do {
            bytes = try Gzip.inflate(buffer, limit: maximumSourceBytes)
        } catch .tooLarge {
            return SourceResult(source: path, outcome: .skipped(.tooLarge(maximumSourceBytes)), byteCount: buffer.count)
        } catch {
            return SourceResult(source: path, outcome: .failed("not a readable gzip file"), byteCount: buffer.count)
        }
        var result = bytes.withUnsafeBytes { readDecompressed(buffer: $0, path: path) }
        result.byteCount = buffer.count
        return result
    }

    private func readDecompressed(buffer: UnsafeRawBufferPointer, path: String) -> SourceResult {
        let ext = Self.fileExtension(of: path)
        if buffer.count > maximumSourceBytes {
            return SourceResult(source: path, outcome: .skipped(.tooLarge(buffer.count)), byteCount: buffer.count)
        }
        if ByteText.isBlank(buffer) {
            return SourceResult(source: path, outcome: .skipped(.empty), byteCount: buffer.count)
        }
        if Self.jsonlExtensions.contains(ext) {
            var piece = SourcePiece(unit: SourceUnit(path: path, block: 0, isLast: true), byteCount: buffer.count)
            JSONLReader(source: path).read(buffer, into: &piece)
            var joiner = SourceJoiner()
            joiner.join(&piece)
            return SourceResult(
                source: path,
                statements: piece.statements,
                warnings: piece.warnings,
                byteCount: buffer.count
            )
        }
        if Self.markdownExtensions.contains(ext) {
            var result = MarkdownReader(source: path).read(buffer)
            result.byteCount = buffer.count
            return result
        }
        guard Self.htmlExtensions.contains(ext) else {
            return SourceResult(source: path, outcome: .skipped(.unsupportedExtension(ext)), byteCount: buffer.count)
        }
        var result = PageReader(source: path).read(buffer)
        result.byteCount = buffer.count
        return result
    }

    /// Bare `htmlReadMemory` + `xmlFreeDoc` with the reader's parser options and libxml2's own encoding
    /// detection: the baseline that the parse benchmark (`Benchmarks/`) measures the full parse and split
    /// against.
    @_spi(Benchmarks) public static func parseOnly(_ bytes: UnsafeRawBufferPointer) {
        LibXML2.parseAndFree(bytes)
    }

    /// The extension that decides how a file is read, lowercased: `html` for `a.html` and for `a.html.gz`.
    static func fileExtension(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if isGzipped(name) { name.removeLast(gzipExtension.count + 1) }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether the file name ends in `.gz` (any case).
    static func isGzipped(_ path: String) -> Bool {
        let suffix = path.utf8.suffix(3)
        return suffix.count == 3 && suffix.first == UInt8(ascii: ".")
            && suffix.dropFirst().map { $0 | 0x20 } == Array(gzipExtension.utf8)
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}

// MARK: - Parallel plumbing

/// One slot per input, each written by exactly one worker; read after every worker has finished.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [SourceResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: SourceResult, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() -> [SourceResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Hands out indices 0, 1, 2, … to workers.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
