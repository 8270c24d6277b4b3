import Hummingbird
import Podium

extension APIRoutes {
    /// `GET /api/export`: what `podium export` writes (`format` csv, jsonl or md; `full` adds the whole
    /// question and answer; `all` every match, up to the server's bound), streamed in pieces of about
    /// 64 KiB, with a file name to save it under.
    func export(_ parameters: APIParameters) async throws -> Response {
        let format = try parameters.choice("format", default: ExportFormat.csv)
        var search = try parameters.search(options, defaultLimit: 100, maxLimit: options.maxExport)
        let all = parameters.flag("all")
        let exporter = Exporter(
            format: format,
            full: parameters.flag("full"),
            query: search.query ?? search.topic ?? ""
        )
        let index = try holder.current()
        let maxExport = options.maxExport
        let outcome = try await timeLimit.run { [search] () throws(PodiumError) in
            var search = search
            if all { search.limit = max(1, min(maxExport, try index.count(search) - search.offset)) }
            return try index.search(search)
        }
        var headers = HTTPFields()
        headers[.contentType] = Self.contentType(format)
        headers[.contentDisposition] = "attachment; filename=\"podium-export.\(format.rawValue)\""
        let body = ResponseBody { writer in
            var piece = ""
            piece.reserveCapacity(1 << 16)
            var pieces: [String] = []
            // Rendering is cheap beside the search; the pieces go out as they fill.
            exporter.render(outcome.hits) { text in
                piece += text
                if piece.utf8.count >= 1 << 16 {
                    pieces.append(piece)
                    piece = ""
                }
            }
            if !piece.isEmpty { pieces.append(piece) }
            for text in pieces { try await writer.write(ByteBuffer(string: text)) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func contentType(_ format: ExportFormat) -> String {
        switch format {
        case .csv: return "text/csv; charset=utf-8"
        case .jsonl: return "application/x-ndjson; charset=utf-8"
        case .md: return "text/markdown; charset=utf-8"
        }
    }
}
