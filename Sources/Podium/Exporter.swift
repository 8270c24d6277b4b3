import Foundation

/// The file formats an export can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// JSON Lines, RFC 4180 CSV, or a Markdown report.
    case jsonl, csv, md
}

/// Renders hits as a report-ready export: JSON Lines, RFC 4180 CSV, or a Markdown report grouped by
/// briefing with a citation under every excerpt.
///
/// Every format carries the statement's id, date, spokesperson, outlet, title, source (URL when known,
/// else the path), score and the excerpt (in JSON Lines and Markdown with its highlights marked
/// `**like this**`; in CSV plain), and which field the excerpt comes from: an excerpt of the question or
/// the title is labelled so (`Q (Bloomberg): …`), never shown as the spokesperson's words. `full` adds the
/// whole question and answer.
public struct Exporter: Sendable {
    /// The file format written.
    public var format: ExportFormat
    /// Whether each excerpt also carries the whole question and answer.
    public var full: Bool
    /// For the Markdown heading: what was searched.
    public var query: String

    /// Creates an exporter.
    /// - Parameters:
    ///   - format: the file format.
    ///   - full: whether to add the whole question and answer.
    ///   - query: what was searched, for the Markdown heading.
    public init(format: ExportFormat, full: Bool = false, query: String = "") {
        self.format = format
        self.full = full
        self.query = query
    }

    /// The whole export of `hits` in order, sent to `write` piece by piece.
    public func render(_ hits: [Hit], to write: (String) throws -> Void) rethrows {
        switch format {
        case .jsonl:
            for hit in hits { try write(jsonLine(hit) + "\n") }
        case .csv:
            try write(Self.csvRow(csvHeader))
            for hit in hits { try write(Self.csvRow(csvFields(hit))) }
        case .md:
            try renderMarkdown(hits, to: write)
        }
    }

    // MARK: - JSON Lines

    /// One hit as a JSON object on one line (without the line break), its fields in a fixed order.
    public func jsonLine(_ hit: Hit) -> String {
        let s = hit.statement
        var o = JSONObjectWriter()
        o.add("id", s.id)
        o.add("date", s.date)
        o.add("spokesperson", s.spokesperson)
        o.add("outlet", s.outlet)
        o.add("publisher", s.publisher)
        o.add("title", s.title)
        o.add("source", Self.citedSource(s))
        o.add("path", s.source)
        o.add("sources", strings: [s.source] + hit.copies.map(\.source))
        o.add("language", s.language)
        o.add("kind", s.kind)
        o.add("score", hit.score)
        o.add("excerpt", hit.excerpt.marked())
        o.add("excerptFrom", hit.excerptFrom.rawValue)
        o.add("highlights", strings: hit.excerpt.highlightedWords)
        if full {
            o.add("question", s.question)
            o.add("answer", s.answer)
        }
        return o.result
    }

    // MARK: - CSV (RFC 4180)

    private var csvHeader: [String] {
        var header = [
            "id", "date", "spokesperson", "outlet", "title", "source", "score", "excerpt", "excerpt_from",
        ]
        if full { header += ["question", "answer"] }
        return header
    }

    private func csvFields(_ hit: Hit) -> [String] {
        let s = hit.statement
        var fields = [
            s.id, s.date, s.spokesperson, s.outlet, s.title, Self.citedSource(s), JSONText.number(hit.score),
            (hit.excerptLabel.map { $0 + ": " } ?? "") + hit.excerpt.text, hit.excerptFrom.rawValue,
        ]
        if full { fields += [s.question, s.answer] }
        return fields
    }

    /// One CSV record ending in CRLF; a field with a comma, quote or line break is quoted, quotes doubled.
    public static func csvRow(_ fields: [String]) -> String {
        fields.map { field -> String in
            let needsQuotes = field.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            guard needsQuotes else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    // MARK: - Markdown

    private func renderMarkdown(_ hits: [Hit], to write: (String) throws -> Void) rethrows {
        let heading = query.isEmpty ? "Podium excerpts" : "Podium excerpts: \(query)"
        try write("# \(Self.markdownEscaped(heading))\n\n")
        try write("\(hits.count) excerpt\(hits.count == 1 ? "" : "s"), grouped by briefing.\n")
        // Group by briefing (source, title and date: a JSONL file holds many briefings), keeping the order in
        // which briefings first appear.
        var order: [String] = []
        var groups: [String: [Hit]] = [:]
        for hit in hits {
            let s = hit.statement
            let key = [s.source, s.title, s.date].joined(separator: "\u{1}")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(hit)
        }
        for key in order {
            let group = groups[key]!
            let first = group[0].statement
            let date = first.date.isEmpty ? "undated" : first.date
            let who = first.spokesperson.isEmpty ? "" : ", \(first.spokesperson)"
            let title = first.title.isEmpty ? "Briefing of \(date)\(who)" : "\(first.title) (\(date))"
            try write("\n## \(Self.markdownEscaped(title))\n")
            for hit in group {
                let s = hit.statement
                try write("\n")
                if full && !s.question.isEmpty {
                    try write("**Q\(s.outlet.isEmpty ? "" : " (\(Self.markdownEscaped(s.outlet)))"):** ")
                    try write(Self.markdownEscaped(s.question) + "\n\n")
                }
                var body = full ? s.answer : hit.excerpt.marked(open: "\u{2}", close: "\u{3}")
                if !full, let label = hit.excerptLabel { body = "\u{2}\(label):\u{3} " + body }
                let quoted = Self.markdownEscaped(body)
                    .replacingOccurrences(of: "\u{2}", with: "**")
                    .replacingOccurrences(of: "\u{3}", with: "**")
                for line in quoted.split(separator: "\n", omittingEmptySubsequences: false) {
                    try write(line.isEmpty ? ">\n" : "> \(line)\n")
                }
                try write("\n" + citation(hit) + "\n")
            }
        }
    }

    /// `— Spokesperson, answering Outlet. *Title*, 2019-05-09. Source: <url or path> (id, score)`
    private func citation(_ hit: Hit) -> String {
        let s = hit.statement
        var who = s.spokesperson.isEmpty ? "Unattributed" : s.spokesperson
        if !s.outlet.isEmpty { who += ", answering \(s.outlet)" }
        let date = s.date.isEmpty ? "undated" : s.date
        let title = s.title.isEmpty ? "" : " *\(Self.markdownEscaped(s.title))*,"
        return "— \(Self.markdownEscaped(who)).\(title) \(date). Source: \(Self.citedSource(s)) "
            + "(`\(s.id)`, score \(JSONText.number(hit.score)))"
    }

    /// The URL when the statement has one, else the file it came from.
    static func citedSource(_ s: Statement) -> String { s.url.isEmpty ? s.source : s.url }

    /// Escapes the characters that would turn plain text into Markdown markup.
    public static func markdownEscaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "*", "_", "`", "[", "]", "<", ">", "#", "|", "\\": out.append("\\")
            default: break
            }
            out.unicodeScalars.append(ch)
        }
        return out
    }
}
