import ArgumentParser

/// `podium`: the command-line face of the engine. Argument parsing and rendering only;
/// every capability lives in the `Podium` library.
@main
struct PodiumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podium",
        abstract: "Full-text search over press-conference transcripts and press releases.",
        discussion: """
            On a fresh checkout the first search builds Index/ from the transcripts in Corpus/. Every \
            command has its own --help with examples. Exit status: 0 success, 1 nothing matched, 2 usage \
            error, 3 index missing or damaged, 4 unusable input, 5 output not writable.

            Examples:
              podium search "intellectual property"
              podium export patents --topic ip --format md --out ip.md
              podium trend green-tech --by year --svg green-tech.svg
              podium --generate-completion-script bash > /etc/bash_completion.d/podium
            """,
        version: "0.1.0",
        subcommands: [
            SearchCommand.self, ShowCommand.self, TopicsCommand.self, ExportCommand.self, TrendCommand.self,
            IndexCommand.self, ServeCommand.self,
            ParseCommand.self, AnalyzeCommand.self,
        ]
    )
}
