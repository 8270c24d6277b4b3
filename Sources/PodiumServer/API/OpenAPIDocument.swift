import Foundation
import Hummingbird

/// The OpenAPI 3 document of the API, `Resources/openapi.json`, kept in the repository and checked
/// against real answers by the tests.
public enum OpenAPIDocument {
    /// The document's bytes, read once from the target's resources.
    public static let data: Data? = Bundle.module.url(
        forResource: "openapi",
        withExtension: "json",
        subdirectory: "Resources"
    ).flatMap { try? Data(contentsOf: $0) }

    /// `GET /api/openapi.json`.
    static func response() throws -> Response {
        guard let data else {
            throw APIError(.internalServerError, "internal", "the OpenAPI document is missing from the build")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
