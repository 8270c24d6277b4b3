import Podium

extension SearchPage {
    /// Kinds of briefing the readers give, offered as suggestions for the kind filter.
    static let knownKinds = [
        "press-conference", "answers-to-journalists", "statement", "press-release", "fact-sheet", "remarks", "news",
    ]

    /// The search form: the query box, then the filters and the order in a disclosure that is open when
    /// any of them is set. It works with GET and no script, so every search is a link to share.
    func writeForm(into html: inout HTMLWriter) {
        html.element(
            "form",
            [.class("search-form"), .attr("role", "search"), .action(PageLink.path("/")), .attr("method", "get")]
        ) { f in
            f.element("label", [.class("query-label"), .attr("for", "q")], text: "Search statements")
            f.element("div", [.class("query-row")]) { row in
                row.void(
                    "input",
                    [
                        .attr("id", "q"), .attr("name", "q"), .attr("type", "search"), .attr("value", form.query),
                        .attr("autocomplete", "off"), .attr("spellcheck", "false"),
                        .attr("aria-describedby", "q-help"), .attr("maxlength", String(SearchForm.maximumQueryBytes)),
                    ]
                )
                row.element("button", [.attr("type", "submit")], text: "Search")
            }
            f.element("p", [.class("query-help"), .attr("id", "q-help")]) { p in
                p.text("Words rank by relevance; ")
                for (n, example) in ["\"exact phrase\"", "+required", "-excluded", "patent*", "speaker:hua"]
                    .enumerated()
                {
                    if n > 0 { p.text(" ") }
                    p.element("code", text: example)
                }
                p.text(" and ")
                p.element("code", text: "date:2019-05")
                p.text(" all work.")
            }
            filters(into: &f)
        }
    }

    private func filters(into html: inout HTMLWriter) {
        let isOpen = !form.filters.isEmpty || form.sort != .relevance
        html.element("details", [.class("filters")] + (isOpen ? [.flag("open")] : [])) { details in
            details.element("summary", text: "Filters and order")
            details.element("div", [.class("filter-grid")]) { grid in
                textField(&grid, .since, label: "From date", help: "YYYY, YYYY-MM or YYYY-MM-DD")
                textField(&grid, .until, label: "To date", help: "YYYY, YYYY-MM or YYYY-MM-DD")
                textField(&grid, .speaker, label: "Speaker", help: "a name, e.g. Hua Chunying")
                textField(&grid, .outlet, label: "Asked by", help: "the journalist's outlet")
                select(
                    &grid,
                    name: "lang",
                    label: "Language",
                    choices: [("", "Any language"), ("en", "English"), ("zh", "Chinese (中文)")],
                    chosen: form.filters[.lang] ?? ""
                )
                textField(&grid, .kind, label: "Kind", help: "e.g. press-conference", list: "kinds")
                select(
                    &grid,
                    name: "topic",
                    label: "Topic",
                    choices: [("", "No topic")] + topics.map { ($0.name, $0.label.isEmpty ? $0.name : $0.label) },
                    chosen: form.filters[.topic] ?? ""
                )
                select(
                    &grid,
                    name: "sort",
                    label: "Order",
                    choices: [
                        ("relevance", "Most relevant first"), ("newest", "Newest first"), ("oldest", "Oldest first"),
                    ],
                    chosen: form.sortName
                )
            }
            details.element("datalist", [.attr("id", "kinds")]) { list in
                for kind in Self.knownKinds { list.void("option", [.attr("value", kind)]) }
            }
            details.element("div", [.class("filter-actions")]) { actions in
                actions.element("button", [.attr("type", "submit")], text: "Apply filters")
                if !form.filters.isEmpty || form.sort != .relevance {
                    var cleared = SearchForm()
                    cleared.query = form.query
                    actions.element("a", [.class("button button-quiet"), .href(cleared.link)], text: "Clear filters")
                }
            }
        }
    }

    private func textField(
        _ html: inout HTMLWriter,
        _ filter: SearchForm.Filter,
        label: String,
        help: String,
        list: String? = nil
    ) {
        let id = "f-\(filter.rawValue)"
        html.element("div") { field in
            field.element("label", [.attr("for", id)]) { l in
                l.text(label)
                l.element("span", [.class("field-help"), .attr("id", id + "-help")], text: help)
            }
            var attributes: [HTMLAttribute] = [
                .attr("id", id), .attr("name", filter.rawValue), .attr("type", "text"),
                .attr("value", form.filters[filter] ?? ""), .attr("aria-describedby", id + "-help"),
            ]
            if filter == .since || filter == .until { attributes.append(.attr("inputmode", "numeric")) }
            if let list { attributes.append(.attr("list", list)) }
            field.void("input", attributes)
        }
    }

    private func select(
        _ html: inout HTMLWriter,
        name: StaticString,
        label: String,
        choices: [(value: String, label: String)],
        chosen: String
    ) {
        let id = "f-\(name)"
        // A value from the URL that is not among the choices stays chosen, so the form says what ran.
        let all = choices.contains { $0.value == chosen } ? choices : choices + [(chosen, chosen)]
        html.element("div") { field in
            field.element("label", [.attr("for", id)], text: label)
            field.element("select", [.attr("id", id), .attr("name", name.description)]) { select in
                for choice in all {
                    select.element(
                        "option",
                        [.attr("value", choice.value)] + (choice.value == chosen ? [.flag("selected")] : []),
                        text: choice.label
                    )
                }
            }
        }
    }

    // MARK: - Nothing asked yet

    /// How to search, with examples to click and the topics.
    func introduction(into html: inout HTMLWriter) {
        html.element("section", [.class("intro"), .attr("aria-labelledby", "intro-heading")]) { section in
            section.element("h2", [.attr("id", "intro-heading")], text: "How to search")
            section.element("dl", [.class("syntax")]) { dl in
                let examples: [(String, String)] = [
                    ("intellectual property", "either word; statements with more, and rarer, words first"),
                    ("\"new energy\" vehicles", "an exact phrase"),
                    ("+tariffs -soybeans", "a word required, a word excluded (also AND, OR, NOT, parentheses)"),
                    ("patent*", "every word that starts with patent"),
                    ("speaker:qiao outlet:reuters", "who answered, who asked"),
                    ("lang:zh 碳", "Chinese statements; a single character finds the words that hold it"),
                    ("date:2019-05 trade", "a month (also 2019, 2019-05-09, 2019-01-01..2019-06-30)"),
                    ("topic:ip", "statements about a topic"),
                ]
                for (query, meaning) in examples {
                    dl.element("dt") { dt in
                        var example = SearchForm()
                        example.query = query
                        dt.element("a", [.href(example.link)]) { a in a.element("code", text: query) }
                    }
                    dl.element("dd", text: meaning)
                }
            }
            if !topics.isEmpty {
                section.element("h2", text: "Browse by topic")
                section.element("ul", [.class("terms")]) { list in
                    for topic in topics {
                        list.element("li") { li in
                            li.element(
                                "a",
                                [.href(PageLink.path("/topics/", topic.name))],
                                text: topic.label.isEmpty ? topic.name : topic.label
                            )
                        }
                    }
                }
            }
        }
    }
}
