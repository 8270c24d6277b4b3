import Foundation
import TestSupport
import Testing

/// Every command explains itself with examples; the version and shell completions are there.
@Suite("podium --help, --version, completions", .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"))
struct CLIHelpTests {
    static let commands: [[String]] = [
        [], ["search"], ["topics"], ["topics", "list"], ["topics", "show"], ["topics", "rank"], ["export"], ["trend"],
        ["index"], ["index", "build"], ["index", "refresh"], ["index", "stats"], ["index", "verify"], ["parse"],
        ["analyze"],
    ]

    @Test("--help shows the usage and examples of the command", arguments: commands)
    func help(command: [String]) throws {
        let run = try PodiumProcess.run(command + ["--help"])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.summary)")
        let name = (["podium"] + command).joined(separator: " ")
        #expect(run.stdout.contains("USAGE: \(name)"), "\(run.stdout.prefix(200))")
        let examples = try #require(run.stdout.range(of: "Examples:\n"), "no examples in \(name) --help")
        let lines = run.stdout[examples.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("  ") }
        #expect(lines.count >= 2, "fewer than two examples")
        // An example of a subcommand runs that subcommand (the top level may show any).
        let prefix = command.isEmpty ? "podium " : name + " "
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }, "\(lines)")
    }

    @Test("--version prints 0.1.0")
    func version() throws {
        let run = try PodiumProcess.run(["--version"])
        #expect(run.status == 0 && run.stdout == "0.1.0\n")
    }

    @Test("Completion scripts for bash, zsh and fish name every command", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let run = try PodiumProcess.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.summary)")
        for command in ["search", "topics", "export", "trend", "index", "parse", "analyze", "refresh", "verify"] {
            #expect(run.stdout.contains(command), "\(shell): no \(command)")
        }
    }
}
