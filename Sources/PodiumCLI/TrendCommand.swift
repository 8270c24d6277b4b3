import ArgumentParser
import Foundation
import Podium

/// `podium trend`: how often a topic or query comes up over time.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Count matching statements per month, quarter or year.",
        discussion: """
            The argument is a topic name from the topics file, or else a query. Several arguments of which \
            one is a topic are one series each, drawn in one chart. --share divides each period's count by \
            the number of statements of that period, since briefings per month vary. The counts show as a \
            bar chart on the terminal, as CSV or JSON for scripts, and as an SVG chart for reports \
            (--svg FILE) titled with the topic's label, with the index, the query and the dates under it.

            Examples:
              podium trend green-tech --by year
              podium trend '"intellectual property"' --by quarter --format csv
              podium trend ip green-tech trade --by year --share --svg topics.svg
              podium trend ip --since 2018 --svg ip-trend.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: "A topic name, or a query; several topics (or topics and quoted queries) for several series.")
    var words: [String]

    @Option(help: "month, quarter or year.")
    var by: GranularityOption = GranularityOption(value: .month)

    @OptionGroup var dates: DateOptions

    @Flag(help: "Each period's count as a share of all the statements of that period (0 to 1).")
    var share = false

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
        let asked = series(in: podium)
        let report = try handlingErrors { () throws(PodiumError) in
            try TrendReport(asked, in: podium, by: by.value, since: dates.since, until: dates.until, share: share)
        }
        let out = StandardOutput()
        switch format {
        case .text:
            for (a, (s, v)) in zip(asked, zip(report.series, report.values)) {
                render(s, values: v, title: a.name, to: out)
            }
        case .csv: out.write(csv(report))
        case .json: out.write(report.json + "\n")
        }
        out.flush()
        if let svg {
            let chart = report.chart(index: podium.directory)
            svgFile?.write { try $0.write(contentsOf: Data(chart.svg().utf8)) }
            StandardError.line("wrote \(svg)")
        }
        if report.series.allSatisfy({ $0.total == 0 }) {
            StandardError.line("No dated statement matches.")
            throw ExitCode(ExitStatus.noMatch.rawValue)
        }
    }

    /// The series the arguments ask for. Several arguments of which one names a topic are one series each;
    /// otherwise the arguments are one query, or one topic. A lone word that names no topic is searched as
    /// a query, and a note says so: it may have been meant as a topic.
    private func series(in podium: PodiumIndex) -> [TrendQuery] {
        let topics = Set(podium.topicNames)
        if words.count > 1, words.contains(where: topics.contains) { return words.map { TrendQuery($0, in: podium) } }
        let one = TrendQuery(words.joined(separator: " "), in: podium)
        if !one.isTopic, !one.text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == ":" }) {
            let known =
                topics.isEmpty
                ? "no topics file was found" : "the topics are: \(podium.topicNames.joined(separator: ", "))"
            StandardError.line("note: '\(one.text)' is not a topic, so it is counted as a query (\(known))")
        }
        return [one]
    }

    private func csv(_ report: TrendReport) -> String {
        var header = [by.value.rawValue]
        for a in report.asked { header += share ? [a.name, a.name + " share"] : [a.name] }
        if share { header.append("statements") }
        var out = Exporter.csvRow(header)
        for (i, label) in report.periods.enumerated() {
            var row = [label]
            for (s, v) in zip(report.series, report.values) {
                row.append(String(s.buckets[i].count))
                if share { row.append(JSONText.number(v[i])) }
            }
            if share { row.append(String(report.totals.buckets.first { $0.label == label }?.count ?? 0)) }
            out += Exporter.csvRow(row)
        }
        return out
    }

    /// A horizontal bar per period, scaled to the terminal.
    private func render(_ series: TrendSeries, values: [Double], title: String, to out: StandardOutput) {
        let style = Style(enabled: Terminal.useColor(color))
        let widest = max(Double.leastNonzeroMagnitude, values.max() ?? 0)
        let barWidth = max(10, min(60, Terminal.width - 24))
        let what =
            share ? "share of each \(series.granularity.rawValue)'s statements" : "by \(series.granularity.rawValue)"
        out.write(style.bold("\(title): \(series.total) statements, \(what)") + "\n")
        for (bucket, value) in zip(series.buckets, values) {
            let length = value <= 0 ? 0 : max(1, Int(value * Double(barWidth) / widest))
            let label = bucket.label.padding(toLength: 9, withPad: " ", startingAt: 0)
            let shown = share ? "\(TrendChart.percent(value)) (\(bucket.count))" : String(bucket.count)
            out.write("\(label) \(style.accent(String(repeating: "█", count: length))) \(shown)\n")
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
