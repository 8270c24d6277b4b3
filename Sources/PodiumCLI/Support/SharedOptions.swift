import ArgumentParser
import Foundation
import Podium

/// `--index` and `--topics`, shared by every command that reads the index.
struct IndexOptions: ParsableArguments {
    /// The index directory when `--index` is not given: `PODIUM_INDEX`, else `Index`.
    static var defaultIndex: String {
        let value = ProcessInfo.processInfo.environment["PODIUM_INDEX"] ?? ""
        return value.isEmpty ? "Index" : value
    }

    @Option(help: "The index directory (or the PODIUM_INDEX environment variable).")
    var index: String = IndexOptions.defaultIndex

    @Option(help: "The topics file. (default: the copy kept in the index, else Corpus/topics.toml)")
    var topics: String?

    /// Where to open the index, and with which topics.
    var location: IndexLocation { IndexLocation(index: index, topics: topics) }
}

/// `--since` and `--until`, shared by the commands that filter by date.
struct DateOptions: ParsableArguments {
    @Option(help: "Only statements dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only statements dated on or before this date.")
    var until: String?

    /// A search for `query` and `topic` within these dates.
    func search(
        query: String?,
        topic: String?,
        limit: Int = 10,
        requireAll: Bool = false,
        explain: Bool = false,
        excerpts: Bool = true
    ) -> SearchOptions {
        SearchOptions(
            query: query,
            topic: topic,
            since: since,
            until: until,
            limit: limit,
            requireAll: requireAll,
            explain: explain,
            excerpts: excerpts
        )
    }
}

/// The query, the topic and the dates, read the same way by `search` and `export`.
///
/// `trend` takes a topic name or a query in one argument, and shares only `DateOptions` and `IndexOptions`.
struct QueryOptions: ParsableArguments {
    @Argument(
        help: "The query, in the language of 'podium search --help' (several arguments are joined with spaces)."
    )
    var words: [String] = []

    @Option(help: "A topic that reorders the matches (or, without a query, ranks statements on its own).")
    var topic: String?

    @OptionGroup var dates: DateOptions

    /// Proximity settings for tuning runs (`weight=0.3,window=8`, or `off`), read by the facade.
    @Option(help: .hidden)
    var proximity: String?

    /// The words joined into one query.
    var query: String { words.joined(separator: " ") }

    /// Whether neither a query nor a topic was given.
    var isEmpty: Bool { words.isEmpty && topic == nil }

    /// A search for these words (or `query`, for one line of a batch), topic and dates.
    func search(
        query: String? = nil,
        limit: Int,
        requireAll: Bool,
        explain: Bool = false,
        excerpts: Bool = true
    ) -> SearchOptions {
        var options = dates.search(
            query: query ?? self.query,
            topic: topic,
            limit: limit,
            requireAll: requireAll,
            explain: explain,
            excerpts: excerpts
        )
        options.proximity = proximity
        return options
    }
}
