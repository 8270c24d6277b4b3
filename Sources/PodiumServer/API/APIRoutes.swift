import Hummingbird
import Podium

/// The JSON API under `/api/`: the same fields as the command line's JSON output, rendered by the
/// facade's ``ResultJSON`` so that both say the same thing.
struct APIRoutes: Sendable {
    let holder: IndexHolder
    let options: ServerOptions

    var timeLimit: TimeLimit { TimeLimit(limit: options.timeLimit) }

    /// Adds the routes to `router`.
    func register<Context: RequestContext>(on router: Router<Context>) {
        let api = router.group("api")
        api.get("stats") { _, _ in try await stats() }
        // Anything else under /api/ is a JSON 404, not a page.
        api.get("**") { request, _ -> Response in
            throw APIError(.notFound, "not_found", "no route \(request.uri.path)")
        }
    }

    /// `GET /api/stats`: what `podium index stats --format json` prints.
    func stats() async throws -> Response {
        let directory = holder.directory
        let text = try await timeLimit.run { () throws(PodiumError) in
            let stats = try IndexInspector.statistics(index: directory)
            return "{\"statements\":\(stats.statements)}"
        }
        return JSONResponse.ok(text)
    }
}

/// JSON answers.
enum JSONResponse {
    /// A 200 with `json` as its body.
    static func ok(_ json: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json + "\n")))
    }
}
