import Foundation
import SearchIndex
import TestSupport
import Testing

/// Bad input gets one `error:` line, a `hint:` line and the exit status README documents; never a stack
/// trace, never a partial output file.
@Suite(
    "podium errors, end to end",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLIErrorTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    /// A mistake, the documented status, and words the message must hold.
    struct Case: CustomTestStringConvertible, Sendable {
        /// What the run is given of the fixture: its index and topics file, or one of them, or nothing.
        enum Given: Sendable { case both, index, topics, nothing }

        var name: String
        /// `MISSING` stands for a path in the fixture's working directory that does not exist.
        var arguments: [String]
        var status: Int32
        var message: String
        var given = Given.both
        /// Lines between the error and the hint (the query and its caret).
        var detail = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown topic (search)",
            arguments: ["search", "tariffs", "--topic", "nosuch"],
            status: 2,
            message: "no topic named 'nosuch'"
        ),
        Case(
            name: "unknown topic (export)",
            arguments: ["export", "--topic", "nosuch", "--format", "csv"],
            status: 2,
            message: "no topic named 'nosuch'"
        ),
        Case(
            name: "unknown topic (topics rank)",
            arguments: ["topics", "rank", "nosuch"],
            status: 2,
            message: "no topic named 'nosuch'"
        ),
        Case(
            name: "unknown topic (topics show)",
            arguments: ["topics", "show", "nosuch"],
            status: 2,
            message: "no topic named 'nosuch'",
            given: .topics
        ),
        Case(
            name: "unknown topic in the query",
            arguments: ["search", "topic:nosuch"],
            status: 2,
            message: "no topic named 'nosuch'",
            detail: 2
        ),
        Case(
            name: "bad date (--since)",
            arguments: ["search", "tariffs", "--since", "2019-13-45"],
            status: 2,
            message: "--since '2019-13-45' is not a date"
        ),
        Case(
            name: "bad date (--until, trend)",
            arguments: ["trend", "ip", "--until", "yesterday"],
            status: 2,
            message: "--until 'yesterday' is not a date"
        ),
        Case(
            name: "bad date (export)",
            arguments: ["export", "tariffs", "--since", "2019-02-30", "--format", "md"],
            status: 2,
            message: "is not a date"
        ),
        Case(
            name: "--until before --since",
            arguments: ["search", "tariffs", "--since", "2020", "--until", "2019-06"],
            status: 2,
            message: "--until '2019-06' is before --since '2020'"
        ),
        Case(name: "empty query", arguments: ["search", ""], status: 2, message: "the query is empty"),
        Case(
            name: "blank query (export)",
            arguments: ["export", "  ", "--format", "jsonl"],
            status: 2,
            message: "the query is empty"
        ),
        Case(name: "no query at all", arguments: ["search"], status: 2, message: "give a query"),
        Case(
            name: "unknown option",
            arguments: ["search", "tariffs", "--bogus"],
            status: 2,
            message: "Unknown option '--bogus'"
        ),
        Case(
            name: "bad format",
            arguments: ["search", "tariffs", "--format", "xml"],
            status: 2,
            message: "'xml' is invalid"
        ),
        Case(
            name: "zero --limit",
            arguments: ["search", "tariffs", "--limit", "0"],
            status: 2,
            message: "--limit must be at least 1"
        ),
        Case(
            name: "negative --limit",
            arguments: ["export", "tariffs", "--limit", "-3", "--format", "csv"],
            status: 2,
            message: "--limit must be at least 1"
        ),
        Case(name: "unknown command", arguments: ["serch", "tariffs"], status: 2, message: "serch", given: .nothing),
        Case(
            name: "missing topics file",
            arguments: ["search", "tariffs", "--topics", "MISSING"],
            status: 4,
            message: "cannot read the topics file",
            given: .index
        ),
        Case(
            name: "missing batch file",
            arguments: ["search", "--batch", "MISSING"],
            status: 4,
            message: "cannot read the batch file"
        ),
        Case(
            name: "missing corpus",
            arguments: ["index", "build", "--corpus", "MISSING", "--index", "MISSING"],
            status: 4,
            message: "no such file",
            given: .nothing
        ),
        Case(
            name: "no sources to parse",
            arguments: ["parse", "MISSING-folder/"],
            status: 4,
            message: "no such file",
            given: .nothing,
            detail: 1
        ),
    ]

    @Test("A one-line error, a hint and the documented status", arguments: cases)
    func mistake(_ mistake: Case) throws {
        let f = try fixture
        let missing = f.work.appendingPathComponent("missing-\(UUID().uuidString.prefix(8))").path
        var arguments = mistake.arguments.map { $0.replacingOccurrences(of: "MISSING", with: missing) }
        switch mistake.given {
        case .both: arguments += f.indexArguments
        case .index: arguments += ["--index", f.index.path]
        case .topics: arguments += ["--topics", f.topics.path]
        case .nothing: break
        }
        let run = try f.run(arguments)
        try expectError(run, status: mistake.status, containing: mistake.message, detailLines: mistake.detail)
        #expect(run.stdout.isEmpty, "nothing on standard output: \(run.stdout.prefix(200))")
        #expect(!FileManager.default.fileExists(atPath: missing), "\(missing) was created")
    }

    @Test("A query that cannot be read: the query with a caret under the spot")
    func caret() throws {
        let f = try fixture
        let run = try f.run(["search", "知识产权 date:2019-13"] + f.indexArguments)
        try expectError(run, status: 2, containing: "'2019-13' is not a date", detailLines: 2)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "  知识产权 date:2019-13")
        // Four wide characters take two columns each: the caret sits under the '2' of 2019.
        #expect(lines[2] == "  " + String(repeating: " ", count: 8 + 1 + 5) + "^")
    }

    @Test("Nothing matched: status 1, empty output, a note on standard error")
    func noMatch() throws {
        let f = try fixture
        for format in ["text", "json", "jsonl"] {
            let run = try f.run(["search", "zzqqxxjj", "--format", format] + f.indexArguments)
            #expect(run.status == 1 && !run.signalled, "\(format): \(run.summary)")
            #expect(run.stderr.contains("No statement matches."))
            if format == "json" {
                let object = try #require(try parseJSON(run.stdout) as? [String: Any])
                #expect(object["count"] as? Int == 0)
            } else {
                #expect(run.stdout.isEmpty)
            }
        }
        let export = try f.run(["export", "zzqqxxjj", "--format", "csv"] + f.indexArguments)
        #expect(export.status == 1 && export.stdout.hasPrefix("id,date,"), "a CSV with just its header")
        let trend = try f.run(["trend", "zzqqxxjj"] + f.indexArguments)
        #expect(trend.status == 1)
        #expect(
            trend.stderr.contains("note: 'zzqqxxjj' is not a topic, so it is counted as a query (the topics are: ip, ")
        )
    }

    // MARK: - The index

    @Test("Missing index (a non-default --index): status 3 and how to build one")
    func missingIndex() throws {
        let f = try fixture
        let missing = f.work.appendingPathComponent("no-index").path
        for command in [
            ["search", "tariffs"], ["export", "tariffs", "--format", "md"], ["trend", "ip"], ["topics", "rank", "ip"],
        ] {
            let run = try f.run(command + ["--index", missing, "--topics", f.topics.path])
            try expectError(run, status: 3, containing: "no index at '\(missing)'")
            #expect(run.stderr.contains("hint: build one with: podium index build --index \(missing)"))
        }
        try expectError(try f.run(["index", "stats", "--index", missing]), status: 3, containing: "no index")
        #expect(!FileManager.default.fileExists(atPath: missing), "a reading command created the index folder")
    }

    @Test(
        "Damaged index (one byte flipped in a segment file): the undamaged answer or status 3 naming the file",
        arguments: ["pos", "sto", "ids", "tim"]
    )
    func damagedIndex(kind: String) throws {
        let f = try fixture
        let damaged = f.workFile("damaged-\(kind)")
        try FileManager.default.copyItem(at: f.index, to: damaged)
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: damaged.path).first { $0.hasSuffix("." + kind) }
        )
        let url = damaged.appendingPathComponent(file)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: url)

        // Pages are checked as commands read them: one that does not read the damaged page answers as before.
        var refused = 0
        for command in [["search", "tariffs"], ["export", "china", "--all", "--format", "jsonl"], ["trend", "ip"]] {
            let run = try f.run(command + ["--index", damaged.path, "--topics", f.topics.path])
            let clean = try f.run(command + ["--index", f.index.path, "--topics", f.topics.path])
            if run.status == 0 && run.stdout == clean.stdout { continue }
            try expectError(run, status: 3, containing: "'\(file)' is corrupted")
            #expect(run.stderr.contains("hint: run 'podium index verify"))
            // The rebuild it suggests names this index and the corpus it was built from.
            #expect(run.stderr.contains("podium index build --index \(damaged.path) --corpus \(f.corpus.path)"))
            refused += 1
        }
        if kind == "sto" { #expect(refused > 0, "exporting every 'china' statement reads the middle of .sto") }
        try expectError(try f.run(["index", "verify", "--index", damaged.path]), status: 3, containing: file)
    }

    @Test("An index of an older format version: status 3 and the rebuild command")
    func olderFormatVersion() throws {
        let f = try fixture
        let old = f.workFile("old-version")
        try FileManager.default.copyItem(at: f.index, to: old)
        var commit = try IndexCommit.read(directory: old.path)
        commit.formatVersion = 1
        try commit.write(directory: old.path)
        let run = try f.run(["search", "tariffs", "--index", old.path, "--topics", f.topics.path])
        try expectError(run, status: 3, containing: "format version 1")
        #expect(run.stderr.contains("hint: rebuild it with: podium index build --index \(old.path)"))
    }

    // MARK: - Outputs

    @Test("Unwritable --out or --svg: status 5 before any work, no file left")
    func unwritableOutput() throws {
        let f = try fixture
        let inMissingFolder = f.work.appendingPathComponent("no-such-folder/report.md").path
        try expectError(
            try f.run(["export", "tariffs", "--format", "md", "--out", inMissingFolder] + f.indexArguments),
            status: 5,
            containing: "cannot write \(inMissingFolder)"
        )
        try expectError(
            try f.run(["export", "tariffs", "--format", "md", "--out", f.work.path] + f.indexArguments),
            status: 5,
            containing: "it is a folder"
        )
        try expectError(
            try f.run(["trend", "ip", "--svg", inMissingFolder] + f.indexArguments),
            status: 5,
            containing: "cannot write"
        )
        // A file where the folder should be.
        let file = f.workFile("plain-file")
        try Data().write(to: file)
        try expectError(
            try f.run(["export", "tariffs", "--format", "csv", "--out", file.path + "/x.csv"] + f.indexArguments),
            status: 5,
            containing: "cannot write"
        )
        #expect(!FileManager.default.fileExists(atPath: inMissingFolder))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: f.work.path).filter { $0.contains(".tmp-") }.isEmpty
        )
    }

    // MARK: - Hostile input

    /// Arguments meant to break the command line, shown by a short name.
    struct Hostile: CustomTestStringConvertible, Sendable {
        var name: String
        /// `MISSING` as in `Case`.
        var arguments: [String]
        var testDescription: String { name }
    }

    static let hostileInputs: [Hostile] = [
        Hostile(name: "search --limit Int.max", arguments: ["search", "tariffs", "--limit", "9223372036854775807"]),
        Hostile(
            name: "export --limit Int.max",
            arguments: ["export", "china", "--limit", "9223372036854775807", "--format", "jsonl"]
        ),
        Hostile(
            name: "topics rank --limit Int.max",
            arguments: ["topics", "rank", "ip", "--limit", "9223372036854775807"]
        ),
        Hostile(name: "--limit past Int.max", arguments: ["search", "tariffs", "--limit", "99999999999999999999999"]),
        Hostile(name: "5000 open parentheses", arguments: ["search", String(repeating: "(", count: 5000) + "a"]),
        Hostile(name: "4000 stray quotes", arguments: ["search", String(repeating: "\"a ", count: 4000)]),
        Hostile(name: "12000 words", arguments: ["search", String(repeating: "word ", count: 12000)]),
        Hostile(name: "a* (a wide prefix)", arguments: ["search", "a*"]),
        Hostile(name: "control and bidi characters", arguments: ["search", "\u{1}\u{7F}\u{FFFD}\u{202E}tariffs"]),
        Hostile(name: "empty --since", arguments: ["search", "tariffs", "--since", ""]),
        Hostile(name: "unknown --by", arguments: ["trend", "ip", "--by", "decade"]),
        Hostile(
            name: "huge --memory",
            arguments: ["index", "build", "--memory", "9223372036854775807", "--index", "MISSING"]
        ),
        Hostile(name: "negative --jobs", arguments: ["index", "build", "--jobs", "-1", "--index", "MISSING"]),
        Hostile(name: "optimize a missing index", arguments: ["index", "optimize", "--index", "MISSING"]),
        Hostile(name: "refresh a missing index", arguments: ["index", "refresh", "--index", "MISSING"]),
        Hostile(
            name: "optimize into 0 segments",
            arguments: ["index", "optimize", "--segments", "0", "--index", "MISSING"]
        ),
        Hostile(name: "a folder as --out", arguments: ["export", "china", "--format", "csv", "--out", "."]),
        Hostile(name: "noncharacters to analyze", arguments: ["analyze", "\u{FFFF}\u{10FFFF}"]),
    ]

    @Test("Hostile input never crashes", arguments: hostileInputs)
    func hostile(_ input: Hostile) throws {
        let f = try fixture
        let missing = f.work.appendingPathComponent("missing-\(UUID().uuidString.prefix(8))").path
        let arguments = input.arguments.map { $0.replacingOccurrences(of: "MISSING", with: missing) }
        let reads = ["search", "export", "topics", "trend"].contains(arguments[0])
        let run = try f.run(arguments + (reads ? f.indexArguments : []))
        expectNoCrash(run)
        #expect(run.status <= 5, "\(run.summary)")
        if run.status >= 2 { #expect(run.stderr.hasPrefix("error: "), "\(run.summary)") }
        #expect(!FileManager.default.fileExists(atPath: missing), "\(missing) was created")
    }

    @Test("Invalid UTF-8 in a query is searched, not a crash")
    func binaryQuery() throws {
        let f = try fixture
        let arguments = ["--index", f.index.path, "--topics", f.topics.path]
        let run = try PodiumProcess.runInShell(
            #"exec "$1" search "$(printf 'tariffs \377\376\300')" "$2" "$3" "$4" "$5""#,
            arguments
        )
        expectNoCrash(run)
        #expect(run.status == 0, "\(run.summary)")
    }

    // MARK: - Checks

    /// `error: …` (containing `text`), then `detailLines` lines, then `hint: …`, and nothing else.
    private func expectError(
        _ run: PodiumProcess.Outcome,
        status: Int32,
        containing text: String,
        detailLines: Int = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        expectNoCrash(run, sourceLocation: sourceLocation)
        #expect(run.status == status, "\(run.summary)", sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + detailLines, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("error: ") == true, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(text) == true, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("hint: ") == true, "\(run.stderr)", sourceLocation: sourceLocation)
    }

    private func expectNoCrash(_ run: PodiumProcess.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            !run.signalled,
            "killed by signal \(run.status): \(run.stderr.prefix(400))",
            sourceLocation: sourceLocation
        )
        for trace in ["Fatal error", "Backtrac", "Program crashed", "Stack dump"] {
            #expect(!run.stderr.contains(trace), "\(run.stderr.prefix(400))", sourceLocation: sourceLocation)
        }
    }
}
