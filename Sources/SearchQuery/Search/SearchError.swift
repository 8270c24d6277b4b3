/// A search that could not be answered.
public enum SearchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The query has no reading; the error carries the spot.
    case syntax(QuerySyntaxError)
    /// `topic:NAME` or `--topic NAME` names no topic of the topics file.
    case unknownTopic(String, known: [String])
    /// A facet names a column the index does not have.
    case unknownFacet(String, known: [String])
    /// The index could not be read (a damaged file): the message names it.
    case index(String)
    /// The task running the search was cancelled (a server's time limit): the scoring loops stopped early.
    case cancelled

    /// The message for the person who searched.
    public var description: String {
        switch self {
        case .syntax(let error): return error.description
        case .unknownTopic(let name, let known):
            return "no topic named '\(name)'; the topics are: \(known.joined(separator: ", "))"
        case .unknownFacet(let name, let known):
            return "no column named '\(name)' to count; the columns are: \(known.joined(separator: ", "))"
        case .index(let message): return message
        case .cancelled: return "the search was stopped before it finished"
        }
    }
}
