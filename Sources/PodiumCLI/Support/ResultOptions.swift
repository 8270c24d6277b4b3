import ArgumentParser
import Podium

extension SortOrder: ExpressibleByArgument {}
extension FacetField: ExpressibleByArgument {}

/// `--sort` and `--offset`, shared by `search`, `topics rank` and `export`.
struct OrderOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Order: relevance, date (oldest first) or -date (newest first); undated statements come last."
    )
    var sort: SortOrder = .relevance

    @Option(parsing: .unconditional, help: "Pass over this many hits first: --offset 10 shows the second page of 10.")
    var offset: Int = 0

    func validate() throws {
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
    }

    /// `options` in this order, from this offset.
    func apply(to options: inout SearchOptions) {
        options.sort = sort
        options.offset = offset
    }

    /// The arguments that give these options again (for a command that runs another).
    var arguments: [String] { ["--sort", sort.rawValue, "--offset", String(offset)] }
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

    /// `{"speaker":[{"value":"Geng Shuang","count":12},…],…}`.
    static func json(_ facets: [FacetResult]) -> String {
        let members = facets.map { facet in
            let values = facet.values.map { value in
                var o = JSONObjectWriter()
                o.add("value", value.value)
                o.add("count", value.count)
                return o.result
            }
            return JSONText.quoted(facet.field.rawValue) + ":[" + values.joined(separator: ",") + "]"
        }
        return "{" + members.joined(separator: ",") + "}"
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
