import Podium

/// Hits as the search and topic pages list them: title, date, speaker, the highlighted excerpt (labelled
/// with its asker when it is a question's words), and links to the statement and its source.
enum HitList {
    /// An ordered list of `hits`, numbered from `firstRank`.
    static func write(_ hits: [Hit], firstRank: Int, into html: inout HTMLWriter) {
        html.element("ol", [.class("hits"), .attr("start", String(firstRank))]) { list in
            for (n, hit) in hits.enumerated() {
                item(hit, rank: firstRank + n, into: &list)
            }
        }
    }

    private static func item(_ hit: Hit, rank: Int, into html: inout HTMLWriter) {
        let s = hit.statement
        let heading = "hit-\(rank)"
        html.element("li", [.class("hit")] + languageAttribute(s.language)) { li in
            li.element("article", [.attr("aria-labelledby", heading)]) { article in
                article.element("h3", [.attr("id", heading)]) { h3 in
                    h3.element("a", [.href(statementLink(s.id))], text: title(of: s))
                }
                meta(s, into: &article)
                article.element("p", [.class("excerpt")]) { p in
                    if let label = hit.excerptLabel {
                        p.element("span", [.class("excerpt-label")], text: label + ":")
                        p.text(" ")
                    }
                    marked(hit.excerpt, into: &p)
                }
                article.element("p", [.class("hit-links")]) { p in
                    p.element("a", [.href(statementLink(s.id))]) { a in
                        a.text("Full statement")
                        a.element("span", [.class("visually-hidden")], text: ": " + title(of: s))
                    }
                    source(url: s.url, path: s.source, into: &p)
                    if !hit.copies.isEmpty {
                        let n = hit.copies.count
                        p.element("span", text: "also in \(n) other source\(n == 1 ? "" : "s")")
                    }
                }
            }
        }
    }

    /// Date, speaker and asker, kind and language, in one line.
    static func meta(_ s: Statement, into html: inout HTMLWriter) {
        html.element("p", [.class("meta")]) { p in
            if s.date.isEmpty {
                p.element("span", text: "undated")
            } else {
                p.element("time", [.attr("datetime", s.date)], text: readableDate(s.date))
            }
            p.element("span", [.class("speaker")], text: s.spokesperson.isEmpty ? "unattributed" : s.spokesperson)
            if !s.outlet.isEmpty { p.element("span", text: "asked by \(s.outlet)") }
            if !s.kind.isEmpty { p.element("span", text: s.kind) }
        }
    }

    /// The excerpt's text with each highlighted range in a `mark`; ranges are UTF-8 offsets into the text.
    static func marked(_ excerpt: Excerpt, into html: inout HTMLWriter) {
        let bytes = Array(excerpt.text.utf8)
        var at = 0
        for range in excerpt.highlights where range.lowerBound >= at && range.upperBound <= bytes.count {
            html.text(String(decoding: bytes[at..<range.lowerBound], as: UTF8.self))
            html.element("mark", text: String(decoding: bytes[range], as: UTF8.self))
            at = range.upperBound
        }
        html.text(String(decoding: bytes[at...], as: UTF8.self))
    }

    /// A link to the source's address when it is a web address; otherwise its text (an address that is not
    /// one, or the source file's name), never followed.
    static func source(url: String, path: String, into html: inout HTMLWriter) {
        if let link = PageLink.external(url) {
            html.element("a", [.href(link), .attr("rel", "noopener noreferrer nofollow")]) { a in
                a.text("Source: \(host(of: url))")
                a.element("span", [.class("visually-hidden")], text: " (opens the original page)")
            }
        } else {
            let shown = url.isEmpty ? fileName(path) : url
            html.element("span", [.class("source-text")], text: shown)
        }
    }

    /// The page of a statement.
    static func statementLink(_ id: String) -> PageLink {
        PageLink.path("/statement/", id)
    }

    /// A statement's title, or what stands for a missing one.
    static func title(of s: Statement) -> String {
        s.title.isEmpty ? "Untitled \(s.kind.isEmpty ? "statement" : s.kind)" : s.title
    }

    /// A `lang` attribute for a statement's language code, when it looks like one (`en`, `zh`, `zh-Hant`).
    static func languageAttribute(_ code: String) -> [HTMLAttribute] {
        let ok =
            (2...12).contains(code.utf8.count)
            && code.utf8.allSatisfy {
                ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") || $0 == 0x2D
            }
        return ok ? [.attr("lang", code)] : []
    }

    /// `2019-05-09` → `9 May 2019`; anything else as it is.
    static func readableDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]) else {
            return iso
        }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }

    /// The host of an `http(s)` address: `news.example.com`.
    static func host(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
