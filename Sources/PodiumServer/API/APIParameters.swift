import Foundation
import Hummingbird
import Podium

/// The query string of a request, read as a browser's form sends it (`+` for a space, percent-encoded
/// UTF-8), with the checks every route shares: numbers in range, names from a closed list, a bounded query.
struct APIParameters: Sendable {
    private var values: [(name: String, value: String)] = []

    /// The parameters of `request`'s query string.
    init(_ request: Request) {
        guard let query = request.uri.query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values.append((name, value))
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The last value of `name`, or `nil` when it is absent or empty.
    func string(_ name: String) -> String? {
        guard let value = values.last(where: { $0.name == name })?.value, !value.isEmpty else { return nil }
        return value
    }

    /// Every non-empty value of `name`, in order; a value may list several, separated by commas.
    func list(_ name: String) -> [String] {
        values.filter { $0.name == name }.flatMap { $0.value.split(separator: ",").map(String.init) }
            .filter { !$0.isEmpty }
    }

    /// Every non-empty value of `name` as given (commas kept).
    func all(_ name: String) -> [String] {
        values.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
    }

    /// An integer in `range`, `fallback` when absent.
    /// - Throws: a 400 `bad_parameter` naming the parameter and the range.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(
                .badRequest,
                "bad_parameter",
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'"
            )
        }
        return value
    }

    /// `true` for `true`, `1`, `yes` or `on` (a checked box); `false` when absent.
    func flag(_ name: String) -> Bool {
        guard let text = string(name)?.lowercased() else { return false }
        return ["true", "1", "yes", "on"].contains(text)
    }

    /// A value of a closed list (`sort`, `format`, `by`), `fallback` when absent.
    /// - Throws: a 400 `bad_parameter` listing the values.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = string(name) else { return fallback }
        guard let value = T(rawValue: text) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "bad_parameter", "\(name) takes \(known), not '\(text)'")
        }
        return value
    }

    /// The query `q`, bounded in length.
    /// - Throws: a 400 `query_too_long` past `limit` characters.
    func query(limit: Int) throws -> String? {
        guard let text = string("q") else { return nil }
        try Self.check(text, limit: limit)
        return text
    }

    /// Checks that `text` is at most `limit` characters.
    static func check(_ text: String, limit: Int) throws {
        if text.utf8.count > limit, text.count > limit {
            throw APIError(
                .badRequest,
                "query_too_long",
                "the query has \(text.count) characters; at most \(limit) are accepted"
            )
        }
    }

    /// The facets named by `facets` (or `facet`), each once.
    func facets() throws -> [FacetField] {
        var fields: [FacetField] = []
        for name in list("facets") + list("facet") {
            guard let field = FacetField(rawValue: name) else {
                let known = FacetField.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, "bad_parameter", "facets takes \(known), not '\(name)'")
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }

    /// The search these parameters ask for: `q`, `topic`, `since`, `until`, `sort`, `offset`, `limit`,
    /// `facets`, `every`, `explain`, `exact` (count every match even on a first page), and the filters `speaker`, `outlet`, `language`, `kind`, `year`.
    func search(_ options: ServerOptions, defaultLimit: Int = 10, maxLimit: Int? = nil) throws -> SearchOptions {
        var search = SearchOptions(
            query: try query(limit: options.maxQueryLength),
            topic: string("topic"),
            since: string("since"),
            until: string("until"),
            limit: try integer("limit", in: 1...(maxLimit ?? options.maxLimit), default: defaultLimit),
            requireAll: flag("every"),
            explain: flag("explain")
        )
        search.sort = try choice("sort", default: SortOrder.relevance)
        search.offset = try integer("offset", in: 0...options.maxOffset, default: 0)
        search.facets = try facets()
        search.exactTotal = flag("exact")
        for field in FacetField.allCases {
            for value in all(field.rawValue) {
                try Self.check(value, limit: options.maxQueryLength)
                search = search.narrowed(to: field, value)
            }
        }
        if search.query == nil && search.topic == nil {
            throw APIError(.badRequest, "bad_parameter", "give a query (q) or a topic (topic)")
        }
        return search
    }
}
