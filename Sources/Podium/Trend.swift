/// How a trend groups dates.
public enum TrendGranularity: String, CaseIterable, Sendable {
    /// Calendar months (`2019-05`), quarters (`2019-Q2`) or years (`2019`).
    case month, quarter, year

    /// The bucket label of an ISO date (`2019-05-09` → `2019-05`, `2019-Q2`, `2019`), or `nil` when the
    /// date is not of that form.
    public func bucket(of date: String) -> String? {
        let u = Array(date.utf8)
        guard u.count >= 7, u[4] == UInt8(ascii: "-"),
            let year = Int(String(decoding: u[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: u[5..<7], as: UTF8.self)), (1...12).contains(month)
        else { return nil }
        return label(year: year, index: index(month: month))
    }

    private func index(month: Int) -> Int {
        switch self {
        case .month: month
        case .quarter: (month - 1) / 3 + 1
        case .year: 1
        }
    }

    private var perYear: Int {
        switch self {
        case .month: 12
        case .quarter: 4
        case .year: 1
        }
    }

    private func label(year: Int, index: Int) -> String {
        switch self {
        case .month: index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
        case .quarter: "\(year)-Q\(index)"
        case .year: "\(year)"
        }
    }

    /// Every bucket label from `first` to `last` inclusive, so gaps show as zero.
    func labels(from first: String, to last: String) -> [String] {
        func parse(_ label: String) -> (Int, Int)? {
            let parts = label.split(separator: "-")
            guard let year = Int(parts[0]) else { return nil }
            if parts.count == 1 { return (year, 1) }
            let rest = parts[1].hasPrefix("Q") ? parts[1].dropFirst() : parts[1]
            guard let i = Int(rest) else { return nil }
            return (year, i)
        }
        guard let (y0, i0) = parse(first), let (y1, i1) = parse(last) else { return [] }
        var out: [String] = []
        var (y, i) = (y0, i0)
        while y < y1 || (y == y1 && i <= i1) {
            out.append(label(year: y, index: i))
            i += 1
            if i > perYear { (y, i) = (y + 1, 1) }
        }
        return out
    }
}

/// Matches counted per period, oldest first, empty periods included.
public struct TrendSeries: Sendable, Equatable {
    /// The period each bucket covers.
    public var granularity: TrendGranularity
    /// One bucket per period from the first match to the last, oldest first.
    public var buckets: [(label: String, count: Int)]
    /// Matches without a usable date, left out of the buckets.
    public var undated: Int

    /// Whether two series count the same periods alike.
    public static func == (a: TrendSeries, b: TrendSeries) -> Bool {
        a.granularity == b.granularity && a.undated == b.undated
            && a.buckets.map(\.label) == b.buckets.map(\.label) && a.buckets.map(\.count) == b.buckets.map(\.count)
    }

    /// Counts `dates` (ISO `YYYY-MM-DD`) per period.
    public init(dates: some Sequence<String>, by granularity: TrendGranularity) {
        self.granularity = granularity
        var counts: [String: Int] = [:]
        var undated = 0
        for date in dates {
            if let label = granularity.bucket(of: date) {
                counts[label, default: 0] += 1
            } else {
                undated += 1
            }
        }
        self.undated = undated
        let keys = counts.keys.sorted()
        if let first = keys.first, let last = keys.last {
            buckets = granularity.labels(from: first, to: last).map { ($0, counts[$0] ?? 0) }
        } else {
            buckets = []
        }
    }

    /// Dated matches in all.
    public var total: Int { buckets.reduce(0) { $0 + $1.count } }
}
