/// One series of a trend: a topic of the index, or a query.
public struct TrendQuery: Sendable {
    /// The topic's name or the query's text.
    public var text: String
    /// Whether `text` names a topic.
    public var isTopic: Bool
    /// The name the chart gives it: the topic's label, or the query.
    public var name: String

    /// `topic:NAME` for a topic, the query itself otherwise, for captions.
    public var queryText: String { isTopic ? "topic:\(text)" : text }

    /// `text` as a topic when `index` has a topic of that name, else as a query.
    public init(_ text: String, in index: PodiumIndex) {
        self.text = text
        isTopic = index.topicNames.contains(text)
        name = isTopic ? (index.topicLabel(text) ?? text) : text
    }
}

/// How often each of some topics or queries comes up per period: what `podium trend` prints and draws.
public struct TrendReport: Sendable {
    /// The series asked for.
    public var asked: [TrendQuery]
    /// Months, quarters or years.
    public var granularity: TrendGranularity
    /// Whether the values are shares of each period's statements.
    public var isShare: Bool
    /// The counts per period of each series, aligned on the same periods.
    public var series: [TrendSeries]
    /// The values drawn: counts, or shares when `isShare`.
    public var values: [[Double]]
    /// Every statement's count per period (empty unless `isShare`).
    public var totals: TrendSeries

    /// The periods, oldest first.
    public var periods: [String] { series.first?.buckets.map(\.label) ?? [] }

    /// Counts the statements matching each of `asked` in `index` per period.
    /// - Throws: `.usage` for a query without a reading or a bad date; `.index` for a damaged index.
    public init(
        _ asked: [TrendQuery],
        in index: PodiumIndex,
        by granularity: TrendGranularity,
        since: String? = nil,
        until: String? = nil,
        share: Bool = false
    ) throws(PodiumError) {
        var lists: [[String]] = []
        for a in asked {
            let options = SearchOptions(
                query: a.isTopic ? nil : a.text,
                topic: a.isTopic ? a.text : nil,
                since: since,
                until: until
            )
            lists.append(try index.matchingDates(options))
        }
        // Every statement's date, for the shares: how many statements each period holds in all.
        let all = share ? try index.statementDates(since: since, until: until) : []
        self.asked = asked
        self.granularity = granularity
        isShare = share
        series = TrendSeries.aligned(lists, by: granularity, since: since, until: until)
        let periods = series.first?.buckets.map(\.label) ?? []
        totals = TrendSeries(dates: all, by: granularity, first: periods.first, last: periods.last)
        let totals = totals
        values = series.map { s in share ? s.shares(of: totals) : s.buckets.map { Double($0.count) } }
    }

    /// `index Index · topic:ip · 2018-01 to 2024-12 · 123 matching statements`.
    public func caption(index: String) -> String {
        var parts = ["index \(index)", asked.map(\.queryText).joined(separator: " | ")]
        if let first = periods.first, let last = periods.last { parts.append("\(first) to \(last)") }
        let total = series.reduce(0) { $0 + $1.total }
        parts.append("\(total) matching statement\(total == 1 ? "" : "s")\(isShare ? ", as shares of all" : "")")
        return parts.joined(separator: " · ")
    }

    /// The chart of every series, titled with their names.
    public func chart(index: String) -> TrendChart {
        TrendChart(
            title: asked.count == 1 ? asked[0].name : asked.map(\.name).joined(separator: ", "),
            caption: caption(index: index),
            periods: periods,
            granularity: granularity,
            lines: zip(asked, values).map { TrendChart.Line(name: $0.0.name, values: $0.1) },
            isShare: isShare
        )
    }

    /// What `podium trend --format json` prints: one series' fields at the top level, several in `series`.
    public var json: String {
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
                if isShare {
                    row.add("statements", statements[b.label] ?? 0)
                    row.add("share", pair.1[i])
                }
                return row.result
            }
            o.add("buckets", raw: "[" + rows.joined(separator: ",") + "]")
            return o.result
        }
        var o = JSONObjectWriter()
        o.add("by", granularity.rawValue)
        if isShare { o.add("share", true) }
        if asked.count == 1 {
            // One series keeps the shape scripts already read: its fields at the top level.
            return String((o.result.dropLast() + "," + objects[0].dropFirst()))
        }
        o.add("series", raw: "[" + objects.joined(separator: ",") + "]")
        return o.result
    }
}
