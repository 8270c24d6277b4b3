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
    /// Whether the element is a byline, a dateline, a caption or a share bar: dropped from the text when short.
    var isByline = false

    init() {}

    /// Reads the hints of `node`; cheap for elements without attributes.
    init(_ node: xmlNodePtr) {
        guard node.pointee.properties != nil else { return }
        var combined: [UInt8] = []
        for name in [Self.classKey, Self.idKey] {
            guard let value = Self.lowercased(node, name) else { continue }
            if Self.contains(value, any: Self.positive) { weight += 25 }
            if Self.contains(value, any: Self.negative) { weight -= 25 }
            combined.append(0x20)
            combined.append(contentsOf: value)
        }
        if let role = Self.lowercased(node, Self.roleKey), Self.contains(role, any: Self.unlikelyRoles) {
            unlikely = true
        }
        if let itemprop = Self.lowercased(node, Self.itempropKey), Self.contains(itemprop, any: [Array("author".utf8)])
        {
            isByline = true
        }
        if let rel = Self.lowercased(node, Self.relKey), Self.contains(rel, any: [Array("author".utf8)]) {
            isByline = true
        }
        guard !combined.isEmpty else { return }
        if Self.contains(combined, any: Self.unlikelyNames), !Self.contains(combined, any: Self.maybeNames) {
            unlikely = true
        }
        if Self.contains(combined, any: Self.bylineNames) { isByline = true }
    }

    // MARK: - Word lists

    private static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

    private static let unlikelyNames = words([
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
        "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "subscribe",
        "signup", "sign-up", "promo", "outbrain", "taboola", "recommend", "most-popular", "mostpopular",
        "trending", "modal", "overlay", "toolbar", "masthead",
    ])
    private static let maybeNames = words([
        "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
    ])
    private static let positive = words([
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog",
        "story",
    ])
    private static let negative = words([
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "widget", "cookie", "consent", "newsletter", "subscribe",
    ])
    private static let bylineNames = words([
        "share", "sharing", "byline", "author", "dateline", "writtenby", "p-author", "social", "caption",
        "credit", "timestamp", "pubdate", "publish",
    ])
    private static let unlikelyRoles = words([
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner",
        "contentinfo",
    ])

    private static let classKey: StaticString = "class"
    private static let idKey: StaticString = "id"
    private static let roleKey: StaticString = "role"
    private static let itempropKey: StaticString = "itemprop"
    private static let relKey: StaticString = "rel"

    // MARK: - Matching

    /// The attribute's value in lowercase ASCII, or `nil` when absent or empty.
    private static func lowercased(_ node: xmlNodePtr, _ name: StaticString) -> [UInt8]? {
        guard let value = DOM.attribute(node, name), value[0] != 0 else { return nil }
        var bytes: [UInt8] = []
        var i = 0
        while value[i] != 0, i < 256 {
            let b = value[i]
            bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            i += 1
        }
        return bytes
    }

    /// Whether `haystack` contains any of `needles`.
    static func contains(_ haystack: [UInt8], any needles: [[UInt8]]) -> Bool {
        for needle in needles where needle.count <= haystack.count {
            let first = needle[0]
            var i = 0
            let last = haystack.count - needle.count
            while i <= last {
                if haystack[i] == first {
                    var k = 1
                    while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
        }
        return false
    }
}
