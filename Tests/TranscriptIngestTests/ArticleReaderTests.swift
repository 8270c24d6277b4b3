import Foundation
import Testing
import TranscriptIngest

/// Pages that are not in the ministry's layout: their main text, cut into passages (issue 13).
@Suite struct ArticleReaderTests {
    let reader = TranscriptReader()

    func read(_ html: String, path: String = "article.html") -> SourceResult {
        reader.read(bytes: Array(html.utf8), path: path)
    }

    /// Every statement's question and answer, joined in order: the page's text.
    func text(of result: SourceResult) -> String {
        result.statements.flatMap { [$0.question, $0.answer] }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    @Test func aNewsStoryKeepsItsParagraphsAndDropsEverythingAroundThem() throws {
        let result = read(ArticleFixtures.newsStory)
        #expect(result.outcome == .parsed)
        let text = text(of: result)
        #expect(text == ArticleFixtures.paragraphs.joined(separator: "\n\n"))
        for junk in [
            "cookies", "Metro Daily", "Sports", "Jane Doe", "Share on Twitter", "A bus on Main Street",
            "Related stories", "Bus fares", "waste of money", "Ten places", "morning briefing", "rights reserved",
            "not text", "Council approves",
        ] {
            #expect(!text.contains(junk), "kept '\(junk)'")
        }
        #expect(result.statements.allSatisfy { $0.question.isEmpty && $0.outlet.isEmpty })
        #expect(result.statements.allSatisfy { $0.title == "Council approves transit plan" })
        #expect(result.statements.map(\.id) == result.statements.indices.map { "article.html#\($0 + 1)" })
    }

    @Test func headingsListsAndLineBreaksAreParagraphBoundaries() throws {
        let result = read(ArticleFixtures.structuredRelease)
        let text = text(of: result)
        #expect(text.contains("next year.\n\nWhat the plant makes\n\nCells for electric buses and trucks\n\n"))
        #expect(text.contains("Storage packs for solar farms\n\nThe plant is the company's third"))
        #expect(text.contains("United States.\n\nIt was built in eighteen months."))
        #expect(!text.contains("Home"))
        for statement in result.statements {
            #expect(TextChecks.problems(in: statement.answer).isEmpty, "\(TextChecks.problems(in: statement.answer))")
        }
    }

    @Test func aHeadingOpensAPassageAndStaysWithWhatFollows() throws {
        let result = read(ArticleFixtures.structuredRelease)
        let opening = try #require(result.statements.first { $0.answer.contains("What the plant makes") })
        #expect(opening.answer.hasPrefix("What the plant makes\n\nCells"))
    }

    @Test func shortParagraphsAreReadTogetherAndLongOnesAlone() throws {
        let short = ArticleFixtures.article(paragraphs: 9, length: 150)
        let shortResult = read(short.html)
        // 150-character paragraphs: three make a passage of at least 400 characters.
        #expect(shortResult.statements.map { $0.answer.components(separatedBy: "\n\n").count } == [3, 3, 3])
        #expect(text(of: shortResult) == short.texts.joined(separator: "\n\n"))

        let long = ArticleFixtures.article(paragraphs: 3, length: 1500)
        let longResult = read(long.html)
        #expect(longResult.statements.map(\.answer) == long.texts)
    }

    @Test(arguments: [("login wall", ArticleFixtures.loginWall), ("gallery", ArticleFixtures.gallery)])
    func aPageWithoutMainTextIsSkippedWithAReason(kind: String, html: String) {
        let result = read(html)
        #expect(result.outcome == .skipped(.noTranscriptBody), "\(kind)")
        #expect(result.statements.isEmpty)
        if case .skipped(let reason) = result.outcome { #expect(reason.description.contains("main text")) }
    }

    @Test func aContentDivWithoutTheMinistrysLandmarksIsReadAsAnArticle() {
        let text = text(of: read(ArticleFixtures.contentDivNews))
        #expect(text.hasPrefix("Dock workers"))
        #expect(text.hasSuffix("take a month to clear."))
        #expect(!text.contains("About us") && !text.contains("World"))
    }

    @Test func aMinistryPageIsStillReadAsATranscript() {
        let html = PageFixtures.english(body: "<P>Q: Will the talks resume?</P><P>A: We hope so.</P>")
        let statements = read(html, path: "mfa.html").statements
        #expect(statements.map(\.question) == ["Will the talks resume?"])
        #expect(statements.map(\.answer) == ["We hope so."])
    }

    @Test func markupInScriptsCommentsAndAttributesDoesNotReachTheText() {
        let paragraph = "The minister said the agreement would be signed in May, after both parliaments vote on it."
        let html = """
            <html><head><title>Agreement</title>
            <script type="application/ld+json">{"headline": "Agreement"}</script></head><body>
            <!-- <script> a comment, not a script </script> -->
            <article data-embed='<script src="x.js"></script>'>
            <p data-id=7 class="lead">\(paragraph)</p>
            <div data-role="x" style="display:none" data-y='z'>Hidden text that must stay hidden.</div>
            <img srcset="a.jpg 1x, b.jpg 2x" sizes=100vw alt="A picture">
            <!-- a comment with <p>markup</p> --><!---->
            <SCRIPT>var s = "<p>hidden</p>";</SCRIPT>
            <style>p::before { content: "<b>"; }</style>
            <svg><text>Chart label</text></svg>
            <p>\(paragraph) Twice.</p>
            </article></body></html>
            """
        let text = text(of: read(html))
        #expect(text == "\(paragraph)\n\n\(paragraph) Twice.")
    }

    @Test func aGzippedPageReadsAsTheSamePage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podium-gz-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("story.html")
        try ArticleFixtures.newsStory.write(to: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -k -n \"$0\"", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        let fromGzip = reader.read(path: plain.path + ".gz")
        #expect(fromGzip.statements.map(\.answer) == reader.read(path: plain.path).statements.map(\.answer))
        #expect(
            try SourceFiles.list([directory.path]).map { ($0 as NSString).lastPathComponent } == [
                "story.html", "story.html.gz",
            ]
        )

        let damaged = directory.appendingPathComponent("cut.html.gz")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: plain.path + ".gz"))
        try bytes.prefix(bytes.count / 2).write(to: damaged)
        #expect(reader.read(path: damaged.path).outcome == .failed("not a readable gzip file"))
    }
}
