import Hummingbird
import Podium

/// What a page says when it cannot show what was asked: the message the command line gives, its detail
/// lines (a query with a caret under the bad spot), its hint, and the HTTP status.
struct PageError: Error, Equatable {
    /// The response's status.
    var status: HTTPResponse.Status
    /// What went wrong, in one line.
    var message: String
    /// What to do about it.
    var hint: String?
    /// Lines shown as they are, in a monospaced block.
    var detail: [String] = []

    init(_ status: HTTPResponse.Status, _ message: String, hint: String? = nil, detail: [String] = []) {
        self.status = status
        self.message = message
        self.hint = hint
        self.detail = detail
    }

    /// The facade's error with the status the API gives it too: a bad request for a wrong query, date or
    /// topic; unavailable for a missing or damaged index, which the reader cannot fix.
    init(_ error: PodiumError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .usage, .input: .badRequest
            case .index: .serviceUnavailable
            case .output: .internalServerError
            }
        self.init(status, error.message, hint: error.hint, detail: error.detail)
    }

    /// The heading of the error page.
    var title: String {
        switch status.code {
        case 400: "The search could not be read"
        case 404: "Not found"
        default: "The index could not answer"
        }
    }
}
