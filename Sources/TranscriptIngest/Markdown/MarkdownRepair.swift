/// Repairs ways scrapers break Markdown before libcmark-gfm reads it, so that no Markdown syntax reaches a
/// statement, and keeps the asterisks a file writes as text.
///
/// A page's `<strong>Heading: </strong>Text` becomes `**Heading: **Text`: the space (often a no-break space) sits
/// inside the closing `**`, and CommonMark cannot close emphasis after white space, so the asterisks would reach the
/// text as characters and the bold (a heading's mark) would be lost. This moves the white space after
/// the closer (`**Heading:** Text`). A closer is the second `**` of a paragraph, counting runs of exactly
/// two asterisks not escaped by `\`; a blank line starts a new paragraph.
enum MarkdownRepair {
    /// The repaired bytes, or `nil` when nothing needed repair.
    static func closingStrongSpaces(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let star = UInt8(ascii: "*")
        var output: [UInt8] = []
        var changed = false
        var open = false
        var lineIsBlank = true
        var copied = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == 0x0A {
                if lineIsBlank { open = false }
                lineIsBlank = true
                i += 1
                continue
            }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { lineIsBlank = false }
            guard byte == star, i + 1 < count, bytes[i + 1] == star,
                i + 2 >= count || bytes[i + 2] != star,
                i == 0 || bytes[i - 1] != star && bytes[i - 1] != UInt8(ascii: "\\")
            else {
                i += 1
                continue
            }
            if !open {
                // A run followed by white space cannot open emphasis: it stays as it is.
                open = i + 2 < count && !isSpace(bytes[i + 2]) && spaceLength(bytes, endingAt: i + 4) != 2
                i += 2
                continue
            }
            open = false
            var spaceStart = i
            while spaceStart > copied {
                if isSpace(bytes[spaceStart - 1]) {
                    spaceStart -= 1
                } else if spaceStart - 2 >= copied, let length = spaceLength(bytes, endingAt: spaceStart) {
                    spaceStart -= length
                } else {
                    break
                }
            }
            if spaceStart < i {
                if !changed {
                    output.reserveCapacity(count + 16)
                    changed = true
                }
                output += bytes[copied..<spaceStart]
                output += [star, star]
                output += bytes[spaceStart..<i]
                copied = i + 2
            }
            i += 2
        }
        guard changed else { return nil }
        output += bytes[copied...]
        return output
    }

    /// The length of the Unicode space (no-break, en to hair, narrow no-break) whose UTF-8 bytes end just
    /// before `end`, or `nil`.
    private static func spaceLength(_ bytes: UnsafeRawBufferPointer, endingAt end: Int) -> Int? {
        guard end <= bytes.count else { return nil }
        if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { return 2 }
        if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
            (0x80...0x8A).contains(bytes[end - 1]) || bytes[end - 1] == 0xAF
        {
            return 3
        }
        return nil
    }

    /// `bytes` without the word joiner (U+2060) and zero-width space (U+200B) that the archives put inside
    /// words (`Biden-\u{2060}Harris`), or `nil` when there is none: invisible, they would still split a
    /// word for the search.
    static func removingInvisibles(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        func isInvisible(_ i: Int) -> Bool {
            i + 2 < bytes.count && bytes[i] == 0xE2
                && (bytes[i + 1] == 0x81 && bytes[i + 2] == 0xA0 || bytes[i + 1] == 0x80 && bytes[i + 2] == 0x8B)
        }
        guard let first = (0..<bytes.count).first(where: isInvisible) else { return nil }
        var output = Array(bytes[..<first])
        output.reserveCapacity(bytes.count)
        var i = first
        while i < bytes.count {
            if isInvisible(i) {
                i += 3
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return output
    }

    /// A private-use character that stands for an escaped `\*` while libcmark-gfm reads the file: the
    /// asterisks a publisher wrote as text ("marked with an asterisk") must survive the removal of the
    /// `**` runs that closed nothing (`CommonMark`), and libcmark-gfm merges both into the same text.
    static let asteriskStandIn: [UInt8] = [0xEE, 0x80, 0x80]

    /// `bytes` with every `\*` replaced by `asteriskStandIn`, or `nil` when there is none (or when the
    /// file holds the stand-in itself, and so cannot be told apart).
    static func protectingEscapedAsterisks(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        var found = false
        for i in 0..<bytes.count {
            if bytes[i] == 0xEE, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return nil }
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") { found = true }
        }
        guard found else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                output += asteriskStandIn
                i += 2
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return output
    }

    /// `html` with every stand-in back to `*`.
    static func restoringAsterisks(_ html: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(html.count)
        var i = 0
        while i < html.count {
            if html[i] == 0xEE, i + 2 < html.count, html[i + 1] == 0x80, html[i + 2] == 0x80 {
                output.append(UInt8(ascii: "*"))
                i += 3
            } else {
                output.append(html[i])
                i += 1
            }
        }
        return output
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
