import Foundation

/// The metadata of a page that is not in the ministry's layout, each value from the best source present.
///
/// - title: `og:title`, the article's `<h1>`, JSON-LD `headline`, `<title>`; the site's name after a
///   separator (`… - BBC News`, `… | Reuters`) is cut off.
/// - date: `article:published_time`, `itemprop="datePublished"`, JSON-LD `datePublished`, another meta
///   date (`pubdate`, `dc.date`…), the article's first `<time>`, a date in the canonical URL, a dated line
///   after the heading, then one just before it. A date on or after `today` is no publication date and is passed over.
/// - publisher: `og:site_name`, JSON-LD `publisher`, the name after the title in `<title>`, the canonical
///   URL's host.
/// - author: `<meta name="author">` (not a profile URL), JSON-LD `author`, a byline.
/// - language: the primary subtag of `<html lang>`, else the share of CJK characters in the text.
/// - URL: `<link rel="canonical">`, `og:url`.
struct ArticleMetadata {
    var metadata = PageMetadata()
    /// The JSON-LD main item, when the page has one.
    var jsonLD: JSONLDArticle?

    init(page: ExtractedPage, signals: PageSignals, today: String = ArticleMetadata.today) {
        let metas = signals.metas
        jsonLD = JSONLDArticle(blocks: signals.jsonLD)

        var url = SourcedValue(signals.canonicalLink, from: .canonicalLink)
        if url.value.isEmpty { url = SourcedValue(metas["og:url"] ?? "", from: .openGraphURL) }
        metadata.canonicalURL = url

        var publisher = SourcedValue(metas["og:site_name"] ?? "", from: .openGraphSiteName)
        if publisher.value.isEmpty { publisher = SourcedValue(jsonLD?.publisher ?? "", from: .jsonLDPublisher) }
        metadata.title = Self.title(
            page: page,
            signals: signals,
            jsonLD: jsonLD,
            publisher: publisher.value,
            url: url.value
        )
        if publisher.value.isEmpty {
            let name = Self.siteName(in: page.documentTitle, title: metadata.title.value)
            publisher = SourcedValue(name, from: .documentTitle)
        }
        if publisher.value.isEmpty { publisher = SourcedValue(Self.host(of: url.value), from: .canonicalHost) }
        metadata.publisher = publisher
        metadata.date = Self.date(signals: signals, jsonLD: jsonLD, url: url.value, today: today)
        metadata.author = Self.author(signals: signals, jsonLD: jsonLD)
        metadata.language = Self.language(page: page, title: metadata.title.value)
    }

    // MARK: - Title

    private static func title(
        page: ExtractedPage,
        signals: PageSignals,
        jsonLD: JSONLDArticle?,
        publisher: String,
        url: String
    ) -> SourcedValue {
        let site = [publisher, siteLabel(of: url)].filter { !$0.isEmpty }
        let candidates: [(String, MetadataSource)] = [
            (signals.metas["og:title"] ?? "", .openGraphTitle),
            (signals.heading, .heading),
            (jsonLD?.headline ?? "", .jsonLDHeadline),
            (page.documentTitle, .documentTitle),
        ]
        for (text, source) in candidates {
            let title = withoutSiteName(PageSignals.squeezed(text), site: site)
            // A heading that is the site's name (a logo in an `<h1>`) is not the article's title.
            if title.isEmpty || site.contains(where: { sameName(title, $0) }) { continue }
            return SourcedValue(title, from: source)
        }
        return .none
    }

