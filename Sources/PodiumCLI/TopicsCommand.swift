import ArgumentParser
import Foundation
import Podium

/// `podium topics …`: the topics of the topics file, and statements ranked by one of them.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List the topics, show one, or rank statements by one.",
        discussion: """
            Topics are named sets of weighted words and phrases, in English and Chinese, kept in a TOML file \
            you can edit (Corpus/topics.toml). An index keeps a copy of the file it was built with, so the \
            topics work from any folder; another file with --topics FILE.

            Examples:
              podium topics list
              podium topics show green-tech
              podium topics rank ip --since 2019 --limit 20
            """,
        subcommands: [List.self, Show.self, Rank.self]
    )
}

/// `--topics FILE` and `--index DIR`, shared by the topics subcommands.
struct TopicsFileOption: ParsableArguments {
    @Option(help: "The topics file. (default: the copy kept in the index, else Corpus/topics.toml)")
    var topics: String?

    @Option(help: "The index directory (or the PODIUM_INDEX environment variable).")
    var index: String = IndexOptions.defaultIndex

    var path: String? { IndexLocation(index: index, topics: topics).topicsFile }

    func load() throws -> (topics: [TopicInfo], path: String) {
        guard let path else {
            UserFacingError(
                "no topics file: the index at \(index) keeps none and Corpus/topics.toml is not here",
                hint: "name one with --topics FILE, or --index DIR for an index built with topics",
                status: .input
            ).exit()
        }
        return (try handlingErrors { () throws(PodiumError) in try TopicCatalog.load(path) }, path)
    }
}

extension TopicsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The topics, one per line: name, number of entries, label.",
            discussion: """
                Examples:
                  podium topics list
                  podium topics list --topics my-topics.toml
                """
        )
        @OptionGroup var file: TopicsFileOption

        func run() throws {
            let view = try file.load()
            for topic in view.topics {
                let name = topic.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                let label = topic.label.isEmpty ? "" : "  \(topic.label)"
                Swift.print("\(name)\(topic.entries.count) entries\(label)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A topic's words and phrases with their weights.",
            discussion: """
                Examples:
                  podium topics show ip
                  podium topics show green-tech --topics my-topics.toml
                """
        )
        @OptionGroup var file: TopicsFileOption
        @Argument(help: "The topic's name.") var name: String

        func run() throws {
            let view = try file.load()
            guard let topic = view.topics.first(where: { $0.name == name }) else {
                UserFacingError(
                    "no topic named '\(name)' in \(view.path)",
                    hint: "the topics are: \(view.topics.map(\.name).joined(separator: ", "))",
                    status: .usage
                ).exit()
            }
            Swift.print("\(topic.name)\(topic.label.isEmpty ? "" : " — \(topic.label)")")
            if !topic.description.isEmpty { Swift.print(topic.description) }
            for entry in topic.entries {
                Swift.print(String(format: "  %5.2f  ", entry.weight) + entry.text)
            }
        }
    }

    struct Rank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The statements most about a topic.",
            discussion: """
                Examples:
                  podium topics rank ip
                  podium topics rank green-tech --since 2020-01 --format jsonl
                  podium topics rank ip --sort -date --offset 10 --facet year
                  podium topics rank trade --lang zh --limit 5
                """
        )
        @OptionGroup var file: TopicsFileOption
        @Argument(help: "The topic's name.") var name: String
        @OptionGroup var dates: DateOptions
        @Option(name: [.short, .long], parsing: .unconditional, help: "How many statements.") var limit: Int = 10
        @OptionGroup var order: OrderOptions
        @Option(name: .customLong("facet"), help: "Count the matches by speaker, outlet, language, kind or year.")
        var facetNames: [String] = []
        @Flag(help: "Show the topic entries behind each score.") var explain = false
        @Option(help: "Only statements in this language (en, zh).") var lang: String?
        @Option(help: "Output format.") var format: SearchCommand.Format = .text
        @Option(help: "Colour: auto, always or never.") var color: ColorChoice = .auto

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
            _ = try OrderOptions.facets(facetNames)
        }

        func run() throws {
            // With a language, the topic must still decide the matches, not merely reorder the language's.
            let words = lang.map { ["+topic:\(name)", "+lang:\($0)"] } ?? []
            var search = try SearchCommand.parse(
                [
                    "--topic", name, "--limit", String(limit), "--format", format.rawValue, "--index", file.index,
                    "--color", color.rawValue,
                ] + words
            )
            search.query.dates = dates
            search.explain = explain
            search.order = order
            search.facetNames = facetNames
            search.indexOptions.topics = file.topics
            try search.run()
        }
    }
}
