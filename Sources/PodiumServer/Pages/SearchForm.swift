import Podium

/// What the search page was asked for: its URL's parameters, read once, and every link the page makes
/// from them (a facet that adds a filter, a chip that removes one, the next page, an export).
///
/// `speaker`, `outlet`, `lang` and `kind` narrow the search through the facade (`SearchOptions.narrowed`),
/// as the API's parameters of the same names do; dates and the topic are options of the search itself.
struct SearchForm: Equatable {
    /// A filter the page shows as a control, a facet link and a removable chip.
    enum Filter: String, CaseIterable {
        case since, until, speaker, outlet, lang, kind, topic

        /// The facet whose values a filter narrows to; `nil` for the dates and the topic.
        var facet: FacetField? {
            switch self {
            case .speaker: .speaker
            case .outlet: .outlet
            case .lang: .language
            case .kind: .kind
            case .since, .until, .topic: nil
            }
        }

        /// How a chip names the filter.
        var label: String {
            switch self {
            case .since: "from"
            case .until: "to"
            case .speaker: "speaker"
            case .outlet: "asked by"
            case .lang: "language"
            case .kind: "kind"
            case .topic: "topic"
            }
        }
    }

    /// Hits per page.
    static let pageSize = 10
    /// The last page that can be asked for: deeper pages cost a ranking of every hit before them.
    static let maximumPage = 500
    /// The longest query taken, in UTF-8 bytes: longer is an error, not a slow search.
    static let maximumQueryBytes = 2_000

    /// The query as typed.
    var query: String = ""
    /// The filters set, by name.
    var filters: [Filter: String] = [:]
    /// The order of the hits.
    var sort: SortOrder = .relevance
    /// The page asked for, from 1.
    var page: Int = 1

    init() {}

    /// Reads the page's URL query.
    /// - Throws: `.badRequest` for an unknown sort, a page that is not a number in range, or a query
    ///   over the length limit.
    init(_ form: FormQuery) throws(PageError) {
        self.init(lenient: form)
        guard query.utf8.count <= Self.maximumQueryBytes else {
            throw PageError(
                .badRequest,
                "the query is too long (\(query.utf8.count) bytes; the limit is \(Self.maximumQueryBytes))",
                hint: "shorten it, or narrow it with the filters"
            )
        }
        if let text = form.trimmed("sort"), Self.sortOrder(text) == nil {
            throw PageError(.badRequest, "unknown sort '\(text)'", hint: "sort by relevance, newest or oldest")
        }
        if let text = form.trimmed("page"), Self.pageNumber(text) == nil {
            throw PageError(
                .badRequest,
                "page must be a number from 1 to \(Self.maximumPage), not '\(text)'",
                hint: "narrow the search with a filter instead of paging this deep"
            )
        }
    }

    /// Reads what can be read of the URL's query, to show the form again beside an error: a bad sort or
    /// page falls back to its default.
    init(lenient form: FormQuery) {
        query = form["q"] ?? ""
        for filter in Filter.allCases {
            // A quote would end the phrase a filter is written as; no name or code holds one.
            if let value = form.trimmed(filter.rawValue)?.filter({ $0 != "\"" }), !value.isEmpty {
                filters[filter] = value
            }
        }
        sort = form.trimmed("sort").flatMap(Self.sortOrder) ?? .relevance
        page = form.trimmed("page").flatMap(Self.pageNumber) ?? 1
    }

    private static func sortOrder(_ text: String) -> SortOrder? {
        switch text {
        case "relevance": .relevance
        case "newest", "-date": .newestFirst
        case "oldest", "date": .oldestFirst
        default: nil
        }
    }

    private static func pageNumber(_ text: String) -> Int? {
        guard let page = Int(text), (1...maximumPage).contains(page) else { return nil }
        return page
    }

    /// Whether nothing was asked: the page then shows the form and how to search, and runs no search.
    var isEmpty: Bool {
        query.allSatisfy(\.isWhitespace) && filters.isEmpty
    }

    /// The `sort` parameter's value for this order.
    var sortName: String {
        switch sort {
        case .relevance: "relevance"
        case .newestFirst: "newest"
        case .oldestFirst: "oldest"
        }
    }

    /// Whether a filter narrows the matches by a field's value (speaker, outlet, language, kind).
    var hasFieldFilters: Bool {
        Filter.allCases.contains { $0.facet != nil && filters[$0] != nil }
    }

    /// The facade's search for this page, with the facets the page shows.
    func options(facets: [FacetField] = SearchForm.facets) -> SearchOptions {
        var options = SearchOptions(
            query: query.allSatisfy(\.isWhitespace) ? nil : query,
            topic: filters[.topic],
            since: filters[.since],
            until: filters[.until],
            limit: Self.pageSize,
            sort: sort,
            offset: (page - 1) * Self.pageSize,
            facets: facets
        )
        for filter in Filter.allCases {
            if let field = filter.facet, let value = filters[filter] { options = options.narrowed(to: field, value) }
        }
        // The page shows excerpts only: a very long answer is streamed into its excerpt, never held whole.
        options.wholeStatements = false
        return options
    }

    /// The facets the search page counts.
    static let facets: [FacetField] = [.speaker, .language, .kind, .year, .outlet]

    // MARK: - Links

    /// The parameters that say this search, in a stable order; defaults left out.
    var parameters: [(String, String)] {
        var out: [(String, String)] = [("q", query)]
        for filter in Filter.allCases { out.append((filter.rawValue, filters[filter] ?? "")) }
        if sort != .relevance { out.append(("sort", sortName)) }
        if page > 1 { out.append(("page", String(page))) }
        return out
    }

    /// The search page for this search.
    var link: PageLink { PageLink.path("/", query: parameters) }

    /// This search on another page.
    func link(page: Int) -> PageLink {
        var form = self
        form.page = page
        return form.link
    }

    /// This search with `filter` set to `value` (or removed, for `nil`), from its first page.
    func link(setting filter: Filter, to value: String?) -> PageLink {
        var form = self
        form.filters[filter] = value
        form.page = 1
        return form.link
    }

    /// This search narrowed to one value of a facet, from its first page; a year sets both dates.
    func link(narrowing field: FacetField, to value: String) -> PageLink {
        var form = self
        form.page = 1
        switch field {
        case .speaker: form.filters[.speaker] = value
        case .outlet: form.filters[.outlet] = value
        case .language: form.filters[.lang] = value
        case .kind: form.filters[.kind] = value
        case .year:
            form.filters[.since] = value
            form.filters[.until] = value
        }
        return form.link
    }

    /// Whether `value` of `field` is already what this search is narrowed to.
    func isNarrowed(_ field: FacetField, to value: String) -> Bool {
        switch field {
        case .speaker: filters[.speaker] == value
        case .outlet: filters[.outlet] == value
        case .language: filters[.lang] == value
        case .kind: filters[.kind] == value
        case .year: filters[.since] == value && filters[.until] == value
        }
    }

    /// The API's export of every match of this search (`all=1`, not only this page), in `format` (`csv`,
    /// `jsonl`, `md`): the same parameters, which the API reads the same way.
    func exportLink(format: StaticString) -> PageLink {
        var items: [(String, String)] = [("format", format.description), ("all", "1"), ("q", query)]
        for filter in Filter.allCases {
            // The API names the language filter after its facet.
            items.append((filter == .lang ? "language" : filter.rawValue, filters[filter] ?? ""))
        }
        items.append(("sort", sort == .relevance ? "" : sort.rawValue))
        return PageLink.path("/api/export", query: items)
    }
}
