/// The frame of every page: the document head, a skip link, the masthead with its navigation, the main
/// landmark and the footer.
enum PageLayout {
    /// Which entry of the navigation a page belongs to.
    enum Section {
        case search, topics, other
    }

    /// A whole HTML document around `main`.
    /// - Parameters:
    ///   - title: the page's own title; the browser's tab reads `title — Podium`.
    ///   - section: the navigation entry to mark as current.
    ///   - statementCount: the statements of the index, for the footer; `nil` when it could not be opened.
    ///   - main: writes the content of the `main` element.
    static func document(
        title: String,
        section: Section,
        statementCount: Int?,
        main: (inout HTMLWriter) -> Void
    ) -> String {
        let assets = PageAssets.shared
        var html = HTMLWriter()
        html.trusted("<!DOCTYPE html>\n")
        html.element("html", [.attr("lang", "en")]) { html in
            html.element("head") { head in
                head.void("meta", [.attr("charset", "utf-8")])
                head.void("meta", [.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")])
                head.void("meta", [.attr("name", "referrer"), .attr("content", "no-referrer")])
                head.element("title", text: title.isEmpty ? "Podium" : "\(title) — Podium")
                head.void("link", [.attr("rel", "stylesheet"), .href(assets.link("podium.css"))])
                head.void(
                    "link",
                    [.attr("rel", "icon"), .attr("type", "image/svg+xml"), .href(assets.link("favicon.svg"))]
                )
                head.element("script", [.src(assets.link("podium.js")), .flag("defer")])
            }
            html.element("body") { body in
                body.element("a", [.class("skip-link"), .href(PageLink.path("#main"))], text: "Skip to main content")
                masthead(&body, section: section)
                body.element("main", [.attr("id", "main"), .class("page"), .attr("tabindex", "-1")], main)
                footer(&body, statementCount: statementCount)
            }
        }
        return html.output
    }

    private static func masthead(_ html: inout HTMLWriter, section: Section) {
        html.element("header", [.class("masthead")]) { header in
            header.element("div", [.class("masthead-inner")]) { inner in
                inner.element("a", [.class("brand"), .href(PageLink.path("/"))]) { brand in
                    brand.text("Podium")
                    brand.element("span", [.class("brand-note")], text: "press briefings, searchable")
                }
                inner.element("nav", [.class("site-nav"), .attr("aria-label", "Main")]) { nav in
                    nav.element("ul") { list in
                        item(&list, "Search", PageLink.path("/"), current: section == .search)
                        item(&list, "Topics", PageLink.path("/topics"), current: section == .topics)
                    }
                }
            }
        }
    }

    private static func item(_ list: inout HTMLWriter, _ label: String, _ link: PageLink, current: Bool) {
        list.element("li") { li in
            li.element("a", [.href(link)] + (current ? [.attr("aria-current", "page")] : []), text: label)
        }
    }

    private static func footer(_ html: inout HTMLWriter, statementCount: Int?) {
        html.element("footer", [.class("site-footer")]) { footer in
            if let statementCount {
                footer.element("p") { p in
                    p.text("Searching \(grouped(statementCount)) statement\(statementCount == 1 ? "" : "s"). ")
                    p.text("The same answers as JSON: ")
                    p.element("a", [.href(PageLink.path("/api/openapi.json"))], text: "the API")
                    p.text(".")
                }
            }
            footer.element("p") { p in
                p.text("Press “/” to search from anywhere. Excerpts are quoted from the sources; follow the source ")
                p.text("link before you publish.")
            }
        }
    }

    /// `4550` → `4,550`, as the command line prints counts.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
