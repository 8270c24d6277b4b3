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

    /// One series asked for: a topic or a query, with the name it goes by in the chart.
    struct Asked {
        var text: String
        var isTopic: Bool
        var name: String
        var queryText: String { isTopic ? "topic:\(text)" : text }
    }

    func run() throws {
        let svgFile = svg.map { OutputFile(path: $0, option: "--svg") }
        svgFile?.check()
        let podium = try indexOptions.location.open()
        let asked = series(in: podium)
        let lists = try asked.map { a in
            let options = dates.search(query: a.isTopic ? nil : a.text, topic: a.isTopic ? a.text : nil)
            return try handlingErrors { () throws(PodiumError) in try podium.matchingDates(options) }
        }
        // Every statement's date, for the shares: how many statements each period holds in all.
        let all = try handlingErrors { () throws(PodiumError) in
            share ? try podium.statementDates(since: dates.since, until: dates.until) : []
        }
        let aligned = TrendSeries.aligned(lists, by: by.value, since: dates.since, until: dates.until)
        let periods = aligned.first?.buckets.map(\.label) ?? []
        let totals = TrendSeries(dates: all, by: by.value, first: periods.first, last: periods.last)
        let values = aligned.map { s in share ? s.shares(of: totals) : s.buckets.map { Double($0.count) } }
        let out = StandardOutput()
        switch format {
        case .text:
            for (a, (s, v)) in zip(asked, zip(aligned, values)) { render(s, values: v, title: a.name, to: out) }
        case .csv: out.write(csv(asked, aligned, values, totals: totals))
        case .json: out.write(json(asked, aligned, values, totals: totals) + "\n")
        }
        out.flush()
        if let svg {
            let chart = TrendChart(
                title: asked.count == 1 ? asked[0].name : asked.map(\.name).joined(separator: ", "),
                caption: caption(asked, periods: periods, index: podium.directory, matches: aligned),
                periods: periods,
                granularity: by.value,
                lines: zip(asked, values).map { TrendChart.Line(name: $0.0.name, values: $0.1) },
                isShare: share
            )
            svgFile?.write { try $0.write(contentsOf: Data(chart.svg().utf8)) }
            StandardError.line("wrote \(svg)")
        }
        if aligned.allSatisfy({ $0.total == 0 }) {
            StandardError.line("No dated statement matches.")
            throw ExitCode(ExitStatus.noMatch.rawValue)
        }
    }

    /// The series the arguments ask for. Several arguments of which one names a topic are one series each;
    /// otherwise the arguments are one query, or one topic. A lone word that names no topic is searched as
    /// a query, and a note says so: it may have been meant as a topic.
    private func series(in podium: PodiumIndex) -> [Asked] {
        let topics = Set(podium.topicNames)
        func asked(_ text: String) -> Asked {
            let isTopic = topics.contains(text)
            let name = isTopic ? (podium.topicLabel(text) ?? text) : text
            return Asked(text: text, isTopic: isTopic, name: name)
        }
        if words.count > 1, words.contains(where: topics.contains) { return words.map(asked) }
        let one = asked(words.joined(separator: " "))
        if !one.isTopic, !one.text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == ":" }) {
            let known =
                topics.isEmpty
                ? "no topics file was found" : "the topics are: \(podium.topicNames.joined(separator: ", "))"
            StandardError.line("note: '\(one.text)' is not a topic, so it is counted as a query (\(known))")
        }
        return [one]
    }

    /// `index Index · topic:ip · 2018-01 to 2024-12 · 123 matching statements`.
    private func caption(_ asked: [Asked], periods: [String], index: String, matches: [TrendSeries]) -> String {
        var parts = ["index \(index)", asked.map(\.queryText).joined(separator: " | ")]
        if let first = periods.first, let last = periods.last { parts.append("\(first) to \(last)") }
        let total = matches.reduce(0) { $0 + $1.total }
        parts.append("\(total) matching statement\(total == 1 ? "" : "s")\(share ? ", as shares of all" : "")")
        return parts.joined(separator: " · ")
    }

    private func csv(_ asked: [Asked], _ series: [TrendSeries], _ values: [[Double]], totals: TrendSeries) -> String {
        var header = [by.value.rawValue]
        for a in asked { header += share ? [a.name, a.name + " share"] : [a.name] }
        if share { header.append("statements") }
        var out = Exporter.csvRow(header)
        for (i, label) in (series.first?.buckets.map(\.label) ?? []).enumerated() {
            var row = [label]
            for (s, v) in zip(series, values) {
                row.append(String(s.buckets[i].count))
                if share { row.append(JSONText.number(v[i])) }
            }
            if share { row.append(String(totals.buckets.first { $0.label == label }?.count ?? 0)) }
            out += Exporter.csvRow(row)
        }
        return out
    }

    private func json(_ asked: [Asked], _ series: [TrendSeries], _ values: [[Double]], totals: TrendSeries) -> String {
        var statements: [String: Int] = [:]
        for b in totals.buckets { statements[b.label] = b.count }
        let objects = zip(asked, zip(series, values)).map { a, pair -> String in
            var o = JSONObjectWriter()
            o.add(a.isTopic ? "topic" : "query", a.text)
            o.add("name", a.name)
            o.add("total", pair.0.total)
            o.add("undated", pair.0.undated)
            let rows = pair.0.buckets.enumerated().map { i, b -> String in
                var row = JSONObjectWriter()
                row.add("period", b.label)
                row.add("count", b.count)
                if share {
                    row.add("statements", statements[b.label] ?? 0)
                    row.add("share", pair.1[i])
                }
                return row.result
            }
            o.add("buckets", raw: "[" + rows.joined(separator: ",") + "]")
            return o.result
        }
        var o = JSONObjectWriter()
        o.add("by", by.value.rawValue)
        if share { o.add("share", true) }
        if asked.count == 1 {
            // One series keeps the shape scripts already read: its fields at the top level.
            return String((o.result.dropLast() + "," + objects[0].dropFirst()))
        }
        o.add("series", raw: "[" + objects.joined(separator: ",") + "]")
        return o.result
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
