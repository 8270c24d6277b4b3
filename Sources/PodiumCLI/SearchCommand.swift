import ArgumentParser
import Foundation
import Podium

/// `podium search`: ranked statements for a query, with excerpts.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the statements that best match a query.",
        discussion: """
            Words are ranked by BM25 over answers, questions and titles. The query language:
              word other          either word, statements with more (and rarer) words first
              +word -word         required / excluded; AND, OR, NOT and ( ) as well
              "exact phrase"      words next to each other, in order
              patent*             every word that starts with "patent"
              speaker:qiao outlet:reuters title:... question:... answer:... lang:zh kind:statement
              date:2019-05        a month (also 2019, 2019-05-09, 2019-01-01..2019-06-30)
              topic:ip            statements about a topic of the topics file
            With no index yet, the default Index/ is first built from Corpus/.

            Examples:
              podium search "intellectual property"
              podium search '"new energy" vehicles' --since 2019 --limit 5
              podium search 'speaker:qiao +tariffs -soybeans' --format json
              podium search 碳 --every-word --since 2020
              podium search patents --topic ip --explain
              podium search tariffs --sort -date --offset 10 --facet speaker --facet year
              printf 'q1\\ttrade war\\n' | podium search --batch - --format trec
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, trec }

    @OptionGroup var query: QueryOptions

    @Option(name: [.short, .long], parsing: .unconditional, help: "How many results.")
    var limit: Int = 10

    @OptionGroup var order: OrderOptions

    @Option(
        name: .customLong("facet"),
        help: "Count the matches by speaker, outlet, language, kind or year (repeat for several)."
    )
    var facetNames: [String] = []

    @Flag(help: "Require every word (instead of ranking statements with any of them), as in export.")
    var everyWord = false

    /// The old name of `--every-word`; hidden, since in `export` `--all` means every match.
    @Flag(name: .customLong("all"), help: .hidden)
    var allWords = false

    private var all: Bool { everyWord || allWords }

    @Flag(help: "Show the terms and topic entries behind each score, and the synonyms a word was searched with.")
    var explain = false

    @Flag(help: "When the query finds little and a word seems misspelt, search the corrected query instead.")
    var fuzzy = false

    @Flag(help: "Search words with their pairs in the other language too (intellectual property = 知识产权).")
    var crossLanguage = false

    @Option(help: "Output: text for reading; json, jsonl for scripts; trec for evaluation runs.")
    var format: Format = .text

    @Option(
        help: "Answer many queries: a file of 'id<TAB>query' lines, or - for standard input (each answered at once)."
    )
    var batch: String?

    /// BM25F's parameters for tuning runs (`k1=1.2,title=0.5,b.answer=0.75`); hidden: not a user setting.
    @Option(help: .hidden)
    var ranking: String?

    @OptionGroup var indexOptions: IndexOptions

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        _ = try OrderOptions.facets(facetNames)
        if batch == nil && query.isEmpty {
            throw ValidationError("give a query, or --topic NAME, or --batch FILE")
        }
    }

    func run() throws {
        let podium = try indexOptions.location.open()
        if let batch {
            try runBatch(podium, from: batch)
            return
        }
        var options = query.search(limit: limit, requireAll: all, explain: explain, excerpts: format != .trec)
        order.apply(to: &options)
        options.ranking = ranking
        options.facets = try OrderOptions.facets(facetNames)
        // Text shows excerpts only: a very long answer is read as a stream for its excerpt, never held whole.
        options.wholeStatements = format == .json || format == .jsonl
        options.fuzzy = fuzzy
        options.crossLanguage = crossLanguage
        let outcome = try handlingErrors { () throws(PodiumError) in try podium.search(options) }
        let out = StandardOutput()
        for note in outcome.notes { StandardError.line("note: \(note)") }
        if let suggestion = outcome.suggestion, !suggestion.wasSearched {
            StandardError.line("note: did you mean \"\(suggestion.query)\"?")
        }
        switch format {
        case .text:
            // On a terminal, excerpts wrap under their indent, at most 100 columns wide for reading.
            let wrap = Terminal.columns(of: .standardOutput).map { max(20, min($0, 100) - 4) }
            let style = Style(enabled: Terminal.useColor(color))
            if !outcome.hits.isEmpty {
                out.write(style.dim(TotalsRendering.summary(outcome, offset: order.offset)) + "\n\n")
            }
            HitRendering(style: style, wrapWidth: wrap, firstRank: order.offset + 1).text(outcome.hits, to: out)
            for line in TotalsRendering.text(outcome.facets, style: style) { out.write(line + "\n") }
        case .json:
            let json = ResultJSON.search(
                outcome,
                query: options.query ?? "",
                topic: query.topic,
                offset: order.offset,
                sort: order.sort
            )
            out.write(json + "\n")
        case .jsonl:
            for hit in outcome.hits { out.write(ResultJSON.hit(hit) + "\n") }
        case .trec:
            HitRendering.trec(outcome.hits, qid: "1", to: out)
        }
        out.flush()
        if outcome.hits.isEmpty {
            StandardError.line(
                outcome.total > 0
                    ? "No statement past --offset \(order.offset): \(TotalsRendering.grouped(outcome.total)) match."
                    : "No statement matches."
            )
            throw ExitCode(ExitStatus.noMatch.rawValue)
        }
    }

    /// Answers `qid<TAB>query` lines one at a time: each query's lines, then an empty line, flushed, so a
    /// harness can time every query from outside the process.
    private func runBatch(_ podium: PodiumIndex, from path: String) throws {
        let input: FileHandle
        if path == "-" {
            input = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            guard exists, !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
                UserFacingError(
                    "cannot read the batch file '\(path)'",
                    hint: "give a file of 'id<TAB>query' lines, or - for standard input",
                    status: .input
                ).exit()
            }
            input = handle
        }
        let out = StandardOutput()
        var lineNumber = 0
        // A bad query is its own line's problem; a damaged index makes the whole run fail once it is done.
        var damage: PodiumError? = nil
        for line in LineReader(handle: input) {
            lineNumber += 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let (qid, text) = Self.split(line, lineNumber: lineNumber)
            var options = query.search(
                query: text,
                limit: limit,
                requireAll: all,
                explain: explain,
                excerpts: format != .trec
            )
            order.apply(to: &options)
            options.fuzzy = fuzzy
            options.crossLanguage = crossLanguage
            options.ranking = ranking
            // A batch prints hits only: a suggestion would go unread.
            options.suggests = false
            do throws(PodiumError) {
                let hits = try podium.search(options).hits
                switch format {
                case .trec: HitRendering.trec(hits, qid: qid, to: out)
                case .text: HitRendering(style: Style(enabled: false)).text(hits, to: out)
                case .json, .jsonl: for hit in hits { out.write(ResultJSON.hit(hit) + "\n") }
                }
            } catch {
                StandardError.line("query \(qid) (line \(lineNumber)): \(error.message)")
                if error.kind == .index, damage == nil { damage = error }
            }
            out.write("\n")
            out.flush()
        }
        if let damage { UserFacingError(damage).exit() }
    }

    /// `qid<TAB>query`; a line without a tab is a query numbered by its line.
    static func split(_ line: Substring, lineNumber: Int) -> (String, String) {
        if let tab = line.firstIndex(of: "\t") {
            return (String(line[..<tab]), String(line[line.index(after: tab)...]))
        }
        return (String(lineNumber), String(line))
    }
}

/// Lines of a file handle, read as they arrive (a pipe is answered line by line, not at its end).
struct LineReader: Sequence, IteratorProtocol {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// Bytes asked for per read.
    private static let readSize = 1 << 12

    init(handle: FileHandle) { self.handle = handle }

    /// How long to keep checking for the next query before sleeping in `read`.
    private static let spinNanoseconds: UInt64 = 1_000_000

    /// Checks `fd` for input without sleeping, for up to `spinNanoseconds`.
    ///
    /// A program that sends the next query as soon as it has read an answer (an evaluation harness, a
    /// script) then finds this process awake on a warm core instead of waiting for the scheduler to wake
    /// it: through `../shared/bench` on the loaded 2-core test machine, the median single-term round trip
    /// went from 0.119 to 0.098–0.101 ms (medians of 5 interleaved runs). A caller that pauses costs at most
    /// a millisecond of CPU per answer, and the `read` that follows sleeps as usual.
    private static func awaitInput(_ fd: Int32) {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let start = DispatchTime.now().uptimeNanoseconds
        while poll(&ready, 1, 0) == 0 {
            if DispatchTime.now().uptimeNanoseconds - start > spinNanoseconds { return }
        }
    }

    mutating func next() -> Substring? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return Substring(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return Substring(line)
            }
            buffer.removeFirst(start)
            start = 0
            // Read straight into the buffer's spare room: a pipe delivers one short query per read, and a
            // fresh chunk each time (allocated, zeroed, freed) costs more than answering some queries.
            let kept = buffer.count
            var n = 0
            Self.awaitInput(handle.fileDescriptor)
            buffer.append(contentsOf: repeatElement(0, count: Self.readSize))
            buffer.withUnsafeMutableBytes { bytes in
                n = read(handle.fileDescriptor, bytes.baseAddress! + kept, Self.readSize)
            }
            buffer.removeLast(Self.readSize - Swift.max(n, 0))
            if n <= 0 { atEnd = true }
        }
    }
}
