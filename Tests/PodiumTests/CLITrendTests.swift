import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `podium trend` on a copy of `Corpus/`: CSV and JSON give the same counts, the counts add up to the
/// topic's statements, and the SVG chart draws exactly those counts on a labelled, linear axis.
@Suite(
    "podium trend, end to end",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLITrendTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    /// `period,statements` rows of a CSV trend.
    private func csvCounts(_ arguments: [String]) throws -> [(String, Int)] {
        let f = try fixture
        let run = try f.run(arguments + ["--format", "csv"] + f.indexArguments)
        #expect(run.status == 0, "\(run.summary)")
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        return try lines.dropFirst().map { line in
            let parts = line.split(separator: ",")
            return (String(parts[0]), try #require(Int(parts[1])))
        }
    }

    @Test(
        "CSV and JSON agree, and dated plus undated matches are the topic's statements",
        arguments: ["month", "quarter", "year"]
    )
    func csvAndJSONAgree(by: String) throws {
        let f = try fixture
        let csv = try csvCounts(["trend", "ip", "--by", by])
        let json = try #require(
            try parseJSON(try f.run(["trend", "ip", "--by", by, "--format", "json"] + f.indexArguments).stdout)
                as? [String: Any]
        )
        #expect(json["topic"] as? String == "ip" && json["by"] as? String == by)
        let buckets = try #require(json["buckets"] as? [[String: Any]])
        #expect(buckets.map { $0["period"] as? String } == csv.map(\.0))
        #expect(buckets.map { $0["count"] as? Int } == csv.map(\.1))
        let total = try #require(json["total"] as? Int)
        #expect(total == csv.reduce(0) { $0 + $1.1 } && total > 20)
        let undated = try #require(json["undated"] as? Int)
        let statements = try parseJSONLines(
            try f.run(["export", "--topic", "ip", "--all", "--format", "jsonl"] + f.indexArguments).stdout
        )
        #expect(total + undated == statements.count)
        // Periods are consecutive: a period without matches shows as 0, not as a gap.
        #expect(Set(csv.map(\.0)).count == csv.count)
        if by == "year" {
            let years = csv.compactMap { Int($0.0) }
            #expect(years == Array(years[0]...years[years.count - 1]))
            #expect(csv.contains { $0.1 == 0 }, "the corpus has a year without ip statements")
        }
    }

    @Test("The SVG chart: one bar per CSV row with its height proportional to the count, labelled axes")
    func svgMatchesCSV() throws {
        let f = try fixture
        let svg = f.workFile("ip.svg")
        let csv = try csvCounts(["trend", "ip", "--by", "year", "--svg", svg.path])
        let document = try XMLDocument(contentsOf: svg, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        let texts = (try root.nodes(forXPath: "//*[local-name()='text']")).compactMap { $0 as? XMLElement }
        #expect(texts.contains { $0.stringValue == "Intellectual property" }, "the topic's label is the title")
        #expect(texts.contains { $0.stringValue?.contains("topic:ip") == true }, "the caption names the query")
        #expect(texts.contains { $0.stringValue == "statements" }, "no y-axis title")
        #expect(texts.contains { $0.stringValue == "year" }, "no x-axis title")

        // Bars: rects with a <title>period: count</title>.
        let bars = (try root.nodes(forXPath: "//*[local-name()='rect'][*[local-name()='title']]"))
            .compactMap { $0 as? XMLElement }
        func number(_ element: XMLElement, _ name: String) throws -> Double {
            try #require(attribute(element, name).flatMap(Double.init), "\(name)")
        }
        #expect(bars.map { $0.elements(forName: "title").first?.stringValue } == csv.map { "\($0.0): \($0.1)" })
        // Period labels under the axis, in order.
        let labels = texts.filter { attribute($0, "transform")?.contains("rotate(-45") == true }
        #expect(labels.map(\.stringValue) == csv.map(\.0))

        // The y axis: tick labels 0, step, 2·step, … at evenly spaced heights, which give pixels per statement.
        let ticks = try texts.filter { attribute($0, "text-anchor") == "end" && attribute($0, "transform") == nil }
            .map { (value: try #require(Double($0.stringValue ?? "")), y: try number($0, "y")) }
        try #require(ticks.count >= 3)
        #expect(ticks[0].value == 0)
        #expect(ticks.last!.value >= Double(csv.map(\.1).max()!), "the axis must reach the tallest bar")
        let pixelsPerStatement = (ticks[0].y - ticks.last!.y) / ticks.last!.value
        for (tick, next) in zip(ticks, ticks.dropFirst()) {
            #expect(abs((tick.y - next.y) - (next.value - tick.value) * pixelsPerStatement) < 0.2, "uneven ticks")
        }
        let baseline = ticks[0].y - 4  // tick labels sit 4 px below their grid line
        for (bar, (period, count)) in zip(bars, csv) {
            let height = try number(bar, "height"), y = try number(bar, "y")
            #expect(abs(height - Double(count) * pixelsPerStatement) < 0.2, "\(period): \(height) px for \(count)")
            #expect(abs(y + height - baseline) < 0.2, "\(period): the bar does not stand on the x axis")
        }
    }

    /// An attribute's value (`attribute(forName:)` finds nothing in a namespaced document on Linux).
    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }
}
