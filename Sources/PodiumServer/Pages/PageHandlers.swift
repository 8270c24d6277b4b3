import Foundation
import Hummingbird
import Podium

/// What each page route answers, from one snapshot of the index: a status and a whole HTML document.
///
/// The handlers call the facade and hand its results to the page renderers; they decide nothing about
/// what matches (the query language and the facade do), only which page and which status to show.
struct PageHandlers {
    /// The snapshot this request reads.
    var index: PodiumIndex
    /// The topics file the index ranks by, when there is one.
    var topicsFile: String?

    /// A rendered page and its status.
    struct Page {
        var status: HTTPResponse.Status
        var html: String
    }

    // MARK: - Search

    /// `/`: the search page for the URL's query.
    func search(query: String?) -> Page {
        let topics = topicChoices()
        var page = SearchPage(form: SearchForm(), topics: topics, statementCount: index.statementCount)
        do {
            page.form = try SearchForm(FormQuery(query))
        } catch {
            page.form = SearchForm(lenient: FormQuery(query))
            page.error = error
            return Page(status: error.status, html: page.render())
        }
        guard !page.form.isEmpty else { return Page(status: .ok, html: page.render()) }
        do {
            page.outcome = try index.search(page.form.options())
            return Page(status: .ok, html: page.render())
        } catch {
            let failure = explain(error, form: page.form)
            page.error = failure
            return Page(status: failure.status, html: page.render())
        }
    }

    /// The error to show for a failed search. A mistake in what was typed is reported against the typed
    /// text alone, so that its caret points where the reader typed it and not into the query the filters
    /// made of it.
    private func explain(_ error: PodiumError, form: SearchForm) -> PageError {
        guard error.kind == .usage, form.hasFieldFilters, !form.query.allSatisfy(\.isWhitespace) else {
            return PageError(error)
        }
        do {
            _ = try index.search(SearchOptions(query: form.query, limit: 1))
        } catch  where error.kind == .usage {
            return PageError(error)
        } catch {}
        return PageError(error)
    }

    // MARK: - Statement

    /// `/statement/:id`: one statement with its neighbours and sources; 404 for an unknown id.
    func statement(id rawID: String) -> Page {
        let id = FormQuery.decodePath(rawID)
        do {
            guard let found = try index.statement(id: id, context: StatementPage.context) else {
                return error(
                    PageError(
                        .notFound,
                        "no statement has the id '\(id)' in the index at \(index.directory)",
                        hint: "ids are the [bracketed] ends of 'podium search' results; quote one that holds # or ~"
                    )
                )
            }
            return Page(status: .ok, html: StatementPage(found: found, statementCount: index.statementCount).render())
        } catch {
            return self.error(PageError(error))
        }
    }

    // MARK: - Topics

    /// `/topics`: every topic.
    func topics() -> Page {
        do {
            let topics = try loadTopics()
            return Page(status: .ok, html: TopicsPage.list(topics, statementCount: index.statementCount))
        } catch {
            return self.error(PageError(error))
        }
    }

    /// `/topics/:name`: one topic with its terms, its trend and its top statements; 404 for an unknown one.
    /// - Parameter chart: the address of the trend's SVG for a topic and granularity.
    func topic(name rawName: String, query: String?, chart: (String, TrendGranularity) -> PageLink) -> Page {
        let name = FormQuery.decodePath(rawName)
        let form = FormQuery(query)
        guard let by = TrendGranularity(rawValue: form.trimmed("by") ?? "year") else {
            return error(
                PageError(.badRequest, "unknown period '\(form["by"] ?? "")'", hint: "use month, quarter or year")
            )
        }
        do {
            let topics = try loadTopics()
            guard let topic = topics.first(where: { $0.name == name }) else {
                return error(
                    PageError(
                        .notFound,
                        "no topic named '\(name)'\(topicsFile.map { " in \($0)" } ?? "")",
                        hint: topics.isEmpty
                            ? "this index keeps no topics file"
                            : "the topics are: \(topics.map(\.name).joined(separator: ", "))"
                    )
                )
            }
            var options = SearchOptions(topic: name, limit: 10, exactTotal: true)
            options.wholeStatements = false
            let top = try index.search(options)
            let trend = TrendSeries(dates: try index.matchingDates(SearchOptions(topic: name)), by: by)
            let detail = TopicsPage.Detail(
                topic: topic,
                top: top,
                trend: trend,
                chart: chart(name, by),
                statementCount: index.statementCount
            )
            return Page(status: .ok, html: TopicsPage.page(detail))
        } catch {
            return self.error(PageError(error))
        }
    }

    // MARK: - Helpers

    /// The error page for `error`, with its status.
    func error(_ error: PageError) -> Page {
        Page(status: error.status, html: ErrorPage.render(error, statementCount: index.statementCount))
    }

    private func loadTopics() throws(PodiumError) -> [TopicInfo] {
        guard let topicsFile else { return [] }
        return try TopicCatalog.load(topicsFile)
    }

    /// The topics for the form's choice: name and label, in file order.
    private func topicChoices() -> [(name: String, label: String)] {
        index.topicNames.map { ($0, index.topicLabel($0) ?? "") }
    }
}
