import Podium

/// The search page (`/`): the form, then the total, the export links, the active filters, the facets, the
/// hits and the pager; with nothing asked, the form and how to search.
struct SearchPage {
    /// What was asked.
    var form: SearchForm
    /// The facade's answer, when a search ran.
    var outcome: SearchOutcome?
    /// Why the search could not run, when it could not.
    var error: PageError?
    /// The topics to choose from: name and label.
    var topics: [(name: String, label: String)]
    /// The index's statements, for the footer.
    var statementCount: Int?

    /// The whole page.
    func render() -> String {
        let title = form.isEmpty ? "Search" : "\(form.query.isEmpty ? "Filtered statements" : form.query)"
        return PageLayout.document(title: title, section: .search, statementCount: statementCount) { main in
            main.element("h1", [.class("visually-hidden")], text: "Search press briefings")
            writeForm(into: &main)
            if let error {
                ErrorPage.box(error, headingLevel: 2, into: &main)
            } else if let outcome {
                results(outcome, into: &main)
            } else {
                introduction(into: &main)
            }
        }
    }

    // MARK: - Results

    private func results(_ outcome: SearchOutcome, into html: inout HTMLWriter) {
        html.element("section", [.attr("aria-labelledby", "results-heading")]) { section in
            section.element("div", [.class("results-head")]) { head in
                head.element("h2", [.attr("id", "results-heading")], text: summary(outcome))
                if outcome.total > 0 { exports(into: &head) }
            }
            chips(into: &section)
            for note in outcome.notes { section.element("p", [.class("notes")], text: "Note: \(note)") }
            section.element("div", [.class("results-layout")]) { layout in
                layout.element("div", [.class("results-main")]) { mainColumn in
                    if outcome.hits.isEmpty {
                        empty(outcome, into: &mainColumn)
                    } else {
                        HitList.write(
                            outcome.hits,
                            firstRank: (form.page - 1) * SearchForm.pageSize + 1,
                            into: &mainColumn
                        )
                        pager(outcome, into: &mainColumn)
                    }
                }
                if outcome.total > 0 { facets(outcome.facets, into: &layout) }
            }
        }
    }

    /// `1–10 of 4,550 statements`, `10 of at least 4,550 statements`, as the command line says it.
    func summary(_ outcome: SearchOutcome) -> String {
        let shown = outcome.hits.count
        let offset = (form.page - 1) * SearchForm.pageSize
        guard outcome.total > 0 else { return "No statement matches" }
        let grouped = PageLayout.grouped
        let range = offset == 0 || shown == 0 ? grouped(shown) : "\(grouped(offset + 1))–\(grouped(offset + shown))"
        let total = (outcome.totalIsExact ? "" : "at least ") + grouped(outcome.total)
        return "\(range) of \(total) statement\(outcome.total == 1 && outcome.totalIsExact ? "" : "s")"
    }

    private func exports(into html: inout HTMLWriter) {
        html.element("p", [.class("exports")]) { p in
            p.text("Export all matches:")
            p.element("a", [.href(form.exportLink(format: "csv")), .attr("download", "")]) { a in
                a.text("CSV")
            }
            p.element("a", [.href(form.exportLink(format: "jsonl")), .attr("download", "")], text: "JSONL")
            p.element("a", [.href(form.exportLink(format: "md")), .attr("download", "")], text: "Markdown")
        }
    }

    private func empty(_ outcome: SearchOutcome, into html: inout HTMLWriter) {
        html.element("div", [.class("empty")]) { box in
            if outcome.total > 0 {
                box.element(
                    "p",
                    text: "No statement past page \(form.page): \(PageLayout.grouped(outcome.total)) match."
                )
                box.element("p") { p in p.element("a", [.href(form.link(page: 1))], text: "Back to the first page") }
            } else {
                box.element("p", text: "No statement matches.")
                if !form.filters.isEmpty {
                    box.element("p", text: "Remove a filter above to widen the search, or try other words.")
                } else {
                    box.element("p", text: "Try fewer or other words, a prefix such as patent*, or no quotes.")
                }
            }
        }
    }

