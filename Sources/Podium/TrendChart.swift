import Foundation

/// Draws a trend as a standalone SVG bar chart for reports: a title, a labelled y axis with round
/// tick values, one bar per period with its count above it, and period labels under the x axis.
public struct TrendChart: Sendable {
    /// The heading above the chart.
    public var title: String
    /// The counts drawn.
    public var series: TrendSeries
    /// The picture's width in pixels.
    public var width: Int = 960
    /// The picture's height in pixels.
    public var height: Int = 420

    /// A chart of `series` under `title`.
    public init(title: String, series: TrendSeries) {
        self.title = title
        self.series = series
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let left = 64.0, right = 24.0, top = 56.0, bottom = 88.0
        let plotW = Double(width) - left - right
        let plotH = Double(height) - top - bottom
        let maxCount = max(1, series.buckets.map(\.count).max() ?? 1)
        let step = Self.niceStep(for: maxCount)
        let axisMax = ((maxCount + step - 1) / step) * step
        let n = max(1, series.buckets.count)
        let slot = plotW / Double(n)
        let barW = max(1, slot * 0.7)
        // Label every k-th period so labels never overlap.
        let labelEvery = max(1, Int((Double(n) * 34 / plotW).rounded(.up)))

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="Helvetica, Arial, sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="30" text-anchor="middle" font-size="18" font-weight="bold">\
            \(Self.escaped(title))</text>

            """
        // Y axis with ticks and grid lines.
        var tick = 0
        while tick <= axisMax {
            let y = top + plotH - plotH * Double(tick) / Double(axisMax)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" "
            out += "stroke=\"#e0e0e0\"/>\n"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"12\">\(tick)</text>\n"
            tick += step
        }
        out +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"black\"/>\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" "
        out += "stroke=\"black\"/>\n"
        out += "<text x=\"18\" y=\"\(f(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"13\" "
        out += "transform=\"rotate(-90 18 \(f(top + plotH / 2)))\">statements</text>\n"
        out += "<text x=\"\(f(left + plotW / 2))\" y=\"\(height - 12)\" text-anchor=\"middle\" font-size=\"13\">"
        out += "\(series.granularity.rawValue)</text>\n"

        for (i, bucket) in series.buckets.enumerated() {
            let x = left + slot * Double(i) + (slot - barW) / 2
            let h = plotH * Double(bucket.count) / Double(axisMax)
            let y = top + plotH - h
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barW))\" height=\"\(f(h))\" fill=\"#3b6ea5\">"
            out += "<title>\(Self.escaped(bucket.label)): \(bucket.count)</title></rect>\n"
            if bucket.count > 0 && barW >= 14 {
                out += "<text x=\"\(f(x + barW / 2))\" y=\"\(f(y - 4))\" text-anchor=\"middle\" font-size=\"11\">"
                out += "\(bucket.count)</text>\n"
            }
            if i % labelEvery == 0 {
                let lx = x + barW / 2, ly = top + plotH + 14
                out += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"end\" font-size=\"11\" "
                out += "transform=\"rotate(-45 \(f(lx)) \(f(ly)))\">\(Self.escaped(bucket.label))</text>\n"
            }
        }
        out += "</svg>\n"
        return out
    }

    /// 1, 2 or 5 times a power of ten, giving at most about six ticks.
    static func niceStep(for maxValue: Int) -> Int {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where maxValue / (m * magnitude) <= 6 { return m * magnitude }
            magnitude *= 10
        }
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func f(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }
}
