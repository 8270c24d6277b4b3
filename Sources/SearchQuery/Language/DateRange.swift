/// An inclusive range of dates as `yyyymmdd` integers, the form of the index's `date` column.
///
/// A month is stored as `yyyymm00...yyyymm99` and a year as `yyyy0000...yyyy9999`, so that every real
/// day in them is inside without calendar arithmetic. An unknown date (`0` in the index) matches no range.
public struct DateRange: Hashable, Sendable {
    /// The first day, inclusive.
    public var lower: Int32
    /// The last day, inclusive.
    public var upper: Int32

    /// The range `lower...upper` (empty when `lower > upper`).
    public init(lower: Int32, upper: Int32) {
        self.lower = lower
        self.upper = upper
    }

    /// Every known date.
    public static let unbounded = DateRange(lower: 1, upper: Int32.max)

    /// Whether `date` (`yyyymmdd`, `0` unknown) is inside.
    @inline(__always)
    public func contains(_ date: Int32) -> Bool { date != 0 && date >= lower && date <= upper }

    /// The overlap of two ranges (empty ranges have `lower > upper`).
    public func intersection(_ other: DateRange) -> DateRange {
        DateRange(lower: max(lower, other.lower), upper: min(upper, other.upper))
    }
}
