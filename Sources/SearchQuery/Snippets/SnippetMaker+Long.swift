#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Excerpts of very long texts, in bounded memory and time.
extension SnippetMaker {
    /// Texts longer than this (UTF-8 bytes) are looked at in windows of this size.
    static let windowBytes = 64 << 10

    /// The best passage of the first window of `text` that holds a match (else of its first window): only
    /// the windows where a matched term's first bytes occur are analyzed, so the cost follows the windows
    /// read, not the text's length.
    ///
    /// A window is let through when it holds one of a term's probes (`probes(for:)`); a word whose first
    /// letters are folded (an accent, a full-width form) is only found in a window let through for another
    /// term.
    func longSnippet(of text: String, terms: Set<String>, phrases: [PhrasePattern], maximumLength: Int) -> Snippet {
        var text = text
        var streamed = StreamedSnippet(maker: self, terms: terms, phrases: phrases, maximumLength: maximumLength)
        text.withUTF8 { bytes in
            var at = 0
            while at < bytes.count {
                let end = min(bytes.count, at + Self.windowBytes)
                guard streamed.feed(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[at..<end]))) else {
                    return
                }
                at = end
            }
        }
        return streamed.finish()
    }

    /// The byte strings whose presence lets a window through, per term: an English stem changes only its
    /// word's last letters, so the term without its last byte (3 to 6 bytes of it) as analyzed, capitalized
    /// and in capitals; a term of other scripts (a CJK bigram) whole.
    static func probes(for terms: Set<String>) -> [[UInt8]] {
        var found: Set<[UInt8]> = []
        for term in terms {
            let bytes = Array(term.utf8)
            guard !bytes.isEmpty else { continue }
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                found.insert(bytes)
                continue
            }
            let prefix = Array(bytes.prefix(max(min(3, bytes.count), min(bytes.count - 1, 6))))
            let upper = prefix.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
            found.insert(prefix)
            found.insert(upper)
            found.insert([upper[0]] + prefix.dropFirst())
        }
        return Array(found)
    }

    /// Where the window that starts at `start` ends: `windowBytes` on, moved back to just after a space or
    /// line break (within 1 KiB), else to the start of a UTF-8 sequence.
    static func windowEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var end = min(bytes.count, start + windowBytes)
        guard end < bytes.count else { return end }
        var k = end
        while k > max(start + 1, end - 1024), bytes[k - 1] > 0x20 { k -= 1 }
        if bytes[k - 1] <= 0x20 { return k }
        while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// Whether `needle` occurs in `haystack` (`memchr` for its first byte, then a comparison).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard var p = haystack.baseAddress, let first = needle.first else { return false }
        let last = p + haystack.count - needle.count
        return needle.withUnsafeBytes { n in
            while p <= last, let hit = memchr(p, Int32(first), last - p + 1) {
                if memcmp(hit, n.baseAddress!, needle.count) == 0 { return true }
                p = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }
}

/// The excerpt of a text handed over in pieces, as `SnippetMaker` makes it for a text of more than
/// `SnippetMaker.windowBytes`: windows cut at a space, each analyzed only when a term's probe occurs in it,
/// the first with a match giving the excerpt. Holds one window and the piece being cut.
public struct StreamedSnippet {
    private let maker: SnippetMaker
    private let terms: Set<String>
    private let phrases: [PhrasePattern]
    private let maximumLength: Int
    /// Made when the first window past the first is looked at: most statements are shorter than one.
    private var probes: [[UInt8]]? = nil
    private var pending: [UInt8] = []
    private var windows = 0
    private var first: Snippet? = nil
    private var found: Snippet? = nil

    /// An excerpt maker for `terms` and `phrases` (as `SnippetMaker.snippet(of:terms:phrases:maximumLength:)`).
    public init(maker: SnippetMaker, terms: Set<String>, phrases: [PhrasePattern] = [], maximumLength: Int = 300) {
        self.maker = maker
        self.terms = terms
        self.phrases = phrases
        self.maximumLength = maximumLength
    }

    /// Whether any of the text was handed over.
    public var isEmpty: Bool { windows == 0 && pending.isEmpty }

    /// Takes the next bytes of the text; returns `false` once a window with a match was found (the rest
    /// of the text is not needed).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard found == nil else { return false }
        pending.append(contentsOf: bytes)
        while found == nil, pending.count >= SnippetMaker.windowBytes {
            let end = pending.withUnsafeBytes { SnippetMaker.windowEnd($0, from: 0) }
            look(at: end)
            pending.removeFirst(end)
        }
        return found == nil
    }

    /// The excerpt: the best passage of the first window with a match, else of the first window.
    public mutating func finish() -> Snippet {
        if found == nil && !pending.isEmpty {
            look(at: pending.count)
            pending = []
        }
        return found ?? first ?? Snippet(text: "", highlights: [])
    }

    /// Looks at the window `pending[..<end]`.
    private mutating func look(at end: Int) {
        let isFirst = windows == 0
        windows += 1
        if !isFirst && probes == nil { probes = SnippetMaker.probes(for: terms.union(phrases.flatMap(\.terms))) }
        let probes = self.probes ?? []
        let window = pending.withUnsafeBytes { all -> String? in
            let bytes = UnsafeRawBufferPointer(rebasing: all[..<end])
            guard isFirst || probes.contains(where: { SnippetMaker.contains(bytes, $0) }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let window else { return }
        let snippet = maker.snippet(of: window, terms: terms, phrases: phrases, maximumLength: maximumLength)
        if !snippet.highlights.isEmpty {
            found = snippet
        } else if isFirst {
            first = snippet
        }
    }
}
