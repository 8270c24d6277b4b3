import Podium
import Testing

@testable import PodiumServer

/// The pieces every page is built from: the writer that escapes, the links that only go where they may,
/// the form decoding, and the search form's links.
@Suite("HTML writer, links and forms")
struct HTMLWriterTests {
    @Test("Text and attribute values are escaped; names come from code")
    func escaping() {
        var html = HTMLWriter()
        html.element("p", [.class("a\"b"), .attr("title", "<'&'>")]) { p in
            p.text("<script>alert('x') & \"y\"</script>")
            p.element("mark", text: "中文<b>")
        }
        #expect(
            html.output
                == "<p class=\"a&quot;b\" title=\"&lt;&#39;&amp;&#39;&gt;\">&lt;script&gt;alert(&#39;x&#39;) &amp; "
                + "&quot;y&quot;&lt;/script&gt;<mark>中文&lt;b&gt;</mark></p>"
        )
    }

    @Test("An attribute that takes a URL, a script or a style cannot be made from a string")
    func refusedAttributes() async {
        await #expect(processExitsWith: .failure) { _ = HTMLAttribute.attr("href", "javascript:alert(1)") }
        await #expect(processExitsWith: .failure) { _ = HTMLAttribute.attr("onclick", "alert(1)") }
        await #expect(processExitsWith: .failure) { _ = HTMLAttribute.attr("style", "color: red") }
        await #expect(processExitsWith: .failure) { _ = HTMLAttribute.flag("SRC") }
    }

    @Test(
        "Only web addresses become external links",
        arguments: [
            ("https://www.fmprc.gov.cn/eng/xwfw/t1662118.shtml", true),
            ("http://example.com/a?b=1&c=2#d", true),
            ("HTTPS://EXAMPLE.COM/", true),
            ("javascript:alert(1)", false),
            ("JaVaScRiPt:alert(1)", false),
            (" javascript:alert(1)", false),
            ("java\tscript:alert(1)", false),
            ("data:text/html,<script>alert(1)</script>", false),
            ("vbscript:msgbox", false),
            ("//evil.example/x", false),
            ("https:///path-only", false),
            ("https://example.com/\"onmouseover=alert(1)", false),
            ("https://example.com/<script>", false),
            ("https://example.com/a b", false),
            ("https://example.com/\u{85}", false),
            ("/relative/path", false),
            ("", false),
        ]
    )
    func externalLinks(url: String, isLink: Bool) {
        #expect((PageLink.external(url) != nil) == isLink)
    }

    @Test("Paths of this server percent-encode their data")
    func paths() {
        #expect(PageLink.path("/statement/", "2019-05-09-en#3").value == "/statement/2019-05-09-en%233")
        #expect(PageLink.path("/statement/", "a/b c\"<").value == "/statement/a%2Fb%20c%22%3C")
        #expect(PageLink.path("/statement/", "关税").value == "/statement/%E5%85%B3%E7%A8%8E")
        #expect(
            PageLink.path("/", query: [("q", "+a b&c=d"), ("empty", ""), ("sort", "-date")]).value
                == "/?q=%2Ba%20b%26c%3Dd&sort=-date"
        )
    }

    @Test("A form's query decodes + as a space and %2B as a plus")
    func formQuery() {
        let form = FormQuery("q=%2Btariffs+-soybeans&speaker=Qiao+Ming&bad=%zz%4&empty=&q=second&zh=%E5%85%B3")
        #expect(form["q"] == "+tariffs -soybeans")
        #expect(form["speaker"] == "Qiao Ming")
        #expect(form["bad"] == "%zz%4")
        #expect(form["empty"] == "")
        #expect(form.trimmed("empty") == nil)
        #expect(form["zh"] == "关")
        #expect(form["missing"] == nil)
        #expect(FormQuery.decodePath("a+b%23c") == "a+b#c")
    }

    @Test("The search form narrows by its filters through the facade, and its links read back the same")
    func searchForm() throws {
        let form = try SearchForm(FormQuery("q=(trade+OR+%22open&speaker=Qiao+%22Ming&lang=zh&kind=press-conference"))
        let options = form.options()
        let narrowed = SearchOptions(query: "(trade OR \"open").narrowed(to: .speaker, "Qiao Ming")
            .narrowed(to: .language, "zh").narrowed(to: .kind, "press-conference")
        #expect(options.query == narrowed.query)
        #expect(options.offset == 0 && options.limit == SearchForm.pageSize)
        #expect(options.facets == SearchForm.facets)
        // A link read back gives the same search.
        for link in [form.link, form.link(page: 3), form.link(narrowing: .year, to: "2019")] {
            let query = String(link.value.drop { $0 != "?" }.dropFirst())
            let again = try SearchForm(FormQuery(query))
            #expect(again.query == form.query)
            #expect(again.link == link)
        }
        #expect(try SearchForm(FormQuery("q=a&page=3")).options().offset == 20)
        #expect(SearchForm(lenient: FormQuery("q=a&page=0&sort=up")).page == 1)
    }

    @Test("Highlights are marked on UTF-8 offsets, Chinese included")
    func highlights() {
        let text = "我们反对加征关税。Tariffs <b>stay</b>."
        let bytes = Array(text.utf8)
        let zh = Array("关税".utf8)
        let start = (0...(bytes.count - zh.count)).first { Array(bytes[$0..<$0 + zh.count]) == zh }!
        let en = Array("Tariffs".utf8)
        let enStart = (0...(bytes.count - en.count)).first { Array(bytes[$0..<$0 + en.count]) == en }!
        var html = HTMLWriter()
        HitList.marked(
            Excerpt(text: text, highlights: [start..<start + zh.count, enStart..<enStart + en.count]),
            into: &html
        )
        #expect(html.output == "我们反对加征<mark>关税</mark>。<mark>Tariffs</mark> &lt;b&gt;stay&lt;/b&gt;.")
    }
}
