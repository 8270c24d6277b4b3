import ArgumentParser
import Foundation
import Podium

/// `podium index …`: build, refresh, inspect and check the on-disk index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build, refresh, inspect and verify the index.",
        discussion: """
            Examples:
              podium index build --corpus Corpus --index Index
              podium index refresh
              podium index stats --format json
              podium index verify
              podium index optimize
            """,
        subcommands: [Build.self, Refresh.self, Stats.self, Verify.self, Optimize.self]
    )
}

/// Options shared by `build` and `refresh`.
struct CorpusOptions: ParsableArguments {
    @Option(
        name: .customLong("corpus"),
        help: """
            A folder or file of sources (.html .htm .shtml .md .markdown .jsonl, also gzipped); repeat for several. \
            (default: Corpus for a build; for a refresh, the paths the index was built from)
            """
    )
    var corpus: [String] = []

    @Option(help: "The index directory (or the PODIUM_INDEX environment variable).")
    var index: String = IndexOptions.defaultIndex

    @Option(
        help: """
            The topics file to keep in the index, so searches from any folder rank by it. \
            (default: topics.toml at the top of a corpus folder, such as Corpus/topics.toml)
            """
    )
    var topics: String?

    @Flag(name: [.short, .long], help: "Print only the summary line and errors, no skipped sources or warnings.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Memory for indexing, in MB.",
            discussion: """
                Half holds postings before a segment is written; the rest covers sources being analyzed, \
                merges and the runtime, so peak memory stays within it.
                """
        )
    )
    var memory: Int = 512

    @Option(
        help: """
            Threads that read and analyze sources; one more writes the index. \
            (default: the number of cores, \(ProcessInfo.processInfo.activeProcessorCount) here)
            """
    )
    var jobs: Int?

    @Option(
        name: .customLong("max-page-mb"),
        help: ArgumentHelp(
            "The largest page (or gzipped file) indexed, in MB; larger ones are skipped. (default: --memory / 32, at least 4)",
            discussion: "A page takes about 8 times its size in memory while it is parsed."
        )
    )
    var maxPageMB: Int?

    @Flag(
        name: [.customShort("L"), .customLong("follow")],
        help: "Follow symbolic links that lead out of the corpus (links inside it are always followed)."
    )
    var follow = false

    func validate() throws {
        guard (32...65_536).contains(memory) else {
            throw ValidationError("--memory must be between 32 and 65536 (MB)")
        }
        guard (1...256).contains(jobs ?? 1) else { throw ValidationError("--jobs must be between 1 and 256") }
        guard (1...2047).contains(maxPageMB ?? 1) else {
            throw ValidationError("--max-page-mb must be between 1 and 2047 (MB)")
        }
    }

    func options(defaultCorpus: [String]) -> IndexingOptions {
        var options = IndexingOptions(
            corpus: corpus.isEmpty ? defaultCorpus : corpus,
            index: index,
            memoryBudget: memory << 20,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount
        )
        options.followSymlinks = follow
        options.maximumPageBytes = maxPageMB.map { $0 << 20 }
        options.topicsFile = topics
        options.interruption = { Interruption.received }
        return options
    }
}