    /// The filters in force, each a link that removes it.
    private func chips(into html: inout HTMLWriter) {
        let active = SearchForm.Filter.allCases.compactMap { f in form.filters[f].map { (f, $0) } }
        guard !active.isEmpty else { return }
        html.element("ul", [.class("chips"), .attr("aria-label", "Filters in force")]) { list in
            for (filter, value) in active {
                list.element("li") { li in
                    li.element("a", [.href(form.link(setting: filter, to: nil))]) { a in
                        a.text("\(filter.label): \(value)")
                        a.element("span", [.class("remove"), .attr("aria-hidden", "true")], text: "×")
                        a.element("span", [.class("visually-hidden")], text: " (remove this filter)")
                    }
                }
            }
        }
    }

    // MARK: - Facets

    private func facets(_ facets: [FacetResult], into html: inout HTMLWriter) {
        html.element("aside", [.class("facets"), .attr("aria-label", "Narrow the results")]) { aside in
            for facet in facets where !facet.values.isEmpty {
                let heading = "facet-\(facet.field.rawValue)"
                aside.element("section", [.class("facet"), .attr("aria-labelledby", heading)]) { section in
                    section.element("h3", [.attr("id", heading)], text: Self.facetTitle(facet.field))
                    section.element("ul") { list in
                        let shown = facet.field == .year ? facet.values : Array(facet.values.prefix(12))
                        for value in shown { facetValue(value, of: facet.field, into: &list) }
                        if shown.count < facet.values.count {
                            list.element(
                                "li",
                                [.class("missing")],
                                text: "… and \(facet.values.count - shown.count) more"
                            )
                        }
                    }
                }
            }
        }
    }

    private func facetValue(_ value: FacetResult.Value, of field: FacetField, into html: inout HTMLWriter) {
        html.element("li") { li in
            let count = PageLayout.grouped(value.count)
            let isLink = !value.isMissing && !form.isNarrowed(field, to: value.value)
            if value.isMissing {
                li.element("span", [.class("missing")], text: value.value)
            } else if form.isNarrowed(field, to: value.value) {
                li.element("span", [.class("current"), .attr("aria-current", "true")], text: value.value)
            } else {
                li.element("a", [.href(form.link(narrowing: field, to: value.value))]) { a in
                    a.text(value.value)
                    a.element("span", [.class("visually-hidden")], text: ", \(count) statements")
                }
            }
            // A link says its count in its own text; the number beside it is for the eye.
            li.element("span", [.class("count")] + (isLink ? [.attr("aria-hidden", "true")] : []), text: count)
        }
    }

    static func facetTitle(_ field: FacetField) -> String {
        switch field {
        case .speaker: "Speaker"
        case .outlet: "Asked by"
        case .language: "Language"
        case .kind: "Kind"
        case .year: "Year"
        }
    }

    // MARK: - Paging

    private func pager(_ outcome: SearchOutcome, into html: inout HTMLWriter) {
        let pages = min(SearchForm.maximumPage, (outcome.total + SearchForm.pageSize - 1) / SearchForm.pageSize)
        guard pages > 1 else { return }
        let current = form.page
        var shown = Set([1, pages])
        for p in (current - 2)...(current + 2) where p >= 1 && p <= pages { shown.insert(p) }
        html.element("nav", [.class("pager"), .attr("aria-label", "Pages of results")]) { nav in
            nav.element("ul") { list in
                if current > 1 {
                    list.element("li") { li in
                        li.element(
                            "a",
                            [.href(form.link(page: current - 1)), .attr("rel", "prev")],
                            text: "‹ Previous"
                        )
                    }
                }
                var last = 0
                for p in shown.sorted() {
                    if p > last + 1 { list.element("li") { $0.element("span", [.class("gap")], text: "…") } }
                    list.element("li") { li in
                        if p == current {
                            li.element("span", [.attr("aria-current", "page")], text: String(p))
                        } else {
                            li.element(
                                "a",
                                [.href(form.link(page: p)), .attr("aria-label", "Page \(p)")],
                                text: String(p)
                            )
                        }
                    }
                    last = p
                }
                if current < pages {
                    list.element("li") { li in
                        li.element("a", [.href(form.link(page: current + 1)), .attr("rel", "next")], text: "Next ›")
                    }
                }
            }
        }
    }
}
