import Foundation
import Hummingbird
import Podium
import Testing

@testable import PodiumServer

/// The search page served in process over an index of `Corpus/`: parameters, totals, facets, paging,
/// sorting, filters and errors, each checked against what the facade answers for the same search.
@Suite("Search page")
struct SearchPageTests {
    let fixture: PageFixture

    init() throws {
        fixture = try PageFixture.corpus.get()
    }

    /// The facade's answer for the page's own search, to compare the page with.
    private func outcome(_ query: String) throws -> SearchOutcome {
        try fixture.index.search(SearchForm(FormQuery(query)).options())
    }

    @Test("Nothing asked: the form, its labels and landmarks, no search")
    func emptyPage() async throws {
        let page = try await fixture.get("/")
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
        let markup = Markup(html: page.body)
        #expect(page.body.hasPrefix("<!DOCTYPE html>"))
        #expect(markup.tags.contains { $0.hasPrefix("<main id=\"main\"") })
        #expect(markup.tags.contains("<a class=\"skip-link\" href=\"#main\">"))
        #expect(markup.tags.contains { $0.hasPrefix("<form class=\"search-form\" role=\"search\"") })
        // Every control has a label that names it.
        let ids = markup.tags.filter { $0.hasPrefix("<input") || $0.hasPrefix("<select") }.compactMap { tag in
            tag.firstMatch(of: try! Regex(" id=\"([^\"]+)\"")).map { String(tag[$0.range]).dropFirst(5).dropLast() }
        }
        #expect(ids.count == 9)
        for id in ids { #expect(markup.values(of: "for").contains(String(id)), "no label for \(id)") }
        #expect(!page.body.contains("results-heading"))
        #expect(!markup.tags.contains { $0.contains(" style=") })
    }

    @Test("A query: its total as the command line says it, ten hits, excerpts marked")
    func query() async throws {
        let expected = try outcome("q=tariffs")
        let page = try await fixture.get("/?q=tariffs")
        #expect(page.status == .ok)
        #expect(expected.totalIsExact && expected.total > 20)
        #expect(page.body.contains(">10 of \(expected.total) statements</h2>"))
        #expect(Markup(html: page.body).count("<li class=\"hit\"") == 10)
        #expect(page.body.contains("<mark>tariffs</mark>") || page.body.contains("<mark>Tariffs</mark>"))
        for hit in expected.hits {
            #expect(page.body.contains("href=\"/statement/\(PageLink.percentEncoded(hit.statement.id))\""))
        }
        // The query box holds the query, and a form sends `+` for spaces: `a+b` is "a b".
        #expect(page.body.contains("name=\"q\" type=\"search\" value=\"tariffs\""))
        let spaced = try await fixture.get("/?q=intellectual+property")
        #expect(spaced.body.contains("value=\"intellectual property\""))
        let plus = try await fixture.get("/?q=%2Btariffs+%2Bsoybeans")
        #expect(plus.body.contains("value=\"+tariffs +soybeans\""))
    }

    @Test("A question's excerpt is labelled with its asker, as the command line does")
    func questionLabel() async throws {
        let expected = try outcome("q=question%3Acomment")
        let labelled = expected.hits.compactMap(\.excerptLabel)
        try #require(!labelled.isEmpty)
        let page = try await fixture.get("/?q=question%3Acomment")
        for label in labelled {
            #expect(page.body.contains("<span class=\"excerpt-label\">\(HTMLWriter.escaped(label)):</span>"))
        }
    }

    @Test("A facet value is a link that adds its filter; following it gives the value's count")
    func facets() async throws {
        let expected = try outcome("q=tariffs")
        let speakers = try #require(expected.facets.first { $0.field == .speaker })
        let top = try #require(speakers.values.first { !$0.isMissing })
        let page = try await fixture.get("/?q=tariffs")
        let links = Markup(html: page.body).values(of: "href")
        let narrowed = "/?q=tariffs&speaker=\(PageLink.percentEncoded(top.value))"
        #expect(links.contains(narrowed))
        let after = try await fixture.get(narrowed)
        #expect(after.body.contains("of \(top.count) statement"))
        // The filter shows as a chip whose link removes it, and its value stays in the form.
        #expect(after.body.contains("speaker: \(top.value)"))
        #expect(Markup(html: after.body).values(of: "href").contains("/?q=tariffs"))
        #expect(after.body.contains("name=\"speaker\" type=\"text\" value=\"\(top.value)\""))
        // A year narrows both dates.
        let years = try #require(expected.facets.first { $0.field == .year })
        let year = try #require(years.values.first { !$0.isMissing })
        #expect(links.contains("/?q=tariffs&since=\(year.value)&until=\(year.value)"))
        let inYear = try await fixture.get("/?q=tariffs&since=\(year.value)&until=\(year.value)")
        #expect(inYear.body.contains("of \(year.count) statement"))
        // A value counted as missing cannot narrow: it is no link.
        if let missing = speakers.values.first(where: \.isMissing) {
            #expect(page.body.contains("<span class=\"missing\">\(missing.value)</span>"))
        }
    }

    @Test("Paging: ranges, links, the end, and pages out of range")
    func paging() async throws {
        let expected = try outcome("q=tariffs")
        let second = try await fixture.get("/?q=tariffs&page=2")
        #expect(second.body.contains(">11–20 of \(expected.total) statements</h2>"))
        let links = Markup(html: second.body)
        #expect(links.tags.contains("<a href=\"/?q=tariffs\" rel=\"prev\">"))
        #expect(links.tags.contains("<a href=\"/?q=tariffs&amp;page=3\" rel=\"next\">"))
        let pageTwo = try fixture.index.search(SearchForm(FormQuery("q=tariffs&page=2")).options())
        for hit in pageTwo.hits { #expect(second.body.contains(PageLink.percentEncoded(hit.statement.id))) }
        let last = (expected.total + 9) / 10
        let end = try await fixture.get("/?q=tariffs&page=\(last)")
        #expect(end.body.contains("–\(expected.total) of \(expected.total) statements</h2>"))
        #expect(!end.body.contains("rel=\"next\""))
        let past = try await fixture.get("/?q=tariffs&page=\(last + 1)")
        #expect(past.status == .ok)
        #expect(past.body.contains("No statement past page \(last + 1)"))
        for bad in ["0", "-1", "x", "501"] {
            let page = try await fixture.get("/?q=tariffs&page=\(bad)")
            #expect(page.status == .badRequest)
            #expect(page.body.contains("page must be a number from 1 to 500"))
            #expect(page.body.contains("value=\"tariffs\""))
        }
    }

    @Test("Sorting by date and filtering by language and date")
    func sortAndFilters() async throws {
        let newest = try await fixture.get("/?q=tariffs&sort=newest")
        let dates = Markup(html: newest.body).values(of: "datetime")
        #expect(dates.count == 10)
        #expect(dates == dates.sorted(by: >))
        let oldest = Markup(html: try await fixture.get("/?q=tariffs&sort=oldest").body).values(of: "datetime")
        #expect(oldest == oldest.sorted())
        #expect(try await fixture.get("/?q=tariffs&sort=loudest").status == .badRequest)

        let chinese = try await fixture.get("/?q=%E5%85%B3%E7%A8%8E&lang=zh")
        let hits = Markup(html: chinese.body).tags.filter { $0.hasPrefix("<li class=\"hit\"") }
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.contains("lang=\"zh\"") })

        let dated = Markup(html: try await fixture.get("/?q=tariffs&since=2019&until=2019").body)
        #expect(!dated.values(of: "datetime").isEmpty)
        #expect(dated.values(of: "datetime").allSatisfy { $0.hasPrefix("2019-") })

        let kind = try outcome("q=tariffs&kind=news")
        let kindPage = try await fixture.get("/?q=tariffs&kind=news")
        #expect(kindPage.body.contains("of \(kind.total) statement"))
        #expect(kind.hits.allSatisfy { $0.statement.kind == "news" })
    }

