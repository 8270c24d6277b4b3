import Foundation
import Hummingbird
import Podium
import Testing

@testable import PodiumServer

/// Every page over the hostile corpus of the browser test: statements whose text, title, speaker, outlet,
/// id, kind, language and URL hold `<script>`, `"><img onerror=…>` and `javascript:` addresses, and a topic
/// whose label and description do. Each shows them as text; none becomes a tag, a handler or a link.
@Suite("Escaping")
struct EscapingTests {
    let fixture: PageFixture

    init() throws {
        fixture = try PageFixture.hostile.get()
    }

    /// The hostile ids, from the index itself.
    private func ids() throws -> [String] {
        try fixture.index.search(SearchOptions(query: "tariffs OR 关税", limit: 20)).hits.map(\.statement.id)
    }

    /// What no page may hold, whatever the data: a tag with a handler, a script other than the pages' own,
    /// a link or source that is not a path of this server or a web address, an element the data spelled.
    private func expectSafe(_ html: String, _ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let markup = Markup(html: html)
        for tag in markup.tags {
            // Attribute names only: an escaped value may well say `onerror=` as text.
            let names = tag.replacing(try! Regex("=\"[^\"]*\""), with: "")
            #expect(
                names.firstMatch(of: try! Regex("(?i)\\son[a-z]+")) == nil,
                "\(page): \(tag)",
                sourceLocation: sourceLocation
            )
            let name = tag.dropFirst().prefix { $0.isLetter }.lowercased()
            #expect(
                !["svg", "iframe", "textarea", "b", "i", "object"].contains(name),
                "\(page): \(tag)",
                sourceLocation: sourceLocation
            )
            if name == "img" {
                #expect(tag.hasPrefix("<img src=\"/api/trend.svg?"), "\(page): \(tag)", sourceLocation: sourceLocation)
            }
        }
        #expect(markup.count("<script") == 1, "\(page): only the pages' own script", sourceLocation: sourceLocation)
        for url in markup.values(of: "href") + markup.values(of: "src") + markup.values(of: "action") {
            let ok = url.hasPrefix("/") || url.hasPrefix("#") || url.hasPrefix("https://") || url.hasPrefix("http://")
            #expect(ok, "\(page): a link to \(url)", sourceLocation: sourceLocation)
        }
        for value in markup.values(of: "lang") {
            #expect(
                value.allSatisfy { $0.isLetter || $0 == "-" },
                "\(page): lang=\(value)",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test("The search page shows every hostile field as text")
    func search() async throws {
        let page = try await fixture.get("/?q=tariffs+OR+%E5%85%B3%E7%A8%8E")
        #expect(page.status == .ok)
        expectSafe(page.body, "search")
        for text in [
            "<script>window.__pwned='title'</script> Tariffs briefing",
            "<img src=x onerror=\"window.__pwned='speaker'\">Mallory",
            "javascript:window.__pwned='href'",
            "JaVaScRiPt:window.__pwned='upper'",
            "data:text/html,<script>window.__pwned='data'</script>",
            "华春莹<script>window.__pwned='zh'</script>",
        ] {
            #expect(page.body.contains(HTMLWriter.escaped(text)), "shows \(text)")
        }
        // A web address with a quote in it is shown, not linked: a quote has no business in an address.
        #expect(page.body.contains(HTMLWriter.escaped("https://example.org/zh?a=1&b=\"2\"")))
        #expect(!Markup(html: page.body).values(of: "href").contains { $0.hasPrefix("https://example.org/zh") })
    }

    @Test("Every statement page, and the facets that carry hostile values")
    func statements() async throws {
        let ids = try ids()
        #expect(ids.count == 5)
        for id in ids {
            let page = try await fixture.get("/statement/\(PageLink.percentEncoded(id))")
            #expect(page.status == .ok, "\(id)")
            expectSafe(page.body, "statement \(id)")
            #expect(page.body.contains(HTMLWriter.escaped(id)))
        }
        let first = try await fixture.get("/statement/hostile-script-1")
        #expect(first.body.contains(HTMLWriter.escaped("</textarea><script>window.__pwned='question'</script>")))
        #expect(first.body.contains(HTMLWriter.escaped("\"><svg onload=window.__pwned='outlet'>")))
        #expect(first.body.contains("<div class=\"source-text\">javascript:window.__pwned=&#39;href&#39;</div>"))

        let search = try await fixture.get("/?q=tariffs")
        let facetLinks = Markup(html: search.body).values(of: "href").filter { $0.contains("kind=") }
        let kind = try #require(facetLinks.first { $0.contains("kind=%3Cb%3Estatement%3C%2Fb%3E") })
        let narrowed = try await fixture.get(kind)
        #expect(narrowed.status == .ok)
        expectSafe(narrowed.body, "search by a hostile kind")
        #expect(narrowed.body.contains("kind: &lt;b&gt;statement&lt;/b&gt;"))
    }

    @Test("The topic pages show the hostile label and description as text")
    func topics() async throws {
        for path in ["/topics", "/topics/xss"] {
            let page = try await fixture.get(path)
            #expect(page.status == .ok)
            expectSafe(page.body, path)
            #expect(page.body.contains("&lt;script&gt;window.__pwned=&#39;topic-label&#39;&lt;/script&gt;Tariffs"))
        }
        let page = try await fixture.get("/topics/xss")
        #expect(page.body.contains(HTMLWriter.escaped("\"><img src=x onerror=window.__pwned='topic-description'>")))
    }

    @Test("Hostile queries, ids and topic names in requests come back as text")
    func requests() async throws {
        let queries = [
            "<script>window.__pwned='q'</script>", "\"><img src=x onerror=window.__pwned='q2'>",
            "speaker:\"<svg onload=window.__pwned='q3'>", "title:(", "javascript:alert(1)",
        ]
        for query in queries {
            let page = try await fixture.get("/?q=\(PageLink.percentEncoded(query))&speaker=%22%3E%3Cscript%3E")
            expectSafe(page.body, "query \(query)")
            #expect(page.body.contains("value=\"\(HTMLWriter.escaped(query))\""), "\(query)")
        }
        let id = "<script>window.__pwned='404'</script>"
        let missing = try await fixture.get("/statement/\(PageLink.percentEncoded(id))")
        #expect(missing.status == .notFound)
        expectSafe(missing.body, "unknown statement")
        #expect(missing.body.contains(HTMLWriter.escaped(id)))
        let topic = try await fixture.get("/topics/\(PageLink.percentEncoded("\"><img src=x onerror=alert(1)>"))")
        #expect(topic.status == .notFound)
        expectSafe(topic.body, "unknown topic")
    }
}
