import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// Markdown sources with YAML front matter: read through libcmark-gfm and the page reader, the front
/// matter's fields winning, no Markdown syntax left in a statement.
@Suite struct MarkdownReaderTests {
    let reader = TranscriptReader()

    static let paragraph =
        "The Administration will expand tariff-free access for clean energy components, protect the patents of "
        + "American inventors abroad, and work with partners on green steel standards."

    static let release = """
        ---
        tags: statements-releases
        date: '2023-05-04'
        source_url: https://example.gov/briefing-room/2023/05/04/green-trade/
        published_time: 2023-05-04 10:00:00-04:00
        title: "Fact Sheet: A Green Trade Agenda for American\\_Workers and COVID-\\u206019\\
          \\ Recovery"
        ---
         
        **SUPPORTING AMERICAN INDUSTRY:** \(paragraph)

        # A heading in Markdown for the Biden-\u{2060}Harris plan

        A paragraph with *emphasis*, **bold**, `code`, an escaped \\_underscore\\_ and
        [a link](https://example.gov/link) that reads as text. \(paragraph)

        <table><tr><td>Solar modules</td><td>12 GW</td></tr><tr><td>Wind turbines</td><td>4 GW</td></tr></table>

        -   A list item about intellectual property rules that runs long enough to be a passage of its own here.

        \\###
        """

    private func read(_ text: String, path: String = "release.md") -> SourceResult {
        reader.read(bytes: Array(text.utf8), path: path)
    }

    @Test func frontMatterFieldsWinAndTheirEscapesDecode() throws {
        let result = read(Self.release)
        #expect(result.outcome == .parsed)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let first = try #require(result.statements.first)
        // `\_` is a no-break space, `\u2060` an invisible word joiner, the trailing `\` folds the line.
        #expect(first.title == "Fact Sheet: A Green Trade Agenda for American Workers and COVID-19 Recovery")
        #expect(first.date == "2023-05-04")
        #expect(first.url == "https://example.gov/briefing-room/2023/05/04/green-trade/")
        #expect(first.kind == "fact-sheet")
        #expect(result.statements.allSatisfy { $0.title == first.title && $0.date == "2023-05-04" })
    }

    @Test func noMarkdownSyntaxOrFrontMatterReachesAStatement() throws {
        let result = read(Self.release)
        let text = result.statements.flatMap { [$0.question, $0.answer] }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
        for syntax in ["**", "\\_", "](http", "`", "source_url", "tags:", "---", "###", "\u{2060}"] {
            #expect(!text.contains(syntax), "\(syntax) in \(text)")
        }
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("#") })
        #expect(text.hasPrefix("SUPPORTING AMERICAN INDUSTRY: The Administration"))
        #expect(text.contains("A heading in Markdown for the Biden-Harris plan"))
        #expect(text.contains("an escaped _underscore_ and a link that reads as text."))
    }

    @Test func aRawHTMLTableIsKept() {
        let text = read(Self.release).statements.map(\.answer).joined(separator: "\n\n")
        // The article reader keeps each cell a paragraph of its own.
        #expect(text.contains("Solar modules\n\n12 GW"), "\(text)")
        #expect(text.contains("Wind turbines\n\n4 GW"))
    }

    @Test func aStrongCloserAfterANoBreakSpaceStillCloses() {
        let text = read("**HEADING ONE:\u{A0}**Text after it, \(Self.paragraph)\n\nnear**–**term and so** **\n")
            .statements.map(\.answer).joined()
        #expect(text.hasPrefix("HEADING ONE: Text after it"), "\(text)")
        #expect(!text.contains("**"))
        #expect(text.contains("near–term"))
        // Asterisks written escaped are the publisher's text.
        let escaped = read("\\*\\*Please see the correction, marked with an asterisk. \(Self.paragraph)\n")
        #expect(escaped.statements.first?.answer.hasPrefix("**Please see the correction") == true)
    }

    @Test func brokenFrontMatterIsReadAsMarkdownWithAWarningNamingTheLine() throws {
        let broken = "---\ntitle: \"Unclosed quote\ndate: '2023-01-02'\n---\n\n\(Self.paragraph)\n"
        let result = read(broken, path: "broken.md")
        #expect(result.outcome == .parsed)
        #expect(result.statements.map(\.answer) == [Self.paragraph])
        let warning = try #require(result.warnings.first)
        #expect(warning.line != nil && (2...4).contains(warning.line!), "\(warning)")
        #expect(warning.description.hasPrefix("broken.md:"))
        #expect(warning.message.contains("front matter is not valid YAML"))

        let unclosed = read("---\ntitle: x\n\n\(Self.paragraph)\n", path: "unclosed.md")
        #expect(unclosed.warnings.first?.line == 1)
        #expect(unclosed.warnings.first?.message.contains("never closed") == true)
        #expect(unclosed.statements.first?.answer.contains(Self.paragraph) == true)

        let badDate = read("---\ntitle: T\ndate: someday\n---\n\(Self.paragraph)\n", path: "date.md")
        #expect(badDate.warnings.contains { $0.line == 3 && $0.message.contains("'someday' is not a date") })
    }

    @Test func tagsAndTitleGiveTheKind() {
        func kind(_ title: String, _ tags: String) -> String? {
            read("---\ntitle: \"\(title)\"\ntags: \(tags)\ndate: 2022-03-04\n---\n\(Self.paragraph)\n")
                .statements.first?.kind
        }
        #expect(kind("Press Briefing by Press Secretary Jen Psaki", "press-briefings") == "press-conference")
        #expect(kind("Statement by President Joe Biden on Trade", "statements-releases") == "statement")
        #expect(kind("Remarks by the Vice President", "statements-releases") == "remarks")
        #expect(kind("Nominations Sent to the Senate", "[statements-releases]") == "press-release")
        #expect(kind("FACT SHEET: Clean Energy", "[releases, fact-sheets]") == "fact-sheet")
    }

    @Test func aShortReleaseIsAStatementNotASkippedListing() {
        let result = read(
            "---\ntitle: Nomination Sent to the Senate\ndate: '2023-03-27'\n---\n"
                + "     Ann Example, of California, to be Administrator.\n\n\\###\n"
        )
        #expect(result.outcome == .parsed)
        #expect(result.statements.map(\.answer) == ["Ann Example, of California, to be Administrator."])
    }

    @Test func aGzippedMarkdownFileReadsAsTheSameFile() throws {
        let directory = try TemporaryDirectory(prefix: "podium-md")
        let plain = directory.url.appendingPathComponent("release.md")
        try Self.release.write(to: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c -n \"$0\" > \"$0.gz\"", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        let fromGzip = reader.read(path: plain.path + ".gz")
        #expect(fromGzip.statements.map(\.answer) == reader.read(path: plain.path).statements.map(\.answer))
        #expect(fromGzip.statements.first?.title.hasPrefix("Fact Sheet") == true)
        let listed = try SourceFiles.list([directory.url.path]).map { ($0 as NSString).lastPathComponent }
        #expect(listed == ["release.md", "release.md.gz"])
    }
}
