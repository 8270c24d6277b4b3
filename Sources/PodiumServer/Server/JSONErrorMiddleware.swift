import Hummingbird
import Podium

/// Turns every error under `/api/` into a JSON answer with its status, so that a client always gets
/// `{"error": {"code", "message"}}`; elsewhere an HTTP error keeps Hummingbird's plain response, with the
/// security headers still added on the way out.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as PodiumError {
            return APIError(error).response
        } catch let error as any HTTPResponseError {
            guard request.uri.path.hasPrefix("/api/") else {
                return try error.response(from: request, context: context)
            }
            return APIError(error.status, Self.code(for: error.status), Self.message(for: error.status, request))
                .response
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return APIError(.internalServerError, "internal", "the server failed to answer: \(error)").response
        }
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: return "not_found"
        case 405: return "method_not_allowed"
        case 413: return "too_large"
        case 400..<500: return "bad_request"
        default: return "internal"
        }
    }

    private static func message(for status: HTTPResponse.Status, _ request: Request) -> String {
        status.code == 404 ? "no route \(request.uri.path)" : status.reasonPhrase
    }
}