extension IndexCommand {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index every source of the corpus into a new index.",
            discussion: """
                Replaces what the index held: readers keep the old index until the new one is committed. \
                Progress shows on standard error when it is a terminal; a summary line always does.

                Examples:
                  podium index build
                  podium index build --corpus ~/briefings --corpus extra.jsonl
                """
        )

        @OptionGroup var options: CorpusOptions

        func run() throws {
            let report = try runIndexing("Indexing") { (progress) throws(PodiumError) in
                try Indexer.build(options.options(defaultCorpus: ["Corpus"]), progress: progress)
            }
            IndexingSummary(report: report, refresh: false, quiet: options.quiet).print()
            try IndexingSummary.exitIfFailed(report)
        }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-read only new, changed and deleted sources.",
            discussion: """
                Without --corpus, the paths the index was built from are read again (podium index stats \
                shows them); --corpus replaces them, and the index then follows the new paths (sources \
                outside them are deleted). A new source is added; a source with the same size and \
                modification time as when it was indexed is not read; one whose bytes are unchanged is only \
                recorded again; a changed one is indexed anew. A source is deleted only when its folder was \
                listed and it is gone: one that cannot be read, or lies in a folder that cannot be listed, \
                keeps its statements and counts as failed (exit status 4). The index's copy of the topics \
                file is replaced by --topics, or by topics.toml at the top of a corpus folder. Nothing \
                changed: nothing is written.

                Examples:
                  podium index refresh
                  podium index refresh --index ~/podium-index
                """
        )

        @OptionGroup var options: CorpusOptions

        func run() throws {
            let report = try runIndexing("Refreshing") { (progress) throws(PodiumError) in
                try Indexer.refresh(options.options(defaultCorpus: []), progress: progress)
            }
            IndexingSummary(report: report, refresh: true, quiet: options.quiet).print()
            try IndexingSummary.exitIfFailed(report)
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the index holds: sources, statements, segments, terms, bytes, and what they cover.",
            discussion: """
                Examples:
                  podium index stats
                  podium index stats --format json | jq .bytes
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "The index directory (or the PODIUM_INDEX environment variable).")
        var index: String = IndexOptions.defaultIndex

        @Option(help: "Output format.")
        var format: Format = .text

        func run() throws {
            let stats = try handlingErrors { () throws(PodiumError) in try IndexInspector.statistics(index: index) }
            switch format {
            case .json:
                Swift.print(ResultJSON.statistics(stats))
            case .text:
                Swift.print("index       \(stats.directory) (generation \(stats.generation))")
                Swift.print("sources     \(stats.sources) (\(stats.skippedSources) skipped)")
                Swift.print(
                    "statements  \(stats.statements)"
                        + (stats.foldedDuplicates > 0
                            ? " (and \(stats.foldedDuplicates) copies found in other sources, folded into them)" : "")
                )
                Swift.print("segments    \(stats.segments)")
                Swift.print("terms       \(stats.terms)")
                Swift.print("bytes       \(stats.bytes) (\(Self.megabytes(stats.bytes)))")
                for (kind, bytes) in stats.bytesByKind {
                    Swift.print("  \(kind.padding(toLength: 10, withPad: " ", startingAt: 0))\(bytes)")
                }
                Swift.print("analyzer    \(stats.analyzer)")
                if !stats.corpus.isEmpty { Swift.print("corpus      \(stats.corpus.joined(separator: " "))") }
                for line in Self.text(stats.coverage) { Swift.print(line) }
            }
        }

        /// The coverage lines: dates, languages, kinds, the most frequent speakers and outlets.
        static func text(_ c: IndexCoverage) -> [String] {
            func list(_ counts: [IndexCoverage.Count]) -> String {
                counts.map { "\($0.value) \(TotalsRendering.grouped($0.count))" }.joined(separator: ", ")
            }
            var lines: [String] = []
            let range = c.firstDate.map { "\($0) to \(c.lastDate ?? $0)" } ?? "no dated statement"
            lines.append("dates       \(range) (\(TotalsRendering.grouped(c.undated)) undated)")
            lines.append("languages   \(list(c.languages))")
            lines.append("kinds       \(list(c.kinds))")
            lines.append("speakers    \(c.speakerCount); the most frequent: \(list(c.speakers))")
            lines.append("outlets     \(c.outletCount); the most frequent: \(list(c.outlets))")
            return lines
        }

        static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the checksum of every index file.",
            discussion: """
                Exits with status 0 when every file is whole, 3 naming the first damaged or missing file.

                Examples:
                  podium index verify
                  podium index verify || podium index build
                """
        )

        @Option(help: "The index directory (or the PODIUM_INDEX environment variable).")
        var index: String = IndexOptions.defaultIndex

        func run() throws {
            let result = try handlingErrors { () throws(PodiumError) in try IndexInspector.verify(index: index) }
            Swift.print("ok: \(result.files) files, \(result.bytes) bytes, \(result.statements) statements")
        }
    }
}

extension IndexCommand {
    struct Optimize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the index into fewer segments, dropping deleted statements.",
            discussion: """
                Queries look up every term once per segment, so an index of one segment answers fastest. \
                Build and refresh keep the number of segments bounded on their own; optimize after a large \
                build or many refreshes when search speed matters most. Readers keep working meanwhile.

                Examples:
                  podium index optimize
                  podium index optimize --index ~/podium-index --segments 4
                """
        )

        @Option(help: "The index directory (or the PODIUM_INDEX environment variable).")
        var index: String = IndexOptions.defaultIndex

        @Option(help: "Merge into at most this many segments.")
        var segments: Int = 1

        func validate() throws {
            guard segments >= 1 else { throw ValidationError("--segments must be at least 1") }
        }

        func run() throws {
            let report = try handlingErrors { () throws(PodiumError) in
                try Indexer.optimize(index: index, maxSegments: segments)
            }
            StandardError.line(
                "optimized: \(report.segmentsBefore) → \(report.segmentsAfter) segments, "
                    + "\(report.statements) statements" + String(format: " in %.2f s", report.seconds)
                    + " (generation \(report.generation))"
            )
        }
    }
}
