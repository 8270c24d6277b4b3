import Hummingbird
import Podium

/// The HTML pages and their assets: `/`, `/statement/:id`, `/topics`, `/topics/:name`, `/assets/:name`.
enum PageRoutes {
    /// Registers the pages on `router`; each request renders from the snapshot `snapshot` gives it.
    static func register<Context: RequestContext>(
        on router: Router<Context>,
        snapshot: @escaping @Sendable () throws(PodiumError) -> (index: PodiumIndex, topicsFile: String?)
    ) {
        @Sendable func page(_ render: (PageHandlers) -> PageHandlers.Page) -> Response {
            do {
                let (index, topicsFile) = try snapshot()
                return PageResponses.html(render(PageHandlers(index: index, topicsFile: topicsFile)))
            } catch {
                let failure = PageError(error)
                return PageResponses.html(
                    PageHandlers.Page(status: failure.status, html: ErrorPage.render(failure, statementCount: nil))
                )
            }
        }
        router.get("/") { request, _ in
            page { $0.search(query: request.uri.query) }
        }
        router.get("/statement/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return page { $0.statement(id: id) }
        }
        router.get("/topics") { _, _ in
            page { $0.topics() }
        }
        router.get("/topics/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return page { $0.topic(name: name, query: request.uri.query, chart: trendChart) }
        }
        router.get("/assets/:name") { request, context in
            PageResponses.asset(named: context.parameters.get("name") ?? "", request: request)
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
