import Foundation

/// Draws one or several trends as a standalone SVG chart for reports: a title, a caption saying what was
/// counted where, a labelled y axis with round tick values, and period labels under the x axis.
///
/// One series is drawn as bars with their values above them; several as lines in distinct colours with a
/// legend, over the same periods. Text is set in fonts that hold Chinese (`Noto Sans CJK SC` and its
/// peers) before the generic `sans-serif`, so a Chinese title or query does not come out as boxes.
public struct TrendChart: Sendable {
    /// One line or set of bars: its name in the legend and one value per period.
    public struct Line: Sendable {
        /// The legend's text (a topic's label, or a query).
        public var name: String
        /// One value per period of the chart, in order: counts, or shares in [0, 1].
        public var values: [Double]

        /// A series named `name`.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The heading above the chart.
    public var title: String
    /// The small print under the chart: the index, the query and the date range.
    public var caption: String
    /// The period labels (`2019-05`, `2019-Q2`, `2019`), oldest first.
    public var periods: [String]
    /// The period's kind, which decides how sparse labels are kept readable.
    public var granularity: TrendGranularity
    /// The series drawn, each with one value per period.
    public var lines: [Line]
    /// Whether the values are shares of all statements (the axis then reads in percent).
    public var isShare: Bool
    /// The picture's width in pixels.
    public var width: Int = 960
    /// The picture's height in pixels.
    public var height: Int = 440

    /// The font list of every text: Chinese-capable fonts first.
    public static let fontFamily =
        "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', "
        + "Helvetica, Arial, sans-serif"

    /// A chart of `lines` over `periods`.
    public init(
        title: String,
        caption: String = "",
        periods: [String],
        granularity: TrendGranularity,
        lines: [Line],
        isShare: Bool = false
    ) {
        self.title = title
        self.caption = caption
        self.periods = periods
        self.granularity = granularity
        self.lines = lines
        self.isShare = isShare
    }

    /// A chart of one series of counts.
    public init(title: String, caption: String = "", series: TrendSeries) {
        self.init(
            title: title,
            caption: caption,
            periods: series.buckets.map(\.label),
            granularity: series.granularity,
            lines: [Line(name: title, values: series.buckets.map { Double($0.count) })]
        )
    }

    private static let colours = ["#3b6ea5", "#d1603d", "#3a9a5b", "#8e5ea2", "#c9a227", "#5f6b73"]

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let legendRows = lines.count > 1 ? (lines.count + 2) / 3 : 0
        let left = 72.0, right = 24.0, top = 56.0 + 18.0 * Double(legendRows), bottom = 104.0
        let plotW = Double(width) - left - right
        let plotH = Double(height) - top - bottom
        let maxValue = lines.flatMap(\.values).max() ?? 0
        let ticks = Self.ticks(upTo: maxValue, isShare: isShare)
        let axisMax = ticks.last ?? 1
        let n = max(1, periods.count)
        let slot = plotW / Double(n)
        func y(_ value: Double) -> Double { top + plotH - plotH * value / axisMax }
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="\(Self.fontFamily)">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="30" text-anchor="middle" font-size="18" font-weight="bold">\
            \(Self.escaped(title))</text>

