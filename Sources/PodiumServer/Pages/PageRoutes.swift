import Hummingbird
import Podium

/// The HTML pages: search, a statement, the topics, and their static assets.
public enum PageRoutes {
    /// The longest a page may take to render before it is stopped with a 503 page.
    static let timeLimit = TimeLimit(limit: .seconds(5))

    /// Adds the pages' routes (`/`, `/statement/:id`, `/topics`, `/topics/:name`, `/assets/:name`) to `router`.
    ///
    /// - Parameters:
    ///   - router: the server's router; the API's routes are under `/api/`.
    ///   - holder: the index each request answers from, taken once per request.
    public static func register<Context: RequestContext>(on router: Router<Context>, holder: IndexHolder) {
        register(on: router) { () throws(PodiumError) in
            (try holder.current(), holder.topicsFile ?? Indexer.keptTopicsFile(index: holder.directory))
        }
    }

    /// Registers the pages on `router`; each request renders from the snapshot `snapshot` gives it.
    static func register<Context: RequestContext>(
        on router: Router<Context>,
        snapshot: @escaping @Sendable () throws(PodiumError) -> (index: PodiumIndex, topicsFile: String?)
    ) {
        @Sendable func page(_ render: @escaping @Sendable (PageHandlers) -> PageHandlers.Page) async -> Response {
            let failure: PageError
            do {
                let page = try await timeLimit.run { () throws(PodiumError) in
                    let (index, topicsFile) = try snapshot()
                    return render(PageHandlers(index: index, topicsFile: topicsFile))
                }
                return PageResponses.html(page)
            } catch let error as APIError {
                failure = PageError(error.status, error.message, hint: error.hint, detail: error.detail)
            } catch {
                failure = PageError(.internalServerError, "the page could not be made: \(error)")
            }
            return PageResponses.html(
                PageHandlers.Page(status: failure.status, html: ErrorPage.render(failure, statementCount: nil))
            )
        }
        router.get("/") { request, _ in
            let query = request.uri.query
            return await page { $0.search(query: query) }
        }
        router.get("/statement/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await page { $0.statement(id: id) }
        }
        router.get("/topics") { _, _ in
            await page { $0.topics() }
        }
        router.get("/topics/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            let query = request.uri.query
            return await page { $0.topic(name: name, query: query, chart: trendChart) }
        }
        router.get("/assets/:name") { request, context in
            PageResponses.asset(named: context.parameters.get("name") ?? "", request: request)
        }
        // Any other path is a page that is not there, said as a page (the API's own catch-all answers JSON).
        router.get("**") { request, _ in
            let path = request.uri.path
            return await page {
                $0.error(PageError(.notFound, "no page at \(path)", hint: "search from the home page"))
            }
        }
        router.get("/favicon.ico") { request, _ in
            PageResponses.asset(named: "favicon.svg", request: request)
        }
    }

    /// The API's SVG chart of a topic's trend.
    @Sendable static func trendChart(topic: String, by: TrendGranularity) -> PageLink {
        PageLink.path("/api/trend.svg", query: [("topic", topic), ("by", by.rawValue)])
    }
}
