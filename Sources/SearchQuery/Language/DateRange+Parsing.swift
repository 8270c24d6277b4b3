// MARK: - Reading dates from text

extension DateRange {
    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (also with `/` or `.` between the parts, or `YYYYMMDD`), or a
    /// range `A..B` of those where either end may be left open (`2019..`, `..2019-06-30`).
    ///
    /// A single date stands for its whole span: `2019-05` is every day of May 2019.
    /// - Parameter text: The value after `date:`, or one end of ``init(since:until:)``.
    /// - Returns: The range, or `nil` when the text is not a date or the range runs backwards.
    public init?(parsing text: some StringProtocol) {
        let value = String(text)
        if let dots = value.firstRange(of: "..") {
            let left = value[..<dots.lowerBound]
            let right = value[dots.upperBound...]
            if left.isEmpty && right.isEmpty { return nil }
            let lower = left.isEmpty ? DateRange.unbounded.lower : DateRange.span(of: left)?.lower
            let upper = right.isEmpty ? DateRange.unbounded.upper : DateRange.span(of: right)?.upper
            guard let lower, let upper, lower <= upper else { return nil }
            self.init(lower: lower, upper: upper)
        } else {
            guard let span = DateRange.span(of: value[...]) else { return nil }
            self = span
        }
    }

    /// `B..A` when `text` is a range `A..B` of two dates whose end comes before its start, else `nil`: the
    /// range the person who typed it most likely meant.
    static func reversedEnds(_ text: String) -> String? {
        guard let dots = text.firstRange(of: "..") else { return nil }
        let left = text[..<dots.lowerBound]
        let right = text[dots.upperBound...]
        guard let start = span(of: left), let end = span(of: right), end.upper < start.lower else { return nil }
        return "\(right)..\(left)"
    }

    /// The span one date stands for, or `nil`.
    private static func span(of text: Substring) -> DateRange? {
        let bytes = Array(text.utf8)
        var parts: [Int32] = []
        var digits: [UInt8] = []
        var widths: [Int] = []
        for byte in bytes + [0x2D] {
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
            } else if byte == 0x2D || byte == 0x2F || byte == 0x2E {  // - / .
                guard !digits.isEmpty, digits.count <= 8 else { return nil }
                parts.append(digits.reduce(Int32(0)) { $0 &* 10 &+ Int32($1 - 0x30) })
                widths.append(digits.count)
                digits.removeAll(keepingCapacity: true)
            } else {
                return nil
            }
        }
        if parts.count == 1 && widths[0] == 8 {  // 20190503
            let whole = parts[0]
            parts = [whole / 10000, (whole / 100) % 100, whole % 100]
            widths = [4, 2, 2]
        }
        guard !parts.isEmpty, parts.count <= 3, widths[0] == 4 else { return nil }
        let year = parts[0]
        guard year >= 1000 else { return nil }
        if parts.count == 1 { return DateRange(lower: year * 10000, upper: year * 10000 + 9999) }
        let month = parts[1]
        guard (1...12).contains(month), widths[1] <= 2 else { return nil }
        if parts.count == 2 {
            return DateRange(lower: year * 10000 + month * 100, upper: year * 10000 + month * 100 + 99)
        }
        let day = parts[2]
        guard widths[2] <= 2, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let date = year * 10000 + month * 100 + day
        return DateRange(lower: date, upper: date)
    }

    private static func daysIn(month: Int32, year: Int32) -> Int32 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

// MARK: - A start and an end

extension DateRange {
    /// The range from the first day `since` stands for to the last day `until` stands for, each a single
    /// date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as ``init(parsing:)`` reads them, but not a range):
    /// `until: "2019-05"` includes May 31. Either may be `nil`, leaving that end open.
    ///
    /// This is the one rule for a search's start and end dates; callers name the options in their errors.
    /// - Returns: `nil` when both are `nil`: no filter, where even statements of unknown date match.
    /// - Throws: ``DateRangeError`` when either value is not a single date, or the range ends before it
    ///   starts.
    public init?(since: String?, until: String?) throws(DateRangeError) {
        guard since != nil || until != nil else { return nil }
        var range = DateRange.unbounded
        if let since {
            guard let span = DateRange.singleDate(since) else {
                throw DateRangeError(.invalidStart, start: since, end: until)
            }
            range.lower = span.lower
        }
        if let until {
            guard let span = DateRange.singleDate(until) else {
                throw DateRangeError(.invalidEnd, start: since, end: until)
            }
            range.upper = span.upper
        }
        guard range.lower <= range.upper else { throw DateRangeError(.reversed, start: since, end: until) }
        self = range
    }

    /// The span of one date, or `nil` when `text` is not a date or is a range.
    private static func singleDate(_ text: String) -> DateRange? {
        text.contains("..") ? nil : DateRange(parsing: text)
    }
}
