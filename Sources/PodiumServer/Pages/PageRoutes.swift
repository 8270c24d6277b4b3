import Hummingbird

/// The HTML pages: search, a statement, the topics, and their static assets.
public enum PageRoutes {
    /// Adds the pages' routes (`/`, `/statement/:id`, `/topics`, `/topics/:name`, `/assets/*`) to `router`.
    ///
    /// - Parameters:
    ///   - router: the server's router; the API's routes are under `/api/`.
    ///   - holder: the index each request answers from (take it once per request with `current()`).
    public static func register<Context: RequestContext>(on router: Router<Context>, holder: IndexHolder) {
    }
}
