import Podium

/// A statement's page (`/statement/:id`): the whole question and answer with who spoke, the facts of its
/// briefing, every source that holds it, and its neighbours in the briefing.
struct StatementPage {
    /// The statement with its neighbours and copies.
    var found: StatementContext
    /// The index's statements, for the footer.
    var statementCount: Int?

    /// How many statements before and after it the page lists.
    static let context = 3

    /// The whole page.
    func render() -> String {
        let s = found.statement
        return PageLayout.document(title: HitList.title(of: s), section: .other, statementCount: statementCount) {
            main in
            main.element("nav", [.class("crumbs"), .attr("aria-label", "Breadcrumb")]) { nav in
                nav.element("ol") { list in
                    list.element("li") { $0.element("a", [.href(PageLink.path("/"))], text: "Search") }
                    list.element("li") { $0.element("span", [.attr("aria-current", "page")], text: "Statement") }
                }
            }
            main.element("div", [.class("statement-layout")]) { layout in
                layout.element("article", [.class("sheet")] + HitList.languageAttribute(s.language)) { article in
                    article.element("p", [.class("kicker")]) { p in
                        p.text(s.date.isEmpty ? "Undated" : HitList.readableDate(s.date))
                        if !s.kind.isEmpty { p.text(" · \(s.kind)") }
                    }
                    article.element("h1", text: HitList.title(of: s))
                    exchange(s, into: &article)
                    article.element("div", [.class("copy-link"), .attr("data-copy-link", "")])
                }
                layout.element("aside", [.class("side"), .attr("aria-label", "About this statement")]) { aside in
                    aside.element("div", [.class("sheet")]) { sheet in
                        facts(s, into: &sheet)
                        sources(into: &sheet)
                        briefing(into: &sheet)
                    }
                }
            }
        }
    }

    /// The question (when there is one) and the answer, each under who said it, paragraph by paragraph.
    private func exchange(_ s: Statement, into html: inout HTMLWriter) {
        html.element("div", [.class("exchange")]) { exchange in
            if !s.question.isEmpty {
                var who = s.outlet.isEmpty ? "Question" : "Question from \(s.outlet)"
                if s.followUp { who += " (follow-up)" }
                turn(who: who, text: s.question, kind: "turn question", into: &exchange)
            }
            let who = s.spokesperson.isEmpty ? "Answer" : "Answer by \(s.spokesperson)"
            turn(
                who: s.question.isEmpty ? (s.spokesperson.isEmpty ? "Statement" : s.spokesperson) : who,
                text: s.answer,
                kind: "turn answer",
                into: &exchange
            )
        }
    }

    private func turn(who: String, text: String, kind: String, into html: inout HTMLWriter) {
        html.element("section", [.class(kind)]) { section in
            section.element("h2", [.class("turn-who")], text: who)
            section.element("div", [.class("turn-text")]) { body in
                for paragraph in Self.paragraphs(text) { body.element("p", text: paragraph) }
            }
        }
    }

    private func facts(_ s: Statement, into html: inout HTMLWriter) {
        html.element("h2", text: "Details")
        html.element("dl", [.class("facts")]) { dl in
            func fact(_ name: String, _ value: String, mono: Bool = false) {
                dl.element("dt", text: name)
                dl.element("dd") { dd in
                    if mono { dd.element("code", text: value) } else { dd.text(value) }
                }
            }
            fact("Speaker", s.spokesperson.isEmpty ? "unattributed" : s.spokesperson)
            if !s.outlet.isEmpty { fact("Asked by", s.outlet) }
            fact("Date", s.date.isEmpty ? "undated" : s.date)
            if !s.kind.isEmpty { fact("Kind", s.kind) }
            if !s.language.isEmpty { fact("Language", s.language) }
            if !s.publisher.isEmpty { fact("Publisher", s.publisher) }
            fact("Id", s.id, mono: true)
        }
    }

    /// The statement's own source and every copy folded into it.
    private func sources(into html: inout HTMLWriter) {
        let s = found.statement
        html.element("h2", text: found.copies.isEmpty ? "Source" : "Sources (\(found.copies.count + 1))")
        html.element("ul", [.class("sources")]) { list in
            list.element("li") { li in
                source(url: s.url, path: s.source, into: &li)
            }
            for copy in found.copies {
                list.element("li") { li in
                    source(url: copy.url, path: copy.source, into: &li)
                    li.element("div") { div in
                        div.element("a", [.href(HitList.statementLink(copy.id))], text: "this copy's page")
                    }
                }
            }
        }
    }

    private func source(url: String, path: String, into html: inout HTMLWriter) {
        if let link = PageLink.external(url) {
            html.element("div") { div in
                div.element("a", [.href(link), .attr("rel", "noopener noreferrer nofollow")], text: url)
            }
        } else if !url.isEmpty {
            // Not a web address (it may even be script): shown, never followed.
            html.element("div", [.class("source-text")], text: url)
        }
        html.element("div", [.class("source-text")], text: path)
    }

    /// The statements around it in its briefing, in order, itself marked.
    private func briefing(into html: inout HTMLWriter) {
        guard !found.before.isEmpty || !found.after.isEmpty else { return }
        html.element("h2", text: "In the same briefing")
        html.element("ol", [.class("briefing")]) { list in
            for other in found.before { neighbour(other, into: &list) }
            list.element("li", [.class("this"), .attr("aria-current", "true")]) { li in
                li.element("strong", text: "This statement")
                li.element("p", text: Self.gist(found.statement))
            }
            for other in found.after { neighbour(other, into: &list) }
        }
    }

    private func neighbour(_ s: Statement, into html: inout HTMLWriter) {
        html.element("li", HitList.languageAttribute(s.language)) { li in
            let who =
                s.question.isEmpty
                ? (s.spokesperson.isEmpty ? "Statement" : s.spokesperson)
                : (s.outlet.isEmpty ? "Question" : "Question from \(s.outlet)")
            li.element("a", [.href(HitList.statementLink(s.id))], text: who)
            li.element("p", text: Self.gist(s))
        }
    }

    /// The first words of a statement's question, else its answer: about 160 characters.
    static func gist(_ s: Statement) -> String {
        let text = s.question.isEmpty ? s.answer : s.question
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > 160 else { return flat }
        var cut = String(flat.prefix(157))
        // End at a word when there is one near the end (Chinese has none: it is cut where it is).
        if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: cut.startIndex, to: space) > 100 {
            cut = String(cut[..<space])
        }
        return cut.trimmingSuffix() + "…"
    }

    /// The text's paragraphs: statements join them with blank lines.
    static func paragraphs(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.allSatisfy(\.isWhitespace) }
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var s = self
        while let last = s.last, last.isWhitespace || last == "," { s.removeLast() }
        return s
    }
}
