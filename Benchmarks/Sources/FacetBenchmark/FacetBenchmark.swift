import ArgumentParser
import Foundation
import Podium

/// What a facet, a date sort or an exact total adds to a query, in process: per query the median time of
/// the plain ranked search (top 10, no excerpts) and of the same search with each extra, over the queries
/// whose matches are under `--max-matches`.
@main
struct FacetBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Median cost of facets, date sorts and exact totals against a plain ranked search."
    )

    @Option(help: "The index (e.g. one built from 250,000 generated statements).")
    var index: String

    @Option(help: "Files of 'id<TAB>query' lines.")
    var queries: [String]

    @Option(help: "Only queries with fewer matches than this.")
    var maxMatches = 50_000

    @Option(help: "Timed runs per query and variant (the median is kept).")
    var runs = 15

    func run() throws {
        let podium = try PodiumIndex(directory: index)
        var texts: [String] = []
        for file in queries {
            for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
                guard let tab = line.firstIndex(of: "\t") else { continue }
                texts.append(String(line[line.index(after: tab)...]))
            }
        }
        let variants: [(String, (inout SearchOptions) -> Void)] = [
            ("plain", { _ in }),
            ("exact total", { $0.exactTotal = true }),
            ("facet year", { $0.facets = [.year] }),
            ("facet speaker", { $0.facets = [.speaker] }),
            ("5 facets", { $0.facets = FacetField.allCases }),
            ("sort -date", { $0.sort = .newestFirst }),
            (
                "sort -date + facet speaker",
                {
                    $0.sort = .newestFirst
                    $0.facets = [.speaker]
                }
            ),
        ]
        var medians = [[Double]](repeating: [], count: variants.count)
        var matchCounts: [Int] = []
        for text in texts {
            let base = SearchOptions(query: text, limit: 10, excerpts: false)
            let matches = try podium.count(base)
            guard matches > 0, matches < maxMatches else { continue }
            matchCounts.append(matches)
            for (k, variant) in variants.enumerated() {
                var options = base
                variant.1(&options)
                _ = try podium.search(options)
                var times: [Double] = []
                for _ in 0..<runs {
                    let start = ContinuousClock.now
                    _ = try podium.search(options)
                    let elapsed = ContinuousClock.now - start
                    times.append(
                        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
                    )
                }
                medians[k].append(Self.median(times))
            }
        }
        print("statements: \(podium.statementCount); queries with 1..<\(maxMatches) matches: \(matchCounts.count)")
        print(
            "matches per query: median \(Int(Self.median(matchCounts.map(Double.init)))), max \(matchCounts.max() ?? 0)"
        )
        let large = matchCounts.indices.filter { matchCounts[$0] >= maxMatches / 2 }
        print("queries with \(maxMatches / 2) or more matches: \(large.count)")
        print(
            "variant\tmedian ms\tadded ms (median of per-query differences)\tadded ms (p90)\tadded ms (largest queries: median, max)"
        )
        for (k, variant) in variants.enumerated() {
            let added = zip(medians[k], medians[0]).map { $0 - $1 }.sorted()
            let largeAdded = large.map { medians[k][$0] - medians[0][$0] }
            let p90 = added.isEmpty ? 0 : added[min(added.count - 1, added.count * 9 / 10)]
            print(
                "\(variant.0)\t\(String(format: "%.3f", Self.median(medians[k])))\t"
                    + "\(String(format: "%.3f", Self.median(added)))\t\(String(format: "%.3f", p90))\t"
                    + String(format: "%.3f, %.3f", Self.median(largeAdded), largeAdded.max() ?? 0)
            )
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
