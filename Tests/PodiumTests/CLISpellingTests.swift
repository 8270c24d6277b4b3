import Foundation
import Podium
import SearchIndex
import TestSupport
import Testing

/// Did-you-mean end to end over `Corpus/`: the note, `--fuzzy`, JSON `suggestions`, and the misspelling trial
/// over the real corpus when `../shared` is there.
@Suite(
    "Spelling suggestions",
    .enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"),
    .cliFixture
)
struct CLISpellingTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    @Test("a query that finds nothing gets a note with the corrected query, in the typed capitalization")
    func note() throws {
        let f = try fixture
        let run = try f.run(["search", "Intelectual proprty"] + f.indexArguments)
        #expect(run.status == 1, "\(run.summary)")
        #expect(run.stderr.contains("note: did you mean \"Intellectual property\"?"), "\(run.summary)")
    }

    @Test("--fuzzy searches the corrected query and says so")
    func fuzzy() throws {
        let f = try fixture
        let plain = try f.run(["search", "intellectual property", "--format", "json"] + f.indexArguments)
        let run = try f.run(["search", "intelectual proprty", "--fuzzy", "--format", "json"] + f.indexArguments)
        #expect(run.status == 0, "\(run.summary)")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        let expected = try #require(try parseJSON(plain.stdout) as? [String: Any])
        let ids = (json["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == (expected["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(ids?.isEmpty == false)
        #expect((json["notes"] as? [String])?.first?.contains("\"intellectual property\"") == true)
    }

    @Test("JSON output carries the suggestion: the corrected query and each word's correction")
    func jsonSuggestions() throws {
        let f = try fixture
        let run = try f.run(["search", "tarifs", "--format", "json"] + f.indexArguments)
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        let suggestions = try #require(json["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == 1)
        #expect(suggestions.first?["query"] as? String == "tariffs")
        #expect(suggestions.first?["searched"] as? Bool == false)
        let corrections = suggestions.first?["corrections"] as? [[String: String]]
        #expect(corrections == [["word": "tarifs", "suggestion": "tariffs"]])
        let found = try f.run(["search", "tariffs", "--format", "json"] + f.indexArguments)
        #expect((try parseJSON(found.stdout) as? [String: Any])?["suggestions"] as? [Any] != nil)
        #expect(((try parseJSON(found.stdout) as? [String: Any])?["suggestions"] as? [Any])?.isEmpty == true)
    }

    @Test("An index of format version 5 asks for a rebuild")
    func formatFive() throws {
        let f = try fixture
        let old = f.workFile("format-5")
        try FileManager.default.copyItem(at: f.index, to: old)
        var commit = try IndexCommit.read(directory: old.path)
        commit.formatVersion = 5
        try commit.write(directory: old.path)
        let run = try f.run(["search", "tariffs", "--index", old.path, "--topics", f.topics.path])
        #expect(run.status == 3, "\(run.summary)")
        #expect(run.stderr.contains("format version 5"))
        #expect(run.stderr.contains("hint: rebuild it with: podium index build --index \(old.path)"))
    }

    @Test(
        "at least 90% of 200 misspelt frequent words of the real English briefings get the intended word first",
        .enabled(if: SharedData.isAvailable, SharedData.skipNote)
    )
    func hitRate() throws {
        let f = try fixture
        let index = f.workFile("shared-index")
        let build = try f.run([
            "index", "build", "--corpus", SharedData.presconJSONL.path,
            "--index", index.path, "--quiet",
        ])
        #expect(build.succeeded, "\(build.summary)")
        let podium = try PodiumIndex(directory: index.path)
        let cases = MisspellingTrial.cases(from: try podium.surfaceWordCounts())
        #expect(cases.count == 200)
        let hits = try cases.filter { try podium.spellingCandidates(for: $0.misspelt, limit: 1).first == $0.intended }
        #expect(hits.count * 10 >= cases.count * 9, "\(hits.count) of \(cases.count)")
    }
}
