import Foundation
import TestSupport
import Testing

/// Every example a reader is shown works on the shipped `Corpus/`: the commands of the README's shell
/// blocks, the queries of its query-language table, and the `Examples:` of every `--help`. Each runs in a
/// folder holding a copy of `Corpus/` and an index built from it, as in a fresh checkout, and must exit 0:
/// for a search, export, trend or show that means it found something.
///
/// Counts are never pinned: pages added to `Corpus/` change them.
@Suite(
    "README and --help examples",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "no /bin/bash to run examples with")
)
struct CLIExamplesTests {
    /// The folder the examples run in, as a checkout: `Corpus/`, `Index/`, and the files the examples name.
    final class Sandbox: @unchecked Sendable {
        let root: TemporaryDirectory
        var url: URL { root.url.appendingPathComponent("checkout") }
        var home: URL { root.url.appendingPathComponent("home") }
        var bin: URL { root.url.appendingPathComponent("bin") }

        init() throws {
            root = try TemporaryDirectory(prefix: "podium-examples")
            let files = FileManager.default
            for folder in [url, home, bin] { try files.createDirectory(at: folder, withIntermediateDirectories: true) }
            try files.copyItem(at: SharedData.projectCorpus, to: url.appendingPathComponent("Corpus"))
            try files.createSymbolicLink(
                at: bin.appendingPathComponent("podium"),
                withDestinationURL: try PodiumProcess.executable()
            )
            // What examples name besides the corpus: another topics file, a folder of briefings in the home
            // folder, a JSONL file beside them, an index built from them.
            let corpus = url.appendingPathComponent("Corpus")
            try files.copyItem(
                at: corpus.appendingPathComponent("topics.toml"),
                to: url.appendingPathComponent("my-topics.toml")
            )
            try files.copyItem(at: corpus, to: home.appendingPathComponent("briefings"))
            try files.copyItem(
                at: corpus.appendingPathComponent("statements.jsonl"),
                to: url.appendingPathComponent("extra.jsonl")
            )
            for setup in ["podium index build --quiet", "podium index build --quiet --index ~/podium-index"] {
                let run = try shell(setup)
                guard run.succeeded else { throw CLIFixture.FixtureError(description: "\(setup): \(run.stderr)") }
            }
        }

        /// Runs a line of bash in the checkout, with `podium` on the path and the home folder inside.
        func shell(_ line: String) throws -> PodiumProcess.Outcome {
            let environment = [
                "HOME": home.path, "PATH": bin.path + ":/usr/bin:/bin", "NO_COLOR": "1", "PODIUM_INDEX": "",
            ]
            return try PodiumProcess.run(
                executable: URL(fileURLWithPath: "/bin/bash"),
                ["-o", "pipefail", "-c", line],
                in: url,
                environment: environment
            )
        }
    }

    static let sandbox = Result { try Sandbox() }

    // MARK: - Finding the examples

    /// Lines of the README's `sh` blocks that run podium (`swift run … podium` read as `podium`).
    static func readmeCommands() throws -> [String] {
        let text = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var commands: [String] = []
        var inShell = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = !inShell && line.hasPrefix("```sh")
                continue
            }
            guard inShell else { continue }
            var command = withoutComment(String(line))
            if let run = command.range(of: #"^swift run( -c release)? podium"#, options: .regularExpression) {
                command.replaceSubrange(run, with: "podium")
            }
            if command.hasPrefix("podium ") { commands.append(command) }
        }
        return commands
    }

    /// The queries of the README's query-language table (its first column), each run as a search.
    static func readmeQueries() throws -> [String] {
        let text = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = text.range(of: "| you type | it finds |") else { return [] }
        var queries: [String] = []
        for line in text[start.upperBound...].split(separator: "\n").dropFirst() {
            guard line.hasPrefix("|") else { break }
            let cell = line.split(separator: "|", omittingEmptySubsequences: false)[1]
            queries += cell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return queries
    }

    /// The `Examples:` lines of every command's `--help`, found by walking the subcommands from the top.
    static func helpCommands(_ sandbox: Sandbox) throws -> [String] {
        var commands: [String] = []
        var pending = [[String]()]
        while !pending.isEmpty {
            let path = pending.removeFirst()
            let help = try sandbox.shell((["podium"] + path + ["--help"]).joined(separator: " ")).stdout
            var section = ""
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !line.hasPrefix(" ") { section = trimmed }
                // Every line of the section is an example (`printf … | podium …` too); one wrapped past the
                // help's width would run as two broken halves, and fail.
                if section == "Examples:", line.hasPrefix(" "), !trimmed.isEmpty {
                    commands.append(withoutComment(trimmed))
                }
                // A subcommand's line is indented by two spaces; its wrapped abstract continues further in.
                if section == "SUBCOMMANDS:", line.hasPrefix("  "), !line.hasPrefix("   "),
                    let name = trimmed.split(separator: " ").first,
                    name != "help"
                {
                    pending.append(path + [String(name)])
                }
            }
        }
        return commands
    }

    /// A shell line without a trailing `# comment`.
    private static func withoutComment(_ line: String) -> String {
        let cut = line.range(of: "  #").map { String(line[..<$0.lowerBound]) } ?? line
        return cut.trimmingCharacters(in: .whitespaces)
    }

    /// A command whose output goes to a file outside the sandbox (`> /etc/…`, `> "${fpath[1]}/…"`) writes to
    /// standard output instead: the example still runs, nothing is installed on the machine.
    private static func contained(_ command: String) -> String {
        guard let arrow = command.range(of: " > ") else { return command }
        let target = command[arrow.upperBound...]
        let outside = target.hasPrefix("/") || target.hasPrefix("\"$") || target.hasPrefix("~/.")
        return outside ? String(command[..<arrow.lowerBound]) + " > /dev/null" : command
    }

    // MARK: - Tests

    @Test("Every README command and query finds something in Corpus/")
    func readmeExamplesWork() throws {
        let sandbox = try Self.sandbox.get()
        let commands = try Self.readmeCommands()
        let queries = try Self.readmeQueries()
        #expect(commands.count >= 3 && queries.count >= 15, "the README's examples were not found")
        // A server runs until it is stopped: `podium serve` is tested in process (PodiumServerTests) and in a
        // browser (Tests/Browser), not here.
        for command in commands where !command.hasPrefix("podium serve") {
            let run = try sandbox.shell(Self.contained(command))
            #expect(run.status == 0, "\(command): \(run.summary)")
        }
        for query in queries {
            let run = try PodiumProcess.run(
                ["search", query, "--limit", "1"],
                in: sandbox.url,
                environment: ["PODIUM_INDEX": ""]
            )
            #expect(run.status == 0, "podium search '\(query)': \(run.summary)")
        }
    }

    @Test("Every --help example finds something in Corpus/")
    func helpExamplesWork() throws {
        let sandbox = try Self.sandbox.get()
        let commands = try Self.helpCommands(sandbox)
        #expect(commands.count >= 25, "the help texts' examples were not found: \(commands)")
        for subcommand in ["search", "show", "export", "trend", "topics rank", "index build", "parse", "analyze"] {
            #expect(commands.contains { $0.contains("podium \(subcommand) ") }, "no example of \(subcommand)")
        }
        // A server runs until it is stopped: `podium serve` is tested in process (PodiumServerTests) and in a
        // browser (Tests/Browser), not here.
        for command in commands where !command.hasPrefix("podium serve") {
            let run = try sandbox.shell(Self.contained(command))
            #expect(run.status == 0, "\(command): \(run.summary)")
        }
    }
}