            """
        for (i, line) in lines.enumerated() where lines.count > 1 {
            let lx = left + Double(i % 3) * plotW / 3, ly = 52.0 + 18.0 * Double(i / 3)
            out += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 10))\" width=\"14\" height=\"4\" fill=\"\(colour(i))\"/>\n"
            out += "<text x=\"\(f(lx + 20))\" y=\"\(f(ly - 4))\" font-size=\"12\">\(Self.escaped(line.name))</text>\n"
        }
        for tick in ticks {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(tick)))\" "
            out += "stroke=\"#e0e0e0\"/>\n"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\" font-size=\"12\">"
            out += "\(tickLabel(tick))</text>\n"
        }
        out +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"black\"/>\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" "
        out += "stroke=\"black\"/>\n"
        let axisName = isShare ? "share of all statements" : "statements"
        out += "<text x=\"18\" y=\"\(f(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"13\" "
        out += "transform=\"rotate(-90 18 \(f(top + plotH / 2)))\">\(axisName)</text>\n"
        out += "<text x=\"\(f(left + plotW / 2))\" y=\"\(height - 30)\" text-anchor=\"middle\" font-size=\"13\">"
        out += "\(granularity.rawValue)</text>\n"
        out += "<text x=\"\(f(left))\" y=\"\(height - 10)\" font-size=\"11\" fill=\"#555\">"
        out += "\(Self.escaped(caption))</text>\n"

        if lines.count == 1 {
            out += bars(lines[0].values, slot: slot, y: y, x: x, bottom: top + plotH)
        } else {
            for (i, line) in lines.enumerated() {
                let points = line.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }
                out += "<polyline fill=\"none\" stroke=\"\(colour(i))\" stroke-width=\"2\" "
                out += "points=\"\(points.joined(separator: " "))\"/>\n"
            }
        }
        let labelled = labelledPeriods(plotWidth: plotW)
        for i in periods.indices {
            guard let text = labelled[i] else { continue }
            let lx = x(i), ly = top + plotH + 14
            out += "<line x1=\"\(f(lx))\" y1=\"\(f(top + plotH))\" x2=\"\(f(lx))\" y2=\"\(f(top + plotH + 4))\" "
            out += "stroke=\"black\"/>\n"
            out += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"end\" font-size=\"11\" "
            out += "transform=\"rotate(-45 \(f(lx)) \(f(ly)))\">\(Self.escaped(text))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// Bars with their values above them (where they fit), each with a tooltip.
    private func bars(
        _ values: [Double],
        slot: Double,
        y: (Double) -> Double,
        x: (Int) -> Double,
        bottom: Double
    ) -> String {
        var out = ""
        let barW = max(1, slot * 0.7)
        for (i, value) in values.enumerated() {
            let top = y(value)
            out += "<rect x=\"\(f(x(i) - barW / 2))\" y=\"\(f(top))\" width=\"\(f(barW))\" "
            out += "height=\"\(f(bottom - top))\" fill=\"\(colour(0))\">"
            out += "<title>\(Self.escaped(periods[i])): \(valueLabel(value))</title></rect>\n"
            if value > 0 && barW >= 22 {
                out += "<text x=\"\(f(x(i)))\" y=\"\(f(top - 4))\" text-anchor=\"middle\" font-size=\"11\">"
                out += "\(valueLabel(value))</text>\n"
            }
        }
        return out
    }

    /// Which periods get a label, and what it says: every period when they fit; else one in every 2, 3 or
    /// 6 months, 2 quarters, or whole years (a year's first period labelled with the year alone), then
    /// every 2, 5, 10… years, so labels never crowd and always fall on the same calendar spot.
    func labelledPeriods(plotWidth: Double) -> [Int: String] {
        let room = max(1, Int(plotWidth / 36))
        let n = periods.count
        var result: [Int: String] = [:]
        if n <= room {
            for (i, p) in periods.enumerated() { result[i] = p }
            return result
        }
        let perYear = granularity == .month ? 12 : granularity == .quarter ? 4 : 1
        let withinYear = granularity == .month ? [2, 3, 6] : granularity == .quarter ? [2] : []
        if let step = withinYear.first(where: { n / $0 <= room }) {
            for (i, p) in periods.enumerated() where (index(of: p) - 1) % step == 0 { result[i] = p }
            return result
        }
        let years = max(1, (n / perYear) + 1)
        let everyYears = [1, 2, 5, 10, 20, 50].first { years / $0 <= room } ?? 100
        for (i, p) in periods.enumerated() where index(of: p) == 1 {
            let year = Int(p.prefix(4)) ?? 0
            if year % everyYears == 0 || everyYears == 1 { result[i] = String(p.prefix(4)) }
        }
        return result
    }

    /// The month or quarter number of a period label (1 for a year).
    private func index(of period: String) -> Int {
        let rest = period.dropFirst(5)
        return Int(rest.hasPrefix("Q") ? rest.dropFirst() : rest) ?? 1
    }

    /// Round tick values from 0 to at least `maxValue`: 1, 2 or 5 times a power of ten apart, at most
    /// about six of them; for shares, never above 100%.
    static func ticks(upTo maxValue: Double, isShare: Bool) -> [Double] {
        let top = maxValue > 0 ? maxValue : (isShare ? 0.01 : 1)
        var magnitude = isShare ? 0.0001 : 1.0
        while true {
            for m in [1.0, 2.0, 5.0] where top / (m * magnitude) <= 6 {
                let step = m * magnitude
                let count = Int((top / step).rounded(.up))
                return (0...count).map { Double($0) * step }
            }
            magnitude *= 10
        }
    }

    private func tickLabel(_ value: Double) -> String {
        isShare ? Self.percent(value) : String(Int(value.rounded()))
    }

    private func valueLabel(_ value: Double) -> String {
        isShare ? Self.percent(value) : String(Int(value.rounded()))
    }

    /// `0.125` → `12.5%`; small shares keep two decimals.
    public static func percent(_ value: Double) -> String {
        let p = value * 100
        if p == 0 { return "0%" }
        return p < 1 ? String(format: "%.2f%%", p) : p < 10 ? String(format: "%.1f%%", p) : String(format: "%.0f%%", p)
    }

    private func colour(_ i: Int) -> String { Self.colours[i % Self.colours.count] }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func f(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }
}