    @Test("Filters alone search; a topic filter ranks by it")
    func filtersAlone() async throws {
        let page = try await fixture.get("/?speaker=Qiao+Ming")
        #expect(page.status == .ok)
        let speakers = page.body.matches(of: try! Regex("<span class=\"speaker\">([^<]*)</span>")).map {
            String(page.body[$0.range])
        }
        #expect(!speakers.isEmpty)
        #expect(speakers.allSatisfy { $0.contains(">Qiao Ming<") })
        let topic = try await fixture.get("/?topic=ip")
        #expect(topic.status == .ok)
        #expect(topic.body.contains("<option value=\"ip\" selected>"))
    }

    @Test("Errors: the command line's message, the caret under what was typed, the status")
    func errors() async throws {
        let bad = try await fixture.get("/?q=spekaer%3Ageng")
        #expect(bad.status == .badRequest)
        #expect(bad.body.contains("unknown field &#39;spekaer&#39;"))
        #expect(bad.body.contains("<pre><code>  spekaer:geng\n  ^"))
        // With a filter narrowing it, the caret still points into what was typed.
        let filtered = try await fixture.get("/?q=spekaer%3Ageng&lang=en")
        #expect(filtered.status == .badRequest)
        #expect(filtered.body.contains("<pre><code>  spekaer:geng\n  ^"))
        #expect(!filtered.body.contains("+lang:"))

        let date = try await fixture.get("/?q=tariffs&since=2019-13")
        #expect(date.status == .badRequest)
        #expect(date.body.contains("class=\"error-message\""))
        let topic = try await fixture.get("/?q=tariffs&topic=nosuch")
        #expect(topic.status == .badRequest)
        #expect(topic.body.contains("nosuch"))
        let empty = try await fixture.get("/?since=2019")
        #expect(empty.status == .badRequest)
        #expect(empty.body.contains("the query is empty"))
        let long = try await fixture.get("/?q=" + String(repeating: "a", count: 2_001))
        #expect(long.status == .badRequest)
        #expect(long.body.contains("the query is too long"))
    }

    @Test("Export links carry the whole search to the API")
    func exports() async throws {
        let page = try await fixture.get("/?q=tariffs&speaker=Qiao+Ming&since=2019&sort=newest")
        let links = Markup(html: page.body).values(of: "href").filter { $0.hasPrefix("/api/export") }
        #expect(links.count == 3)
        let query = "all=1&q=tariffs&since=2019&speaker=Qiao%20Ming&sort=-date"
        #expect(links.contains("/api/export?format=csv&\(query)"))
        #expect(links.contains("/api/export?format=jsonl&\(query)"))
        #expect(links.contains("/api/export?format=md&\(query)"))
    }
}
