import Foundation
import Testing
import TranscriptIngest

/// The metadata of pages outside the ministry's layout, each value from the best source present and
/// each source named (issue 13, acceptance 4): pages written for these tests, one rule each.
@Suite struct PageMetadataTests {
    let reader = TranscriptReader()

    /// A page with enough prose to be read as an article; `head` and `top` (before the text, after the
    /// `<h1>` when `heading` is given) and `bottom` are the parts each test varies.
    func page(
        lang: String? = "en",
        head: String = "",
        heading: String? = "Port volumes rise as trade talks resume",
        top: String = "",
        bottom: String = ""
    ) -> String {
        let langAttribute = lang.map { " lang=\"\($0)\"" } ?? ""
        let h1 = heading.map { "<h1>\($0)</h1>" } ?? ""
        let text = ArticleFixtures.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html\(langAttribute)><head><meta charset="utf-8"><title>Port volumes rise</title>
            \(head)</head><body>
            <nav><a href="/">Home</a> <a href="/trade">Trade</a></nav>
            <article>\(h1)\(top)
            \(text)
            </article>\(bottom)
            </body></html>
            """
    }

    func metadata(_ html: String, path: String = "page.html") throws -> PageMetadata {
        let result = reader.read(bytes: Array(html.utf8), path: path)
        #expect(result.outcome == .parsed)
        #expect(result.reader == .article)
        return try #require(result.metadata)
    }

    func expectDate(_ html: String, _ day: String, from source: MetadataSource) throws {
        let found = try metadata(html).date
        #expect(found.value == day)
        #expect(
            found.source == source,
            "date \(found.value) from \(found.source.map(String.init(describing:)) ?? "nowhere")"
        )
    }

    /// `YYYY-MM-DD` of `date` in UTC.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", p.year!, p.month!, p.day!)
    }

    // MARK: - Date, one source each

    @Test func articlePublishedTimeWinsAndKeepsTheDayAsWritten() throws {
        let html = page(
            head: #"<meta property="article:published_time" content="2019-04-02T23:10:00-05:00">"#,
            top: #"<time datetime="2019-04-05">April 5, 2019</time>"#
        )
        try expectDate(html, "2019-04-02", from: .articlePublishedTime)
    }

    @Test func itempropDatePublishedOnAnElement() throws {
        let html = page(top: #"<span itemprop="datePublished" content="2018-03-05T08:00:00Z">March 5</span>"#)
        try expectDate(html, "2018-03-05", from: .itempropDatePublished)
    }

    @Test func jsonLDDatePublishedOfAnArticle() throws {
        let html = page(
            head: """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                "headline":"Port volumes rise","datePublished":"2017-11-21T09:30:00+01:00"}</script>
                """
        )
        try expectDate(html, "2017-11-21", from: .jsonLDDatePublished)
    }

    @Test func jsonLDInAGraphAndInAnArrayPrefersTheArticleOverThePage() throws {
        let graph = page(
            head: """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Harbour Times"},
                {"@type":"WebPage","datePublished":"2016-01-01"},
                {"@type":"Article","datePublished":"2016-02-14T10:00:00Z","publisher":{"@type":"Organization","name":"Harbour Times"}}
                ]}</script>
                """
        )
        try expectDate(graph, "2016-02-14", from: .jsonLDDatePublished)
        #expect(try metadata(graph).publisher == SourcedValue("Harbour Times", from: .jsonLDPublisher))
        let array = page(
            head: """
                <script type="application/ld+json">[{"@type":"Organization","name":"Acme"},
                {"@type":["BlogPosting"],"datePublished":"2015-07-09","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}]}]</script>
                """
        )
        try expectDate(array, "2015-07-09", from: .jsonLDDatePublished)
        #expect(try metadata(array).author == SourcedValue("Ann Lee, Bo Chen", from: .jsonLDAuthor))
    }

    @Test func aRelatedStorysJSONLDDateIsNotThePages() throws {
        let html = page(
            head: """
                <script type="application/ld+json">{"@type":"ItemList","itemListElement":[
                {"@type":"NewsArticle","headline":"Older story","datePublished":"2014-01-01"}]}</script>
                """,
            top: #"<time datetime="2019-06-30T12:00">June 30</time>"#
        )
        try expectDate(html, "2019-06-30", from: .timeElement)
    }

    @Test func timeElementOfTheArticleNotOfASidebarOrRelatedList() throws {
        let html = page(
            top: #"<time datetime="2018-12-24T07:00:00Z">Dec 24</time>"#,
            bottom: """
                <aside><h3>Most read</h3><time datetime="2018-12-20">Dec 20</time></aside>
                <div class="related-stories"><time datetime="2018-12-21">Dec 21</time></div>
                """
        )
        try expectDate(html, "2018-12-24", from: .timeElement)
        let onlyRelated = page(
            top: #"<div class="related"><a href="/x">Older</a> <time datetime="2018-12-21">Dec 21</time></div>"#
        )
        #expect(try metadata(onlyRelated).date == .none)
    }

    @Test func dateInTheCanonicalURL() throws {
        let html = page(
            head: #"<link rel="canonical" href="https://www.harbour.example/news/2017/06/30/port-volumes">"#
        )
        try expectDate(html, "2017-06-30", from: .urlDate)
    }

    @Test func datedLineUnderOrAboveTheTitle() throws {
        try expectDate(
            page(top: "<p class=\"meta\">By Ann Lee | Published March 3rd, 2016</p>"),
            "2016-03-03",
            from: .dateline
        )
        let above = page(
            heading: nil,
            top: "<p>Ann Lee, published on 25 September 2018</p><h1>Port volumes rise as trade talks resume</h1>"
        )
        try expectDate(above, "2018-09-25", from: .dateline)
    }

    @Test func neverTodaysDateNorOneInTheFuture() throws {
        let today = Self.day(Date())
        let tomorrow = Self.day(Date().addingTimeInterval(86_400))
        let html = page(
            head: """
                <meta property="article:published_time" content="\(today)T08:00:00Z">
                <meta itemprop="datePublished" content="\(tomorrow)">
                <link rel="canonical" href="https://harbour.example/2012/05/01/port">
                """,
            top: "<p>\(today) 09:14</p>"
        )
        try expectDate(html, "2012-05-01", from: .urlDate)
        let clockOnly = page(top: #"<time datetime="\#(today)T06:00:00Z">Today</time>"#)
        #expect(try metadata(clockOnly).date == .none)
        let result = reader.read(bytes: Array(clockOnly.utf8), path: "clock.html")
        #expect(result.statements.allSatisfy { $0.date.isEmpty })
        #expect(result.warnings.contains { $0.message.contains("no publication date") })
    }

    @Test func aCompactOrWrittenMetaDate() throws {
        try expectDate(page(head: #"<meta name="pdate" content="20191119">"#), "2019-11-19", from: .metaDate)
        try expectDate(
            page(head: #"<meta name="pubdate" content="Tue, 19 Nov 2019 13:03:00 GMT">"#),
            "2019-11-19",
            from: .metaDate
        )
        // A Unix time is no date.
        #expect(try metadata(page(head: #"<meta name="date" content="1574168580">"#)).date == .none)
    }

    // MARK: - Title, publisher, author, language, URL

    @Test func titleFromOpenGraphWithoutTheSitesName() throws {
        let html = page(
            head: """
                <meta property="og:title" content="Port volumes rise as trade talks resume | Reuters">
                <meta property="og:site_name" content="Reuters">
                """
        )
        let found = try metadata(html)
        #expect(found.title == SourcedValue("Port volumes rise as trade talks resume", from: .openGraphTitle))
        #expect(found.publisher == SourcedValue("Reuters", from: .openGraphSiteName))
    }

    @Test func titleFromTheHeadingThenTheDocumentTitleWithoutTheSuffix() throws {
        let heading = page(head: "<meta property=\"og:site_name\" content=\"Harbour Times\">")
        #expect(try metadata(heading).title == SourcedValue("Port volumes rise as trade talks resume", from: .heading))
        // A heading that is the site's name (a logo) is passed over; the suffix " - BBC News" goes.
        let logo = page(
            head: #"<link rel="canonical" href="https://www.bbc.co.uk/news/business-1"><title>x</title>"#,
            heading: "BBC"
        ).replacingOccurrences(
            of: "<title>Port volumes rise</title>",
            with: "<title>Markets rally on trade hopes - BBC News</title>"
        )
        let found = try metadata(logo)
        #expect(found.title == SourcedValue("Markets rally on trade hopes", from: .documentTitle))
        #expect(found.publisher == SourcedValue("BBC News", from: .documentTitle))
        #expect(found.canonicalURL == SourcedValue("https://www.bbc.co.uk/news/business-1", from: .canonicalLink))
        // A dash that does not come before the site's name is part of the title.
        let dashed = page(head: #"<meta property="og:site_name" content="Harbour Times">"#, heading: nil)
            .replacingOccurrences(
                of: "<title>Port volumes rise</title>",
                with: "<title>Ministers meet - talks go on</title>"
            )
        #expect(try metadata(dashed).title == SourcedValue("Ministers meet - talks go on", from: .documentTitle))
    }

    @Test func canonicalLinkBeforeOpenGraphURL() throws {
        let both = page(
            head: """
                <meta property="og:url" content="https://m.harbour.example/a">
                <link rel="canonical" href="https://harbour.example/a">
                """
        )
        #expect(try metadata(both).canonicalURL == SourcedValue("https://harbour.example/a", from: .canonicalLink))
        let og = page(head: #"<meta property="og:url" content="https://www.harbour.example/a">"#)
        let found = try metadata(og)
        #expect(found.canonicalURL == SourcedValue("https://www.harbour.example/a", from: .openGraphURL))
        #expect(found.publisher == SourcedValue("harbour.example", from: .canonicalHost))
    }

    @Test func authorFromMetaThenByline() throws {
        let meta = page(
            head:
                #"<meta name="author" content="Ann Lee"><meta property="article:author" content="https://facebook.com/ann">"#
        )
        #expect(try metadata(meta).author == SourcedValue("Ann Lee", from: .metaAuthor))
        let profileOnly = page(
            head: #"<meta property="article:author" content="https://facebook.com/ann">"#,
            top: #"<div class="byline">By Bo Chen, Trade Correspondent Nov. 19, 2019</div>"#
        )
        #expect(try metadata(profileOnly).author == SourcedValue("Bo Chen, Trade Correspondent", from: .byline))
    }

    @Test func languageFromTheAttributeThenTheText() throws {
        #expect(try metadata(page(lang: "de-DE")).language == SourcedValue("de", from: .langAttribute))
        let chinese = """
            <html><head><meta charset="utf-8"><title>港口吞吐量上升</title></head><body><article><h1>港口吞吐量上升</h1>
            <p>今年前十个月，全国港口完成货物吞吐量同比增长百分之四点五，其中外贸货物吞吐量增长百分之三点二，集装箱吞吐量增长百分之五点一，港口企业表示，新开通的航线和更快的通关手续带来了更多的货物。</p>
            <p>交通运输部有关负责人介绍，绿色港口建设继续推进，岸电设施覆盖率进一步提高，新能源集卡在多个港区投入使用，港口能耗和排放强度持续下降，知识产权保护也为港口自动化设备的研发提供了支持。</p>
            </article></body></html>
            """
        #expect(try metadata(chinese).language == SourcedValue("zh", from: .textScript))
    }

    // MARK: - Statements and readers

    @Test func statementsCarryThePublisherAndAReleaseNamesItsIssuer() throws {
        let release = page(
            head: """
                <meta property="og:site_name" content="Acme Corporation">
                <script type="application/ld+json">{"@type":"PressRelease","datePublished":"2021-05-04",
                "author":{"@type":"Organization","name":"Acme Corporate Communications"}}</script>
                """
        )
        let result = reader.read(bytes: Array(release.utf8), path: "release.html")
        #expect(!result.statements.isEmpty)
        for statement in result.statements {
            #expect(statement.publisher == "Acme Corporation")
            #expect(statement.spokesperson == "Acme Corporate Communications")
            #expect(statement.kind == "press-release")
            #expect(statement.date == "2021-05-04")
        }
        // A news story's byline names a reporter, not a speaker.
        let news = reader.read(bytes: Array(ArticleFixtures.newsStory.utf8), path: "news.html")
        #expect(news.metadata?.author == SourcedValue("Jane Doe, Staff Writer", from: .byline))
        #expect(news.statements.allSatisfy { $0.spokesperson.isEmpty })
    }

    @Test func eachSourceSaysWhichReaderReadIt() {
        let ministry = PageFixtures.english(body: "<p>Q: Any comment?</p><p>A: We have noted the reports.</p>")
        #expect(reader.read(bytes: Array(ministry.utf8), path: "m.html").reader == .ministryTranscript)
        #expect(reader.read(bytes: Array(page().utf8), path: "a.html").reader == .article)
        let wall = reader.read(bytes: Array(ArticleFixtures.loginWall.utf8), path: "wall.html")
        #expect(wall.reader == .listing)
        #expect(wall.outcome == .skipped(.noTranscriptBody))
        let line = #"{"id":"s1","answer":"Trade grew.","publisher":"Ministry of Commerce"}"# + "\n"
        let jsonl = reader.read(bytes: Array(line.utf8), path: "s.jsonl")
        #expect(jsonl.reader == .jsonl)
        #expect(jsonl.statements.first?.publisher == "Ministry of Commerce")
        #expect(
            ReaderKind.allCases.map(\.rawValue) == [
                "ministry", "transcript", "article", "markdown", "jsonl", "listing",
            ]
        )
    }
}