    /// The site's name in a `<title>` that is the article's title, a separator and a name:
    /// `Talks resume - Ministry of Economy and Trade` → `Ministry of Economy and Trade`.
    static func siteName(in documentTitle: String, title: String) -> String {
        let whole = PageSignals.squeezed(documentTitle)
        // A title of one or two words may be the start of a longer one (`Take C.A.R.E. - comwrap at DMEXCO`).
        guard title.split(separator: " ").count >= 3, whole.hasPrefix(title) else { return "" }
        let rest = whole.dropFirst(title.count)
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] where rest.hasPrefix(separator) {
            let name = rest.dropFirst(separator.count).trimmingCharacters(in: .whitespaces)
            return name.split(separator: " ").count <= 8 ? name : ""
        }
        return ""
    }

    /// `title` without a site's name before or after a separator: `Markets fall - BBC News` → `Markets fall`.
    static func withoutSiteName(_ title: String, site: [String]) -> String {
        let names = site.map(SiteName.init).filter { !$0.key.isEmpty }
        guard !names.isEmpty else { return title }
        let bytes = Array(title.utf8)
        for separator in separators {
            if let at = lastIndex(of: separator, in: bytes),
                names.contains(where: { $0.matches(bytes[(at + separator.count)...]) })
            {
                return String(decoding: bytes[..<at], as: UTF8.self)
            }
            if let at = firstIndex(of: separator, in: bytes), names.contains(where: { $0.matches(bytes[..<at]) }) {
                return String(decoding: bytes[(at + separator.count)...], as: UTF8.self)
            }
        }
        return title
    }

    /// Whether two names of a site are the same once case, spaces and punctuation are set aside, or one
    /// holds the other (`BBC News` and `bbc`, `Reuters` and `reuters.com`'s `reuters`).
    static func sameName(_ a: String, _ b: String) -> Bool {
        let name = SiteName(b)
        return !name.key.isEmpty && name.matches(Array(a.utf8)[...])
    }

    private static let separators: [[UInt8]] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "].map {
        Array($0.utf8)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// A site's name reduced to its ASCII letters and digits, lowercased (other bytes kept as they are), to
    /// compare names however they are spaced and cased.
    struct SiteName {
        let key: [UInt8]

        init(_ name: String) { key = Self.reduced(Array(name.utf8)[...]) }

        /// Whether `text` names the same site: equal once reduced, or one holding the other (up to 40 bytes).
        func matches(_ text: ArraySlice<UInt8>) -> Bool {
            let other = Self.reduced(text)
            guard key.count >= 2, other.count >= 2 else { return false }
            if other == key { return true }
            guard other.count <= 40 else { return false }
            return Self.holds(other, key) || Self.holds(key, other)
        }

        private static func reduced(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for b in bytes {
                switch b {
                case 0x30...0x39, 0x61...0x7A, 0x80...: out.append(b)
                case 0x41...0x5A: out.append(b | 0x20)
                default: break
                }
            }
            return out
        }

        private static func holds(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            guard haystack.count >= needle.count else { return false }
            for start in 0...(haystack.count - needle.count)
            where haystack[start..<start + needle.count].elementsEqual(needle) {
                return true
            }
            return false
        }
    }

    // MARK: - Date

    private static let articleTimeKeys = ["article:published_time", "article:published", "og:article:published_time"]
    private static let metaDateKeys = [
        "pubdate", "publishdate", "publish-date", "publish_date", "pub_date", "og:pubdate", "publication_date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
        "sailthru.date", "parsely-pub-date", "article.published", "article.created", "published_at",
        "date.release", "citation_publication_date", "originalpublicationdate", "pdate", "date",
    ]

    private static func date(signals: PageSignals, jsonLD: JSONLDArticle?, url: String, today: String) -> SourcedValue {
        var candidates: [(String, MetadataSource)] = []
        for key in articleTimeKeys { candidates.append((signals.metas[key] ?? "", .articlePublishedTime)) }
        candidates.append((signals.itempropDate, .itempropDatePublished))
        candidates.append((jsonLD?.datePublished ?? "", .jsonLDDatePublished))
        for key in metaDateKeys { candidates.append((signals.metas[key] ?? "", .metaDate)) }
        for time in signals.times { candidates.append((time, .timeElement)) }
        for (text, source) in candidates where !text.isEmpty {
            if let day = day(in: text), day < today { return SourcedValue(day, from: source) }
        }
        if let day = BriefingMetadata.parseDate(path(of: url)), day < today { return SourcedValue(day, from: .urlDate) }
        for text in [signals.afterHeading, signals.beforeHeading] {
            if let day = BriefingMetadata.parseDate(text), day < today { return SourcedValue(day, from: .dateline) }
        }
        return .none
    }

    /// The day a machine-readable date names: ISO 8601 (`2019-11-19T13:03:00Z`), `20191119`, or a written
    /// date (`Tue, 19 Nov 2019 13:03:00 GMT`). The day as written: a time zone does not move it.
    static func day(in text: String) -> String? {
        let digits = text.utf8.prefix(while: { $0 >= 0x30 && $0 <= 0x39 }).count
        if digits == 8, let year = Int(text.prefix(4)), let month = Int(text.dropFirst(4).prefix(2)),
            let day = Int(text.dropFirst(6).prefix(2)), BriefingMetadata.isValid(year, month, day)
        {
            return BriefingMetadata.format(year: year, month: month, day: day)
        }
        guard digits <= 4 else { return nil }  // a Unix time, an id
        return BriefingMetadata.parseDate(text)
    }

    /// The earliest day it is anywhere on Earth (UTC−12), `YYYY-MM-DD`: no page is published in the future,
    /// and a page that shows today's date most likely shows the clock, not its own.
    static let today: String = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = Date().addingTimeInterval(-12 * 3600)
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return BriefingMetadata.format(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }()

    // MARK: - Author, language, host

    private static func author(signals: PageSignals, jsonLD: JSONLDArticle?) -> SourcedValue {
        for key in ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"] {
            if let value = signals.metas[key], !value.hasPrefix("http"), !value.contains("://") {
                return SourcedValue(value, from: .metaAuthor)
            }
        }
        if let author = jsonLD?.author, !author.isEmpty { return SourcedValue(author, from: .jsonLDAuthor) }
        return SourcedValue(cleanByline(signals.byline), from: .byline)
    }

    /// `By Jane Doe, Staff Writer Nov. 19, 2019` → `Jane Doe, Staff Writer`: the names before any date.
    static func cleanByline(_ text: String) -> String {
        var name = Substring(text)
        for prefix in ["By ", "by ", "BY ", "By: "] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        if let digit = name.firstIndex(where: { $0.isNumber }) { name = name[..<digit] }
        for separator in [" | ", " Updated", " Published", " on "] {
            if let range = name.range(of: separator) { name = name[..<range.lowerBound] }
        }
        // What stood before the date's digits: `Nov.`, `Tuesday,`, `on`.
        var words = name.split(separator: " ")
        let dateWords: Set<String> = ["on", "at", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        while let last = words.last?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,")),
            BriefingMetadata.monthNumber(last) != nil
                || dateWords.contains(String(last.prefix(3)))
                    && (last.count == 3 || last.hasSuffix("day"))
        {
            words.removeLast()
        }
        let cleaned = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;:|-–—·"))
        return words.count <= 12 ? cleaned : ""
    }

    private static func language(page: ExtractedPage, title: String) -> SourcedValue {
        let declared = page.htmlLanguage.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        if let declared, (2...3).contains(declared.count), declared.allSatisfy({ $0.isLetter }) {
            return SourcedValue(String(declared), from: .langAttribute)
        }
        return SourcedValue(BriefingMetadata.language(of: page, title: title), from: .textScript)
    }

    /// `https://www.reuters.com/article/…` → `reuters.com`.
    static func host(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "" }
        var host = url[scheme.upperBound...].prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.lowercased()
    }

    /// The host's name without its suffix: `www.reuters.com` → `reuters`.
    private static func siteLabel(of url: String) -> String {
        let parts = host(of: url).split(separator: ".")
        guard parts.count >= 2 else { return "" }
        let label = parts[parts.count - 2]
        // `bbc.co.uk`: the label before a two-letter country code and a short second level.
        if parts.count >= 3, parts[parts.count - 1].count == 2, label.count <= 3 {
            return String(parts[parts.count - 3])
        }
        return String(label)
    }

    /// The path of a URL (what follows the host), where a date may be written.
    private static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url.hasPrefix("/") ? url : "" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }
}
