import ArgumentParser

/// `--index` and `--topics`, shared by every command that reads the index.
struct IndexOptions: ParsableArguments {
    @Option(help: "The index directory.")
    var index: String = "Index"

    @Option(help: "The topics file. (default: Corpus/topics.toml)")
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
}
