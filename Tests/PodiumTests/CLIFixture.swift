import Foundation
import TestSupport
import Testing

/// A copy of the project's `Corpus/` in a temporary directory, indexed once for a suite, for tests that run
/// the `podium` binary end to end. Commands run in an empty working directory and name the index and the
/// topics file explicitly, so nothing is found by accident.
final class CLIFixture: @unchecked Sendable {
    /// The fixture of the running suite (see `.cliFixture`).
    @TaskLocal static var current: CLIFixture?

    let root: TemporaryDirectory
    var corpus: URL { root.url.appendingPathComponent("Corpus") }
    var index: URL { root.url.appendingPathComponent("index") }
    var topics: URL { corpus.appendingPathComponent("topics.toml") }
    /// The working directory of every run: empty apart from what a test writes there.
    var work: URL { root.url.appendingPathComponent("work") }

    /// `--index` and `--topics` for the commands that read the index.
    var indexArguments: [String] { ["--index", index.path, "--topics", topics.path] }

    init() throws {
        root = try TemporaryDirectory(prefix: "podium-cli")
        try FileManager.default.copyItem(at: SharedData.projectCorpus, to: corpus)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let build = try run(["index", "build", "--corpus", corpus.path, "--index", index.path])
        guard build.succeeded else { throw FixtureError(description: "index build failed: \(build.stderr)") }
    }

    /// Runs `podium arguments` in `work`.
    func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        input: Data? = nil
    ) throws
        -> PodiumProcess.Outcome
    {
        try PodiumProcess.run(arguments, in: work, environment: environment, input: input)
    }

    /// Runs `podium arguments` in `work` on a pseudo-terminal (see `PodiumProcess.runOnTerminal`).
    func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> PodiumProcess.Outcome {
        try PodiumProcess.runOnTerminal(arguments, in: work, environment: environment)
    }

    /// A fresh file name in `work`.
    func workFile(_ name: String) -> URL { work.appendingPathComponent("\(UUID().uuidString.prefix(8))-\(name)") }

    struct FixtureError: Error, CustomStringConvertible { var description: String }
}

extension Trait where Self == SuiteFixtureTrait<CLIFixture> {
    /// Gives the suite's tests `CLIFixture.current`: `Corpus/` copied and indexed.
    static var cliFixture: Self { SuiteFixtureTrait(local: CLIFixture.$current) { try CLIFixture() } }
}

// MARK: - Reading outputs

/// Parses JSON text, failing the test with the text when it is not JSON.
func parseJSON(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
        Issue.record("not JSON: \(text.prefix(300))", sourceLocation: sourceLocation)
        throw error
    }
}

/// One JSON object per non-empty line.
func parseJSONLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try parseJSON(String(line)) as? [String: Any], "not an object: \(line.prefix(200))")
    }
}

extension PodiumProcess.Outcome {
    /// The whole run, for failure messages.
    var summary: String { "status \(status), stderr: \(stderr.prefix(600))" }
}
