/// Why a start and an end date make no ``DateRange`` (see ``DateRange/init(since:until:)``).
///
/// The error names no option: a caller that took the dates from options (`--since`, `--until`) words its
/// message with their names, by the ``code``.
public struct DateRangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of mistake.
    public enum Code: Hashable, Sendable {
        /// The start is not a single date.
        case invalidStart
        /// The end is not a single date.
        case invalidEnd
        /// The end is before the start.
        case reversed
    }

    /// The kind of mistake.
    public var code: Code
    /// The start as given, `nil` when open.
    public var start: String?
    /// The end as given, `nil` when open.
    public var end: String?

    /// An error of kind `code` about the dates `start` and `end`, as given.
    public init(_ code: Code, start: String?, end: String?) {
        self.code = code
        self.start = start
        self.end = end
    }

    /// What went wrong, in words, naming the value at fault.
    public var description: String {
        switch code {
        case .invalidStart: return "the start '\(start ?? "")' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
        case .invalidEnd: return "the end '\(end ?? "")' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
        case .reversed: return "the end '\(end ?? "")' is before the start '\(start ?? "")'"
        }
    }
}
