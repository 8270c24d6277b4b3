import CLibXML2

/// What an element's `class`, `id` and `role` say about whether it holds the article.
///
/// The word lists follow Readability.js (its `unlikelyCandidates`, `okMaybeItsACandidate`, `positive` and
/// `negative` patterns), widened with the boilerplate names trafilatura drops (cookie and consent banners,
/// newsletter sign-ups, share bars). They are matched as lowercase substrings of the attribute values; no
/// list names a site.
struct ArticleHints: Equatable {
    /// The class weight: +25 per attribute (class, id) that reads like content, −25 per one that reads
    /// like boilerplate.
    var weight: Int16 = 0
    /// Whether the element reads like page furniture (a menu, a sidebar, comments) and not like content.
    var unlikely = false
    /// Whether the element's class, id or `itemprop` name a byline, a dateline, a caption or a share bar.
    var isNamedByline = false
    /// Whether the element is `rel="author"`.
    var isAuthorLink = false
    /// Whether the element is hidden: `hidden`, `aria-hidden="true"`, or an inline style that hides it.
    var isHidden = false

    /// Whether the element is a byline, a dateline, a caption or a share bar: dropped from the text when short.
    var isByline: Bool { isNamedByline || isAuthorLink }

    init() {}

    /// Reads the hints of `node` in one walk over its attributes; cheap for elements without any.
    init(_ node: xmlNodePtr) {
        var names: UInt8 = 0
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            guard let content = current.pointee.children?.pointee.content else {
                if DOM.equals(name, "hidden") { isHidden = true }  // `<div hidden>`: no value
                continue
            }
            let value = UnsafePointer(content)
            if DOM.equals(name, "class") || DOM.equals(name, "id") {
                let found = Self.patterns.flags(in: value)
                if found & Pattern.positive != 0 { weight += 25 }
                if found & Pattern.negative != 0 { weight -= 25 }
                names |= found
            } else if DOM.equals(name, "role") {
                if Self.roles.flags(in: value) != 0 { unlikely = true }
            } else if DOM.equals(name, "itemprop") {
                if Self.author.flags(in: value) != 0 { isNamedByline = true }
            } else if DOM.equals(name, "rel") {
                if Self.author.flags(in: value) != 0 { isAuthorLink = true }
            } else if DOM.equals(name, "style") {
                if DOM.isHiddenByStyle(value) { isHidden = true }
            } else if DOM.equals(name, "hidden") {
                isHidden = true
            } else if DOM.equals(name, "aria-hidden") {
                if DOM.equals(value, "true") { isHidden = true }
            }
        }
        if names & Pattern.unlikely != 0, names & Pattern.maybe == 0 { unlikely = true }
        if names & Pattern.byline != 0 { isNamedByline = true }
    }

    // MARK: - Word lists

    private static let patterns = PatternTable([
        // Readability's unlikelyCandidates, and trafilatura's banners and sign-ups.
        (
            Pattern.unlikely,
            [
                "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
                "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
                "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
                "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "subscribe",
                "signup", "sign-up", "promo", "outbrain", "taboola", "recommend", "most-popular", "mostpopular",
                "trending", "modal", "overlay", "toolbar", "masthead",
            ]
        ),
        // Readability's okMaybeItsACandidate.
        (Pattern.maybe, ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]),
        (
            Pattern.positive,
            [
                "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog",
                "story",
            ]
        ),
        (
            Pattern.negative,
            [
                "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
                "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
                "skyscraper", "sponsor", "shopping", "tags", "widget", "cookie", "consent", "newsletter", "subscribe",
            ]
        ),
        (
            Pattern.byline,
            [
                "share", "sharing", "byline", "author", "dateline", "writtenby", "p-author", "social", "caption",
                "credit", "timestamp", "pubdate", "publish",
            ]
        ),
    ])
    private static let roles = PatternTable([
        (
            Pattern.unlikely,
            [
                "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner",
                "contentinfo",
            ]
        )
    ])
    private static let author = PatternTable([(Pattern.byline, ["author"])])

}

/// The kinds of word an attribute may contain, as bits.
private enum Pattern {
    static let unlikely: UInt8 = 1
    static let maybe: UInt8 = 2
    static let positive: UInt8 = 4
    static let negative: UInt8 = 8
    static let byline: UInt8 = 16
}

/// Words to look for in attribute values, indexed by their first two bytes so that one scan of a value finds
/// every list's words at once, in ASCII lowercase, without copying the value. The words sit in one byte
/// array and the index in flat integer arrays: the scan touches no reference counts.
private struct PatternTable: Sendable {
    private var bytes: [UInt8] = []
    /// For each word, sorted by its first two bytes: where it starts in `bytes`, its length and its flags.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var wordFlags: [UInt8] = []
    /// For each pair of first bytes `p = b0 << 8 | b1`, the words `firstWord[p]..<firstWord[p + 1]`.
    private var firstWord = [Int32](repeating: 0, count: 65537)

    init(_ lists: [(UInt8, [String])]) {
        var words: [([UInt8], UInt8)] = []
        for (flags, list) in lists { words += list.map { (Array($0.utf8), flags) } }
        words.sort { Self.pair($0.0[0], $0.0[1]) < Self.pair($1.0[0], $1.0[1]) }
        for (word, flags) in words {
            starts.append(Int32(bytes.count))
            lengths.append(Int32(word.count))
            wordFlags.append(flags)
            bytes += word
            firstWord[Self.pair(word[0], word[1]) + 1] += 1
        }
        for p in 0..<65536 { firstWord[p + 1] += firstWord[p] }
    }

    /// The flags of every word found in the NUL-terminated `value` (its first 256 bytes).
    func flags(in value: UnsafePointer<xmlChar>) -> UInt8 {
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    firstWord.withUnsafeBufferPointer { firstWord in
                        var found: UInt8 = 0
                        var i = 0
                        while value[i] != 0, value[i + 1] != 0, i < 256 {
                            let first = Self.pair(Self.lower(value[i]), Self.lower(value[i + 1]))
                            var w = Int(firstWord[first])
                            let end = Int(firstWord[first + 1])
                            while w < end {
                                let flags = wordFlags[w]
                                if found & flags != flags {
                                    let start = Int(starts[w])
                                    let count = Int(lengths[w])
                                    var k = 2
                                    while k < count, Self.lower(value[i + k]) == bytes[start + k] { k += 1 }
                                    if k == count { found |= flags }
                                }
                                w += 1
                            }
                            i += 1
                        }
                        return found
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @inline(__always)
    private static func pair(_ b0: UInt8, _ b1: UInt8) -> Int { Int(b0) << 8 | Int(b1) }
}
