import Foundation
@testable import Podium
import TestSupport
import Testing

/// Synonyms end to end over `Corpus/`: the defaults, `--explain`, `--cross-language`, `--synonyms` and the
/// message of a broken file.
@Suite(
    "Synonyms and abbreviations",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLISynonymsTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    static let shippedList = SharedData.packageRoot.appendingPathComponent("Docs/synonyms.toml")

    /// An index of `Corpus/` built with the shipped list, `Docs/synonyms.toml`.
    func indexWithShippedList() throws -> URL {
        let f = try fixture
        let index = f.workFile("shipped-synonyms")
        let build = try f.run([
            "index", "build", "--corpus", f.corpus.path, "--index", index.path, "--synonyms", Self.shippedList.path,
            "--quiet",
        ])
        #expect(build.succeeded, "\(build.summary)")
        return index
    }

    func search(_ arguments: [String], index: URL? = nil) throws -> [String: Any] {
        let f = try fixture
        let run = try f.run(
            ["search"] + arguments + [
                "--format", "json", "--limit", "50", "--index", (index ?? f.index).path,
                "--topics", f.topics.path,
            ]
        )
        return try #require(try parseJSON(run.stdout) as? [String: Any], "\(run.summary)")
    }

    func texts(_ json: [String: Any]) -> [String] {
        (json["hits"] as? [[String: Any]] ?? []).map {
            "\($0["title"] ?? "") \($0["question"] ?? "") \($0["answer"] ?? "")".lowercased()
        }
    }

    @Test("IP finds statements that say \"intellectual property\" without IP, and --explain says so")
    func abbreviation() throws {
        let f = try fixture
        let index = try indexWithShippedList()
        let found = texts(try search(["IP"], index: index))
        #expect(found.contains { $0.contains("intellectual property") && !$0.contains(" ip ") })
        #expect(texts(try search(["IP"])).count < found.count, "an index without synonyms searches IP alone")
        let run = try f.run(["search", "IP", "--explain", "--limit", "1", "--index", index.path])
        #expect(run.stderr.contains("note: IP also searched as \"intellectual property\""), "\(run.summary)")
        let quoted = texts(try search(["\"IP\""], index: index))
        #expect(quoted.count < found.count)
    }

    @Test("--cross-language lets an English query find Chinese statements and the reverse")
    func crossLanguage() throws {
        func languages(_ json: [String: Any]) -> Set<String> {
            Set((json["hits"] as? [[String: Any]] ?? []).compactMap { $0["language"] as? String })
        }
        let index = try indexWithShippedList()
        #expect(!languages(try search(["carbon neutrality"], index: index)).contains("zh"))
        #expect(languages(try search(["carbon neutrality", "--cross-language"], index: index)).contains("zh"))
        #expect(!languages(try search(["知识产权"], index: index)).contains("en"))
        #expect(languages(try search(["知识产权", "--cross-language"], index: index)).contains("en"))
    }

    @Test("a synonyms file given to the build travels with the index")
    func ownFile() throws {
        let f = try fixture
        let file = f.workFile("synonyms.toml")
        try Data("[synonyms]\ntariff = [\"duties\"]\n".utf8).write(to: file)
        let index = f.workFile("own-synonyms")
        let build = try f.run([
            "index", "build", "--corpus", f.corpus.path, "--index", index.path, "--synonyms",
            file.path, "--quiet",
        ])
        #expect(build.succeeded, "\(build.summary)")
        #expect(FileManager.default.fileExists(atPath: index.appendingPathComponent("synonyms.toml").path))
        let run = try f.run(["search", "tariff", "--explain", "--limit", "1", "--index", index.path])
        #expect(run.stderr.contains("tariff also searched as \"duties\""), "\(run.summary)")
        let ip = try f.run(["search", "IP", "--explain", "--limit", "1", "--index", index.path])
        #expect(!ip.stderr.contains("also searched as"))
    }

    @Test(
        "a broken synonyms file names its line, and nothing is written",
        arguments: [
            ("[synonyms]\nIP = [\"intellectual property\"]\nNEV = \"new energy vehicle\"\n", "line 3"),
            ("[synonyms]\nIP = [\"intellectual property\"\nX = 1\n", "line 3"),
            ("[synonyms]\nIP = [\"intellectual property\"]\n\n[colours]\nred = [\"rouge\"]\n", "line 4"),
            ("[synonyms]\nIP = [\"...\"]\n", "line 2"),
        ]
    )
    func broken(text: String, line: String) throws {
        let f = try fixture
        let file = f.workFile("broken.toml")
        try Data(text.utf8).write(to: file)
        let index = f.workFile("broken-synonyms")
        let run = try f.run([
            "index", "build", "--corpus", f.corpus.path, "--index", index.path, "--synonyms",
            file.path,
        ])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("synonyms file '\(file.path)', \(line):"), "\(run.summary)")
        #expect(!FileManager.default.fileExists(atPath: index.path))
    }

    @Test("the shipped list, Docs/synonyms.toml, reads")
    func defaults() throws {
        #expect(!(try SynonymFile.load(Self.shippedList.path)).isEmpty)
    }
}
