import Hummingbird
import Podium

/// An error the API answers with: an HTTP status and a JSON body `{"error": {"code", "message"}}`.
///
/// The code is stable for clients to switch on; the message is the one the command line would print.
public struct APIError: Error, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short stable name: `bad_query`, `not_found`, `index_unavailable`, ...
    public var code: String
    /// What went wrong, in the command line's words.
    public var message: String
    /// Lines under the message (a query with a caret under the bad spot).
    public var detail: [String] = []
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// The character offset in the query where it could not be read, for a bad query.
    public var position: Int?

    /// An error with this status, code and message.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The facade's error as the API answers it: a request's mistake is a 400, a damaged or missing index
    /// a 503 with the command line's message.
    public init(_ error: PodiumError) {
        switch error.kind {
        case _ where error.isCancelled:
            self.init(.serviceUnavailable, "time_limit", "the request ran past the time limit and was stopped")
        case _ where error.queryOffset != nil:
            self.init(.badRequest, "bad_query", error.message)
            position = error.queryOffset
        case .usage, .input:
            self.init(.badRequest, "bad_request", error.message)
        case .index:
            self.init(.serviceUnavailable, "index_unavailable", error.message)
        case .output:
            self.init(.internalServerError, "output", error.message)
        }
        detail = error.detail
        hint = error.hint
    }

    /// The JSON body.
    var json: String {
        var inner = JSONObjectWriter()
        inner.add("code", code)
        inner.add("message", message)
        if let position { inner.add("position", position) }
        if !detail.isEmpty { inner.add("detail", strings: detail) }
        if let hint { inner.add("hint", hint) }
        var outer = JSONObjectWriter()
        outer.add("error", raw: inner.result)
        return outer.result
    }

    /// The error as a response.
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: json + "\n"))
        )
    }
}
