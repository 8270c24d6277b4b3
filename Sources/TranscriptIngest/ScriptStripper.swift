import Foundation

/// Drops from a page, before libxml2 sees it, what no reader looks at: the contents of `<script>`,
/// `<style>` and `<svg>` elements, comments, and the attributes `data-*`, `srcset`, `sizes`, `href` (but
/// on `<link>`, where it may be the canonical URL), `title`, `alt`, `target`, `onclick`, `aria-label`,
/// `width`, `height` and `tabindex`.
///
/// On today's pages that is more than half of the bytes, which libxml2 would scan one character at a time
/// and copy into nodes; dropping them first takes a third off the parse. The pass is a small tokenizer that
/// follows libxml2's own rules in recovery mode, so the tree is the one libxml2 would build minus those
/// parts: a comment runs from `<!--` to the first `-->` (one left open is kept); a tag runs to the first
/// `>` outside an attribute value quoted after `=` (so `alt="<script>"` is no script); an attribute is
/// dropped from the space before its name to the end of its value, only where its name ends as libxml2
/// would end it; a script or style element's text runs to the first `</script` or `</style` in any case,
/// which is where libxml2 ends it too (a drawing's content, to the first `</svg`). JSON-LD scripts (`type`
/// naming `json`) are kept: they carry page metadata. Only ASCII-compatible text (UTF-8 here) may be passed.
enum ScriptStripper {
    /// The page without those parts, or `nil` when it has none to drop.
    ///
    /// - Complexity: O(n), one pass.
    static func stripped(_ page: UnsafeRawBufferPointer) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        var i = 0
        let n = page.count
        var drops: [Range<Int>] = []
        func drop(_ range: Range<Int>) {
            if output.isEmpty { output.reserveCapacity(n) }
            output.append(contentsOf: page[copied..<range.lowerBound])
            copied = range.upperBound
        }
        while let open = nextOpening(page, from: i) {
            if matches(page, at: open + 1, "!--") {
                // A comment is dropped whole; one left open stays for libxml2 to judge.
                guard let end = endOfComment(page, from: open + 4) else { break }
                drop(open..<end)
                i = end
                continue
            }
            drops.removeAll(keepingCapacity: true)
            let keepsHref = matches(page, at: open + 1, "link") && open + 5 < n && !isNameByte(page[open + 5])
            let tagEnd = endOfTag(page, from: open + 1, keepsHref: keepsHref, unread: &drops)
            for range in drops { drop(range) }
            guard let name = rawTextName(page, at: open + 1), tagEnd < n else {
                i = tagEnd
                continue
            }
            let contentStart = tagEnd + 1
            let close = closing(page, name, from: contentStart)
            if close > contentStart, !mentionsJSON(page, from: open, to: tagEnd) { drop(contentStart..<close) }
            i = close
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: page[copied..<n])
        return output
    }

    // MARK: - Tokens

    private static let lessThan = UInt8(ascii: "<")
    private static let greaterThan = UInt8(ascii: ">")

    /// The offset of the next `<`, or `nil`.
    private static func nextOpening(_ page: UnsafeRawBufferPointer, from start: Int) -> Int? {
        next(lessThan, in: page, from: start)
    }

    /// The offset of the next `byte` at or after `start`, or `nil` (with `memchr`).
    @inline(__always)
    private static func next(_ byte: UInt8, in page: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < page.count, let base = page.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), page.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Where a comment that starts before `start` ends (after its `-->`), or `nil` when it never does.
    private static func endOfComment(_ page: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        while let gt = next(greaterThan, in: page, from: i) {
            if gt >= start + 2, page[gt - 1] == UInt8(ascii: "-"), page[gt - 2] == UInt8(ascii: "-") { return gt + 1 }
            i = gt + 1
        }
        return nil
    }

    /// The offset of the `>` that ends the tag whose name starts at `start` (or the page's end).
    /// Also collects in `unread` the attributes no reader looks at (`data-*`, `srcset`, `sizes`, a link's
    /// `href`…: a sixth of today's page bytes once scripts and styles are gone), each from the space before
    /// its name to the end of its value.
    private static func endOfTag(
        _ page: UnsafeRawBufferPointer,
        from start: Int,
        keepsHref: Bool,
        unread: inout [Range<Int>]
    ) -> Int {
        var i = start
        var afterEquals = false
        while i < page.count {
            let b = page[i]
            if b == greaterThan { return i }
            if afterEquals, b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                i = next(b, in: page, from: i + 1) ?? page.count
                afterEquals = false
            } else if b == UInt8(ascii: "=") {
                afterEquals = true
            } else if !isSpace(b) {
                afterEquals = false
            } else if !afterEquals, let end = endOfUnreadAttribute(page, from: i + 1, keepsHref: keepsHref) {
                unread.append(i..<end)
                i = end
                continue
            }
            i &+= 1
        }
        return page.count
    }

    /// Where the attribute starting at `start` ends, when it is one no reader looks at; else `nil`.
    /// Its name must end in `=`, a space, `>` or `/` (anything else and libxml2 might read it otherwise).
    private static func endOfUnreadAttribute(_ page: UnsafeRawBufferPointer, from start: Int, keepsHref: Bool) -> Int? {
        var i: Int
        if matches(page, at: start, "data-") {
            i = start + 5
            while i < page.count, isNameByte(page[i]) { i &+= 1 }
        } else if let name = unreadNames.first(where: { matches(page, at: start, $0) }) {
            if keepsHref, name.utf8Start[0] == UInt8(ascii: "h"), name.utf8CodeUnitCount == 4 { return nil }
            i = start + name.utf8CodeUnitCount
        } else {
            return nil
        }
        while i < page.count, isSpace(page[i]) { i &+= 1 }
        guard i < page.count else { return nil }
        if page[i] == greaterThan || page[i] == UInt8(ascii: "/") { return i }
        guard page[i] == UInt8(ascii: "=") else { return nil }
        i &+= 1
        while i < page.count, isSpace(page[i]) { i &+= 1 }
        guard i < page.count else { return nil }
        let b = page[i]
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            guard let close = next(b, in: page, from: i + 1) else { return nil }
            return close + 1
        }
        while i < page.count, !isSpace(page[i]), page[i] != greaterThan { i &+= 1 }
        return i
    }

    /// Attributes no reader looks at, besides `data-*`.
    private static let unreadNames: [StaticString] = [
        "href", "srcset", "sizes", "title", "alt", "target", "onclick", "aria-label", "width", "height", "tabindex",
    ]

    /// A byte of an attribute name as libxml2 reads one: letters, digits, `-`, `_`, `:`, `.`.
    @inline(__always)
    private static func isNameByte(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x3A
            || b == 0x2E
    }

    /// `"script"`, `"style"` or `"svg"` when the tag name at `start` is one of them.
    private static func rawTextName(_ page: UnsafeRawBufferPointer, at start: Int) -> StaticString? {
        for name: StaticString in ["script", "style", "svg"] where matches(page, at: start, name) {
            let after = start + name.utf8CodeUnitCount
            guard after < page.count else { return nil }
            let b = page[after]
            if isSpace(b) || b == greaterThan || b == UInt8(ascii: "/") { return name }
        }
        return nil
    }

    /// The offset of the `</name` that closes a raw-text element, or the page's end.
    private static func closing(_ page: UnsafeRawBufferPointer, _ name: StaticString, from start: Int) -> Int {
        var i = start
        while let open = nextOpening(page, from: i) {
            if open + 1 < page.count, page[open + 1] == UInt8(ascii: "/"), matches(page, at: open + 2, name) {
                return open
            }
            i = open + 1
        }
        return page.count
    }

    private static func mentionsJSON(_ page: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        var i = start
        while i + 4 <= end {
            if matches(page, at: i, "json") { return true }
            i &+= 1
        }
        return false
    }

    /// Whether `literal` (lowercase ASCII) is at `start`, in any case.
    @inline(__always)
    private static func matches(_ page: UnsafeRawBufferPointer, at start: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start + count <= page.count else { return false }
        let bytes = literal.utf8Start
        for k in 0..<count {
            let b = page[start + k]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != bytes[k] { return false }
        }
        return true
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
}
