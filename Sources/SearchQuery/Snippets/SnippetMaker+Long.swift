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
        let probes = Self.probes(for: terms.union(phrases.flatMap(\.terms)))
        return text.withUTF8 { bytes in
            var start = 0
            var first: Snippet? = nil
            while start < bytes.count {
                let end = Self.windowEnd(bytes, from: start)
                let window = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                let isFirst = start == 0
                start = end
                guard isFirst || probes.contains(where: { Self.contains(window, $0) }) else { continue }
                let piece = String(decoding: window, as: UTF8.self)
                let snippet = self.snippet(of: piece, terms: terms, phrases: phrases, maximumLength: maximumLength)
                if !snippet.highlights.isEmpty { return snippet }
                if isFirst { first = snippet }
            }
            return first ?? Snippet(text: "", highlights: [])
        }
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
    static func windowEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
