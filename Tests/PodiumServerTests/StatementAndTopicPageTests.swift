import Foundation
import Hummingbird
import Podium
import TestSupport
import Testing

@testable import PodiumServer

/// The statement and topic pages, the error pages for what does not exist, and the static assets.
@Suite("Statement, topic and asset routes")
struct StatementAndTopicPageTests {
    let fixture: PageFixture

    init() throws {
        fixture = try PageFixture.corpus.get()
    }

    @Test("A statement: question, answer, who spoke, its sources and its briefing")
    func statement() async throws {
        let hit = try #require(
            try fixture.index.search(SearchOptions(query: "question:comment", limit: 10)).hits.first {
                !$0.statement.question.isEmpty && !$0.statement.outlet.isEmpty
            }
        )
        let found = try #require(try fixture.index.statement(id: hit.statement.id, context: StatementPage.context))
        let s = found.statement
        #expect(s.id.contains("#") || s.id.hasPrefix("sample-"))
        let page = try await fixture.get("/statement/\(PageLink.percentEncoded(s.id))")
        #expect(page.status == .ok)
        #expect(page.body.contains("<h1>\(HTMLWriter.escaped(HitList.title(of: s)))</h1>"))
        for paragraph in StatementPage.paragraphs(s.question) + StatementPage.paragraphs(s.answer) {
            #expect(page.body.contains("<p>\(HTMLWriter.escaped(paragraph))</p>"))
        }
        #expect(page.body.contains("Question from \(HTMLWriter.escaped(s.outlet))"))
        #expect(page.body.contains(HTMLWriter.escaped(s.spokesperson)))
        #expect(page.body.contains(HTMLWriter.escaped(s.source)))
        let links = Markup(html: page.body).values(of: "href")
        if let url = PageLink.external(s.url) { #expect(links.contains(url.value)) }
        for other in found.before + found.after {
            #expect(links.contains("/statement/\(PageLink.percentEncoded(other.id))"))
        }
        #expect(!(found.before + found.after).isEmpty)
        // An id spelled with `#` as it is, unencoded, is cut by the URL's fragment: only %23 reaches it.
        let raw = try await fixture.get("/statement/\(s.id.replacingOccurrences(of: "#", with: "%23"))")
        #expect(raw.status == .ok)
    }

    @Test("Copies of a statement are listed as its sources, each with its page")
    func copies() async throws {
        let corpus = try TemporaryDirectory(prefix: "podium-pages-copies")
        let line =
            #"{"id": "ID", "date": "2024-05-06", "spokesperson": "Ana Ferreira", "language": "en", "title": "Trade", "#
            + #""answer": "The tariff schedule is unchanged and talks continue next week.", "url": "https://example.org/ID"}"#
        for name in ["first", "second"] {
            try (line.replacingOccurrences(of: "ID", with: name) + "\n").write(
                to: corpus.url.appendingPathComponent("\(name).jsonl"),
                atomically: true,
                encoding: .utf8
            )
        }
        let index = try TemporaryDirectory(prefix: "podium-pages-copies-index")
        let copies = try PageFixture(corpus: corpus.url, index: index.url)
        let page = try await copies.get("/statement/first")
        #expect(page.status == .ok)
        #expect(page.body.contains("Sources (2)"))
        #expect(page.body.contains("second.jsonl"))
        let links = Markup(html: page.body).values(of: "href")
        #expect(links.contains("https://example.org/first") && links.contains("https://example.org/second"))
        #expect(links.contains("/statement/second"))
    }

    @Test("An unknown statement is a 404 page with the command line's message")
    func unknownStatement() async throws {
        let page = try await fixture.get("/statement/no-such-id")
        #expect(page.status == .notFound)
        #expect(page.body.contains("no statement has the id &#39;no-such-id&#39; in the index at"))
        #expect(page.body.contains("<h1>Not found</h1>"))
    }

    @Test("The topics: every one listed with its label and terms")
    func topics() async throws {
        let file = try #require(fixture.topicsFile)
        let topics = try TopicCatalog.load(file)
        let page = try await fixture.get("/topics")
        #expect(page.status == .ok)
        let links = Markup(html: page.body).values(of: "href")
        for topic in topics {
            #expect(links.contains("/topics/\(PageLink.percentEncoded(topic.name))"))
            #expect(page.body.contains(HTMLWriter.escaped(topic.label.isEmpty ? topic.name : topic.label)))
        }
    }

    @Test("A topic: description, terms, the trend chart and its counts, the top statements")
    func topic() async throws {
        let file = try #require(fixture.topicsFile)
        let info = try #require(try TopicCatalog.load(file).first { $0.name == "ip" })
        let page = try await fixture.get("/topics/ip")
        #expect(page.status == .ok)
        #expect(page.body.contains(HTMLWriter.escaped(info.description)))
        for entry in info.entries { #expect(page.body.contains(HTMLWriter.escaped(entry.text))) }
        let markup = Markup(html: page.body)
        #expect(markup.values(of: "src").contains("/api/trend.svg?topic=ip&by=year"))
        let dates = try fixture.index.matchingDates(SearchOptions(topic: "ip"))
        let series = TrendSeries(dates: dates, by: .year)
        for bucket in series.buckets {
            #expect(page.body.contains("<th scope=\"row\">\(bucket.label)</th><td>\(bucket.count)</td>"))
        }
        let top = try fixture.index.search(SearchOptions(topic: "ip", limit: 10))
        for hit in top.hits { #expect(page.body.contains(PageLink.percentEncoded(hit.statement.id))) }
        let monthly = try await fixture.get("/topics/ip?by=month")
        #expect(Markup(html: monthly.body).values(of: "src").contains("/api/trend.svg?topic=ip&by=month"))
        #expect(try await fixture.get("/topics/ip?by=decade").status == .badRequest)
    }

    @Test("An unknown topic is a 404 page that names the topics there are")
    func unknownTopic() async throws {
        let page = try await fixture.get("/topics/nosuch")
        #expect(page.status == .notFound)
        #expect(page.body.contains("no topic named &#39;nosuch&#39;"))
        #expect(page.body.contains("the topics are: ip"))
    }

    @Test("Assets: their types, caching, 304 for a known version, and nothing else on disk")
    func assets() async throws {
        let assets = PageAssets.shared
        try #require(assets.assets.count == PageAssets.files.count, "the resources are beside the test binary")
        for file in PageAssets.files {
            let version = try #require(assets.assets[file.name]?.version)
            let page = try await fixture.get("/assets/\(file.name)?v=\(version)")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == file.type)
            #expect(page.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(page.headers[.eTag] == "\"\(version)\"")
            let unversioned = try await fixture.get("/assets/\(file.name)")
            #expect(unversioned.headers[.cacheControl] == "public, max-age=86400")
            let again = try await fixture.get("/assets/\(file.name)", headers: [.ifNoneMatch: "\"\(version)\""])
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
        }
        let css = try await fixture.get("/assets/podium.css")
        #expect(css.body.contains("Noto Sans CJK SC") && css.body.contains("Noto Serif CJK SC"))
        for path in ["/assets/nope.css", "/assets/..%2FPackage.swift", "/assets/%2E%2E%2F%2E%2E%2FPackage.swift"] {
            #expect(try await fixture.get(path).status == .notFound)
        }
        // The page links the assets by their current version.
        let home = Markup(html: try await fixture.get("/").body)
        #expect(home.values(of: "href").contains("/assets/podium.css?v=\(assets.assets["podium.css"]!.version)"))
        #expect(home.values(of: "src").contains("/assets/podium.js?v=\(assets.assets["podium.js"]!.version)"))
    }
}

/// The pages inside the whole server: its middleware's headers, and the split between pages and the API.
@Suite("Pages in the server")
struct PagesInServerTests {
    @Test("A page carries the server's security headers; an unknown path is an HTML 404, under /api/ a JSON one")
    func server() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/?q=tariffs", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(String(buffer: response.body).contains("<li class=\"hit\""))
            }
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("no page at /no/such/page"))
            }
            try await client.execute(uri: "/api/no-such-route", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }
}
