import Foundation
import Hummingbird
import Podium

/// The JSON API under `/api/`: the same fields as the command line's JSON output, rendered by the
/// facade's `ResultJSON` so that both say the same thing. Every route reads the index through the holder
/// once, so a request answers from one snapshot from start to end.
struct APIRoutes: Sendable {
    let holder: IndexHolder
    let options: ServerOptions

    var timeLimit: TimeLimit { TimeLimit(limit: options.timeLimit) }

    /// Adds the routes to `router`.
    func register<Context: RequestContext>(on router: Router<Context>) {
        let api = router.group("api")
        api.get("search") { request, _ in try await search(APIParameters(request)) }
        api.get("statements/{id}") { request, context in
            let around = try APIParameters(request).integer("context", in: 0...20, default: 0)
            return try await statement(id: context.parameters.require("id"), context: around)
        }
        api.get("statement") { request, _ in
            let parameters = APIParameters(request)
            guard let id = parameters.string("id") else {
                throw APIError(.badRequest, "bad_parameter", "give the statement's id (id)")
            }
            return try await statement(id: id, context: try parameters.integer("context", in: 0...20, default: 0))
        }
        api.get("topics") { _, _ in try await topics() }
        api.get("topics/{name}") { _, context in try await topic(context.parameters.require("name")) }
        api.get("topics/{name}/rank") { request, context in
            try await rank(context.parameters.require("name"), APIParameters(request))
        }
        api.get("trend") { request, _ in try await trend(APIParameters(request), svg: false) }
        api.get("trend.svg") { request, _ in try await trend(APIParameters(request), svg: true) }
        api.get("stats") { _, _ in try await stats() }
        api.get("export") { request, _ in try await export(APIParameters(request)) }
        api.get("openapi.json") { _, _ in try OpenAPIDocument.response() }
        // Anything else under /api/ is a JSON 404, not a page.
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] {
            api.on("**", method: method) { request, _ -> Response in
                throw APIError(.notFound, "not_found", "no route \(request.method) \(request.uri.path)")
            }
        }
    }

    // MARK: - Search and statements

    /// `GET /api/search`: a page of results, as `podium search --format json` prints it.
    func search(_ parameters: APIParameters) async throws -> Response {
        var search = try parameters.search(options)
        // The JSON carries whole statements, as the command line's does.
        search.wholeStatements = true
        let query = parameters.string("q") ?? ""
        let topic = search.topic
        let index = try holder.current()
        let text = try await timeLimit.run { [search] () throws(PodiumError) in
            let outcome = try index.search(search)
            return ResultJSON.search(outcome, query: query, topic: topic, offset: search.offset, sort: search.sort)
        }
        return JSONResponse.ok(text)
    }

    /// `GET /api/statements/{id}`: a statement with its neighbours, as `podium show --format json`.
    func statement(id rawID: String, context: Int) async throws -> Response {
        let id = rawID.removingPercentEncoding ?? rawID
        let index = try holder.current()
        let text = try await timeLimit.run { () throws(PodiumError) in
            try index.statement(id: id, context: context).map(ResultJSON.statement)
        }
        guard let text else {
            throw APIError(.notFound, "not_found", "no statement has the id '\(id)' in the index at \(index.directory)")
        }
        return JSONResponse.ok(text)
    }

    /// `GET /api/stats`: what `podium index stats --format json` prints.
    func stats() async throws -> Response {
        let directory = holder.directory
        let text = try await timeLimit.run { () throws(PodiumError) in
            ResultJSON.statistics(try IndexInspector.statistics(index: directory))
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
