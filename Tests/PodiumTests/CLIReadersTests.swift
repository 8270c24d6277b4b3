import Foundation
import TestSupport
import Testing

/// Which reader read each source, and where each metadata value came from, as `podium parse` and
/// `podium index build` say it (issue 13).
@Suite(.enabled(if: PodiumProcess.binary != nil, "the podium binary was not built"), .cliFixture)
struct CLIReadersTests {
    var fixture: CLIFixture { get throws { try #require(CLIFixture.current) } }

    static let release = "2021-06-15-en-press-release-verdant-cell.html"

    @Test("parse --format text heads a page with its reader and each value's source")
    func parseTextNamesSources() throws {
        let f = try fixture
        let run = try f.run(["parse", f.corpus.appendingPathComponent(Self.release).path])
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stdout.hasPrefix("== \(f.corpus.appendingPathComponent(Self.release).path)  (article)\n"))
        for line in [
            "   date       2021-06-15 (article:published_time)\n",
            "   publisher  Verdant Cell Technologies (og:site_name)\n",
            "   author     Verdant Cell Corporate Communications (meta author)\n",
            "   language   en (lang attribute)\n",
        ] {
            #expect(run.stdout.contains(line), "no line '\(line.dropLast())'")
        }
        #expect(run.stderr.contains("read: 1 article\n"))
    }

    @Test("parse --format jsonl gives each statement's publisher and reader")
    func parseJSONLHasPublisherAndReader() throws {
        let f = try fixture
        let run = try f.run(["parse", "--format", "jsonl", f.corpus.path])
        #expect(run.status == 0, "\(run.summary)")
        let lines = try parseJSONLines(run.stdout)
        let readers = Dictionary(grouping: lines, by: { $0["reader"] as? String ?? "?" }).mapValues(\.count)
        #expect(Set(readers.keys) == ["ministry", "transcript", "article", "markdown", "jsonl"], "\(readers)")
        let release = lines.filter { ($0["source"] as? String)?.hasSuffix(Self.release) == true }
        #expect(!release.isEmpty)
        #expect(release.allSatisfy { $0["publisher"] as? String == "Verdant Cell Technologies" })
        #expect(release.allSatisfy { $0["reader"] as? String == "article" && $0["kind"] as? String == "press-release" })
        #expect(lines.allSatisfy { $0["publisher"] is String })
    }

    @Test("index build counts the sources each reader read")
    func buildCountsReaders() throws {
        let f = try fixture
        let index = f.work.appendingPathComponent("readers-index")
        let run = try f.run(["index", "build", "--corpus", f.corpus.path, "--index", index.path])
        #expect(run.status == 0, "\(run.summary)")
        let readers =
            "read: 48 ministry transcripts, 5 generic transcripts, 3 articles, 2 Markdown files, 1 JSONL file\n"
        #expect(run.stderr.contains(readers), "\(run.stderr)")
        let search = try f.run(["search", "geographical indications", "--format", "jsonl", "--index", index.path])
        let hits = try parseJSONLines(search.stdout)
        #expect(hits.first?["publisher"] as? String == "Ministry of Economy and Trade")
    }
}
