import Foundation
import Hummingbird

/// The HTTP side of the pages: headers of an HTML page, and the static assets with their caching.
enum PageResponses {
    /// The policy every page is sent with: nothing but this server's own files, no inline script or style,
    /// no plugins, no framing, forms only to this server.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// A page: HTML in UTF-8, never cached (a refresh of the index changes it), with the content policy.
    static func html(_ page: PageHandlers.Page) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return Response(status: page.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }

    /// One of ``PageAssets``' files by name, or 404. A request that names the file's current version
    /// (`?v=…`) may be kept a year; any other a day. `If-None-Match` with the current version gets 304.
    static func asset(named name: String, request: Request, assets: PageAssets = .shared) -> Response {
        var headers = HTTPFields()
        headers[.xContentTypeOptions] = "nosniff"
        guard let asset = assets.assets[name] else {
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(
                status: .notFound,
                headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "no asset named '\(name)'\n"))
            )
        }
        let etag = "\"\(asset.version)\""
        headers[.eTag] = etag
        let versioned = FormQuery(request.uri.query)["v"] == asset.version
        headers[.cacheControl] = versioned ? "public, max-age=31536000, immutable" : "public, max-age=86400"
        if let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
