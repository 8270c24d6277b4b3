import SearchIndex

/// What the statements of an index cover: their dates, languages and kinds, and who speaks and asks most.
public struct IndexCoverage: Sendable {
    /// A value and the number of statements that have it.
    public struct Count: Sendable, Hashable {
        /// The value.
        public var value: String
        /// The live statements that have it.
        public var count: Int
    }

    /// The earliest date (`YYYY-MM-DD`), or `nil` when no statement is dated.
    public var firstDate: String?
    /// The latest date, or `nil`.
    public var lastDate: String?
    /// Statements without a date.
    public var undated: Int
    /// Every language with its statements, the most first.
    public var languages: [Count]
    /// Every kind with its statements, the most first.
    public var kinds: [Count]
    /// The speakers with the most statements (at most `top`).
    public var speakers: [Count]
    /// The outlets asking the most questions (at most `top`).
    public var outlets: [Count]
    /// How many distinct speakers and outlets there are in all.
    public var speakerCount: Int
    /// See `speakerCount`.
    public var outletCount: Int

    /// Reads the date and columns of every live statement of `snapshot`.
    ///
    /// - Complexity: O(statements); each segment's column values are turned into strings once.
    static func read(_ snapshot: IndexSnapshot, top: Int) throws(IndexError) -> IndexCoverage {
        var first = Int32.max
        var last: Int32 = 0
        var undated = 0
        let columns = [
            StatementSchema.languageColumn, StatementSchema.kindColumn, StatementSchema.speakerColumn,
            StatementSchema.outletColumn,
        ]
        var totals = [[String: Int]](repeating: [:], count: columns.count)
        for segment in snapshot.segments {
            let readers = columns.map { segment.column($0) }
            var counts = readers.map { [Int](repeating: 0, count: $0.valueCount + 1) }
            for d in 0..<Int32(segment.maxDoc) where !segment.isDeleted(d) {
                let date = segment.date(d)
                if date > 0 {
                    first = min(first, date)
                    last = max(last, date)
                } else {
                    undated += 1
                }
                for k in readers.indices { counts[k][Int(readers[k].ordinal(d))] += 1 }
            }
            for k in readers.indices {
                for (ordinal, count) in counts[k].enumerated().dropFirst() where count > 0 {
                    totals[k][try readers[k].value(ofOrdinal: UInt32(ordinal)), default: 0] += count
                }
            }
        }
        try snapshot.checkDamage()
        func ranked(_ counts: [String: Int]) -> [Count] {
            counts.map { Count(value: $0.key, count: $0.value) }.sorted { a, b in
                a.count != b.count ? a.count > b.count : a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
            }
        }
        return IndexCoverage(
            firstDate: last > 0 ? Self.text(first) : nil,
            lastDate: last > 0 ? Self.text(last) : nil,
            undated: undated,
            languages: ranked(totals[0]),
            kinds: ranked(totals[1]),
            speakers: Array(ranked(totals[2]).prefix(top)),
            outlets: Array(ranked(totals[3]).prefix(top)),
            speakerCount: totals[2].count,
            outletCount: totals[3].count
        )
    }

    /// 20190509 → `2019-05-09`.
    static func text(_ key: Int32) -> String {
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(key / 10_000)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year
            + "-\(two(key / 100 % 100))-\(two(key % 100))"
    }
}
