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

    /// The bucket of a `--since` or `--until` value (`2019`, `2019-05`, `2019-05-09`): a year alone counts
    /// from its first month (`isEnd` false) or to its last.
    public func bucket(ofBound text: String, isEnd: Bool) -> String? {
        switch text.utf8.count {
        case 4: bucket(of: text + (isEnd ? "-12-31" : "-01-01"))
        case 7: bucket(of: text + "-01")
        default: bucket(of: text)
        }
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

    /// Counts `dates` (ISO `YYYY-MM-DD`) per period, from the period of `first` (a bucket label; else the
    /// first date's) to that of `last` (else the last date's), so that a chart's axis starts at `--since`
    /// and several series share their periods.
    public init(
        dates: some Sequence<String>,
        by granularity: TrendGranularity,
        first: String? = nil,
        last: String? = nil
    ) {
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
        if let from = first ?? keys.first, let to = last ?? keys.last {
            buckets = granularity.labels(from: from, to: to).map { ($0, counts[$0] ?? 0) }
        } else {
            buckets = []
        }
    }

    /// One series per list of dates, over the same periods: from `since` (else the earliest date of any
    /// list) to `until` (else the latest).
    public static func aligned(
        _ lists: [[String]],
        by granularity: TrendGranularity,
        since: String? = nil,
        until: String? = nil
    ) -> [TrendSeries] {
        let labels = lists.joined().compactMap { granularity.bucket(of: $0) }
        let first = since.flatMap { granularity.bucket(ofBound: $0, isEnd: false) } ?? labels.min()
        let last = until.flatMap { granularity.bucket(ofBound: $0, isEnd: true) } ?? labels.max()
        return lists.map { TrendSeries(dates: $0, by: granularity, first: first, last: last) }
    }

    /// Each period's count divided by `all`'s count of the same period (the statements of that period in
    /// all): a value in [0, 1], 0 for a period without statements.
    public func shares(of all: TrendSeries) -> [Double] {
        var totals: [String: Int] = [:]
        for bucket in all.buckets { totals[bucket.label] = bucket.count }
        return buckets.map { bucket in
            guard let total = totals[bucket.label], total > 0 else { return 0 }
            return Double(bucket.count) / Double(total)
        }
    }

    /// Dated matches in all.
    public var total: Int { buckets.reduce(0) { $0 + $1.count } }
}
