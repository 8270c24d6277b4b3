import ArgumentParser
import Foundation
import Podium

/// `podium export`: matched excerpts as JSONL, CSV or a Markdown report.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the matching excerpts, with dates and sources, for a report.",
        discussion: """
            Every match carries its id, date, spokesperson, outlet, title, source (URL when known, else the \
            file), score and excerpt with the matched words marked **like this**; --full adds the whole \
            question and answer. CSV follows RFC 4180 (UTF-8, CRLF line ends); Markdown groups excerpts by \
            briefing with a citation under each. With --out the file is written whole or not at all.

            Examples:
              podium export "intellectual property" --format md --out ip-report.md
              podium export patents --topic ip --all --format csv --out patents.csv
              podium export 'lang:zh 知识产权' --format jsonl --full > zh.jsonl
              podium export tariffs --all --sort date --format csv --out tariffs.csv
            """
    )

    @OptionGroup var query: QueryOptions

    @Option(name: [.short, .long], parsing: .unconditional, help: "How many excerpts (the best first).")
    var limit: Int = 50

    @Flag(help: "Every match, not just the best --limit.")
    var all = false

    @OptionGroup var order: OrderOptions

    @Flag(help: "Require every word of the query.")
    var everyWord = false

    @Option(help: "jsonl, csv or md.")
    var format: ExportFormatOption

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    @Flag(help: "Include the whole question and answer.")
    var full = false

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if query.isEmpty { throw ValidationError("give a query, or --topic NAME") }
    }

    func run() throws {
        let started = Date()
        let file = out.map { OutputFile(path: $0, option: "--out") }
        file?.check()
        let podium = try indexOptions.location.open()
        var options = query.search(limit: limit, requireAll: everyWord)
        order.apply(to: &options)
        if all {
            let count = try handlingErrors { () throws(PodiumError) in try podium.count(options) }
            options.limit = max(1, count - order.offset)
        }
        let bar = ProgressBar(label: "Exporting", unit: "excerpts")
        let outcome = try handlingErrors { () throws(PodiumError) in
            try podium.search(options) { done, total in bar.update(done: done, total: total) }
        }
        bar.finish()
        for note in outcome.notes { StandardError.line("note: \(note)") }
        let exporter = Exporter(format: format.value, full: full, query: options.query ?? query.topic ?? "")
        if let out, let file {
            file.write { handle in
                try exporter.render(outcome.hits) { try handle.write(contentsOf: Data($0.utf8)) }
            }
            let seconds = Date().timeIntervalSince(started)
            StandardError.line(
                "exported \(outcome.hits.count) excerpt\(outcome.hits.count == 1 ? "" : "s") to \(out) "
                    + String(format: "in %.2f s", seconds)
            )
        } else {
            let stdout = StandardOutput()
            exporter.render(outcome.hits) { stdout.write($0) }
            stdout.flush()
        }
        if outcome.hits.isEmpty {
            StandardError.line("No statement matches.")
            throw ExitCode(ExitStatus.noMatch.rawValue)
        }
    }
}

/// `--format` of export, as an argument.
struct ExportFormatOption: ExpressibleByArgument {
    let value: ExportFormat
    init?(argument: String) {
        guard let value = ExportFormat(rawValue: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
}
