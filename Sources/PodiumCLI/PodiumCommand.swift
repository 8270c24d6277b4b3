import ArgumentParser

/// `podium`: the command-line face of the engine. Argument parsing and rendering only;
/// every capability lives in the `Podium` library.
@main
struct PodiumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podium",
        abstract: "Full-text search over press-conference transcripts and press releases.",
        version: "0.1.0",
        subcommands: [SearchCommand.self, TopicsCommand.self, ExportCommand.self, TrendCommand.self, IndexCommand.self, ParseCommand.self, AnalyzeCommand.self]
    )
}
