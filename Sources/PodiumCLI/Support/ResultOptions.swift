import ArgumentParser
import Podium

/// `--sort` and `--offset`, shared by `search`, `topics rank` and `export`.
///
/// The values are read as strings and checked in `validate`: a type of its own for each (an enum made
/// `ExpressibleByArgument`) cost every `search` process about 4 million instructions of argument parsing,
/// 3% of a batch of 100 queries.
struct OrderOptions: ParsableArguments {
    @Option(
        name: .customLong("sort"),
        parsing: .unconditional,
        help: "Order: relevance, date (oldest first) or -date (newest first); undated statements come last."
    )
    var sortName: String = SortOrder.relevance.rawValue

    /// The order asked for (`validate` refused any other name).
    var sort: SortOrder { SortOrder(rawValue: sortName) ?? .relevance }

    @Option(parsing: .unconditional, help: "Pass over this many hits first: --offset 10 shows the second page of 10.")
    var offset: Int = 0

    func validate() throws {
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard SortOrder(rawValue: sortName) != nil else {
            throw ValidationError("--sort takes relevance, date or -date, not '\(sortName)'")
        }
    }

    /// The facets named by `--facet` values.
    /// - Throws: a `ValidationError` naming a value that is no facet.
    static func facets(_ names: [String]) throws -> [FacetField] {
        try names.map { name in
            guard let field = FacetField(rawValue: name) else {
                let known = FacetField.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--facet takes \(known), not '\(name)'")
            }
            return field
        }
    }

    /// `options` in this order, from this offset.
    func apply(to options: inout SearchOptions) {
        options.sort = sort
        options.offset = offset
    }
}

/// How the total and the facets of a search read in text and in JSON.
enum TotalsRendering {
    /// `10 of 4,550 statements`, `11–20 of 4,550 statements`, `10 of at least 4,550 statements`.
    static func summary(_ outcome: SearchOutcome, offset: Int) -> String {
        let shown = outcome.hits.count
        let range = offset == 0 || shown == 0 ? grouped(shown) : "\(grouped(offset + 1))–\(grouped(offset + shown))"
        let total = (outcome.totalIsExact ? "" : "at least ") + grouped(outcome.total)
        return "\(range) of \(total) statement\(outcome.total == 1 && outcome.totalIsExact ? "" : "s")"
    }

    /// Each facet as a heading and its values with their counts: every year, the 15 largest other values.
    static func text(_ facets: [FacetResult], style: Style) -> [String] {
        var lines: [String] = []
        for facet in facets {
            lines.append(style.bold("By \(facet.field.rawValue):"))
            let shown = facet.field == .year ? facet.values : Array(facet.values.prefix(15))
            let widest = shown.map { width(of: $0.value) }.max() ?? 0
            for value in shown {
                let pad = String(repeating: " ", count: max(0, widest - width(of: value.value)))
                lines.append("  \(value.value)\(pad)  \(grouped(value.count))")
            }
            let rest = facet.values.count - shown.count
            if rest > 0 { lines.append(style.dim("  … and \(grouped(rest)) more (all of them with --format json)")) }
            lines.append("")
        }
        return lines
    }

    private static func width(of text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.columns(of: $1) } }

    /// `4550` → `4,550`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
