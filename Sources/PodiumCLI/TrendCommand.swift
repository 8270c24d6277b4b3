import ArgumentParser
import Foundation
import Podium

/// `podium trend`: how often a topic or query comes up over time.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Count matching statements per month, quarter or year.",
        discussion: """
            The argument is a topic name from the topics file, or else a query. The counts show as a bar \
            chart on the terminal, as CSV or JSON for scripts, and as an SVG chart for reports (--svg FILE).

            Examples:
              podium trend green-tech --by year
              podium trend '"intellectual property"' --by quarter --format csv
              podium trend ip --svg ip-trend.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: "A topic name, or a query.")
    var words: [String]

    @Option(help: "month, quarter or year.")
    var by: GranularityOption = GranularityOption(value: .month)

    @OptionGroup var dates: DateOptions

    @Option(help: "text (a bar chart), csv or json.")
    var format: Format = .text

    @Option(help: "Also write the chart as an SVG file.")
    var svg: String?

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let svgFile = svg.map { OutputFile(path: $0, option: "--svg") }
        svgFile?.check()
        let podium = try indexOptions.location.open()
        let text = words.joined(separator: " ")
        let isTopic = podium.topicNames.contains(text)
        let options = dates.search(query: isTopic ? nil : text, topic: isTopic ? text : nil)
        let matchDates = try handlingErrors { () throws(PodiumError) in try podium.matchingDates(options) }
        let series = TrendSeries(dates: matchDates, by: by.value)
        let out = StandardOutput()
        switch format {
        case .text: render(series, title: isTopic ? "topic \(text)" : text, to: out)
        case .csv:
            out.write(Exporter.csvRow([by.value.rawValue, "statements"]))
            for bucket in series.buckets { out.write(Exporter.csvRow([bucket.label, String(bucket.count)])) }
        case .json:
            var o = JSONObjectWriter()
            o.add(isTopic ? "topic" : "query", text)
            o.add("by", by.value.rawValue)
            o.add("total", series.total)
            o.add("undated", series.undated)
            let rows = series.buckets.map { b -> String in
                var row = JSONObjectWriter()
                row.add("period", b.label)
                row.add("count", b.count)
                return row.result
            }
            o.add("buckets", raw: "[" + rows.joined(separator: ",") + "]")
            out.write(o.result + "\n")
        }
        out.flush()
        if let svg {
            let chart = TrendChart(
                title: "Statements per \(by.value.rawValue): \(isTopic ? "topic " : "")\(text)",
                series: series
            )
            svgFile?.write { try $0.write(contentsOf: Data(chart.svg().utf8)) }
            StandardError.line("wrote \(svg)")
        }
        if series.total == 0 {
            StandardError.line("No dated statement matches.")
            // A lone word that matches nothing was most likely meant as a topic name.
            if !isTopic, dates.since == nil, dates.until == nil, !podium.topicNames.isEmpty,
                !text.contains(where: \.isWhitespace)
            {
                StandardError.line(
                    "hint: '\(text)' is not a topic; the topics are: \(podium.topicNames.joined(separator: ", "))"
                )
            }
            throw ExitCode(ExitStatus.noMatch.rawValue)
        }
    }

    /// A horizontal bar per period, scaled to the terminal.
    private func render(_ series: TrendSeries, title: String, to out: StandardOutput) {
        let style = Style(enabled: Terminal.useColor(color))
        let widest = max(1, series.buckets.map(\.count).max() ?? 1)
        let barWidth = max(10, min(60, Terminal.width - 24))
        out.write(style.bold("\(title): \(series.total) statements, by \(series.granularity.rawValue)") + "\n")
        for bucket in series.buckets {
            let length = bucket.count == 0 ? 0 : max(1, bucket.count * barWidth / widest)
            let label = bucket.label.padding(toLength: 9, withPad: " ", startingAt: 0)
            out.write("\(label) \(style.accent(String(repeating: "█", count: length))) \(bucket.count)\n")
        }
        if series.undated > 0 { out.write(style.dim("(\(series.undated) undated statements not shown)") + "\n") }
    }
}

/// `--by` as an argument.
struct GranularityOption: ExpressibleByArgument {
    let value: TrendGranularity
    init(value: TrendGranularity) { self.value = value }
    init?(argument: String) {
        guard let value = TrendGranularity(rawValue: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { TrendGranularity.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}
