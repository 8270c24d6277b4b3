/// Where on a page a metadata value was found: what `podium parse --format text` names after each value.
public enum MetadataSource: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // Structured markup the publisher wrote for machines.
    /// `<meta property="og:title">`, `og:site_name`, `og:url`.
    case openGraphTitle, openGraphSiteName, openGraphURL
    /// `<meta property="article:published_time">` (or `article:published`).
    case articlePublishedTime
    /// An element or `<meta>` with `itemprop="datePublished"`.
    case itempropDatePublished
    /// Another `<meta>` naming a publication date (`pubdate`, `dc.date`, `sailthru.date`, `parsely-pub-date`).
    case metaDate
    /// A JSON-LD object's `datePublished`, `headline`, `publisher.name`, `author.name`.
    case jsonLDDatePublished, jsonLDHeadline, jsonLDPublisher, jsonLDAuthor
    /// `<meta name="author">` (or `article:author`, `dc.creator`).
    case metaAuthor
    /// `<link rel="canonical">`.
    case canonicalLink
    /// `<html lang>`.
    case langAttribute
    // What a reader sees.
    /// The article's `<h1>`.
    case heading
    /// The `<title>` element, without the site's name after it.
    case documentTitle
    /// The first `<time datetime>` of the article (not one in a list, sidebar or footer).
    case timeElement
    /// A date in the canonical URL's path (`/2019/04/02/`).
    case urlDate
    /// A dated line near the title (`April 2, 2019`).
    case dateline
    /// A byline (`By Jane Doe`), an element marked `byline` or `rel="author"`.
    case byline
    /// The host of the canonical URL.
    case canonicalHost
    /// The share of CJK characters in the title and the opening text.
    case textScript
    // The ministry's layout.
    /// The ministry's date element (`#News_Body_Time`).
    case dateElement
    /// A date written in the title.
    case titleText
    /// A month and day in the title with the year of the page's image upload stamps.
    case imageStamp
    /// The ministry's title element or the page's `<h1>`/`h2.title`.
    case ministryHeading
    // Other readers.
    /// A Markdown file's front matter.
    case frontMatter
    /// The source's own field (a JSONL line).
    case sourceField

    /// How the source is named in `podium parse` output: `article:published_time`, `JSON-LD datePublished`.
    public var description: String {
        switch self {
        case .openGraphTitle: "og:title"
        case .openGraphSiteName: "og:site_name"
        case .openGraphURL: "og:url"
        case .articlePublishedTime: "article:published_time"
        case .itempropDatePublished: "itemprop=datePublished"
        case .metaDate: "meta date"
        case .jsonLDDatePublished: "JSON-LD datePublished"
        case .jsonLDHeadline: "JSON-LD headline"
        case .jsonLDPublisher: "JSON-LD publisher"
        case .jsonLDAuthor: "JSON-LD author"
        case .metaAuthor: "meta author"
        case .canonicalLink: "link rel=canonical"
        case .langAttribute: "lang attribute"
        case .heading: "h1"
        case .documentTitle: "<title>"
        case .timeElement: "<time datetime>"
        case .urlDate: "URL"
        case .dateline: "dateline"
        case .byline: "byline"
        case .canonicalHost: "canonical URL host"
        case .textScript: "text"
        case .dateElement: "date element"
        case .titleText: "title"
        case .imageStamp: "image upload stamp"
        case .ministryHeading: "title element"
        case .frontMatter: "front matter"
        case .sourceField: "source field"
        }
    }
}

/// A metadata value and where it came from; `source` is `nil` when the page gives no value.
public struct SourcedValue: Sendable, Hashable {
    /// The value, `""` when none was found.
    public var value: String
    /// Where it was found.
    public var source: MetadataSource?

    /// Creates a value; an empty value has no source.
    public init(_ value: String = "", from source: MetadataSource? = nil) {
        self.value = value
        self.source = value.isEmpty ? nil : source
    }

    /// No value.
    public static let none = SourcedValue()
}

/// A page's metadata, each value with where it came from: what `podium parse` reports for a page.
public struct PageMetadata: Sendable, Hashable {
    /// The page's title.
    public var title = SourcedValue.none
    /// The publication day, `YYYY-MM-DD`.
    public var date = SourcedValue.none
    /// The publisher: a site, company or government office.
    public var publisher = SourcedValue.none
    /// The author or issuing office the page names.
    public var author = SourcedValue.none
    /// The language code (`en`, `zh`, `de`).
    public var language = SourcedValue.none
    /// The canonical URL.
    public var canonicalURL = SourcedValue.none

    /// Creates empty metadata.
    public init() {}

    /// The fields in display order, with their names: `("date", value)`.
    public var namedFields: [(name: String, value: SourcedValue)] {
        [
            ("title", title), ("date", date), ("publisher", publisher), ("author", author),
            ("language", language), ("url", canonicalURL),
        ]
    }
}
