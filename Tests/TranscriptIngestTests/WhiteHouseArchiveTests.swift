import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// The White House archive in `../shared/corpus/whitehouse` (Markdown with front matter): every release,
/// fact sheet and briefing yields statements with the front matter's title and date, and no Markdown
/// syntax, escape or front-matter text reaches them.
///
/// A debug build reads every third file (the whole archive takes about a minute there); a release build
/// reads them all.
@Suite(.enabled(if: WhiteHouseArchive.isAvailable, WhiteHouseArchive.skipNote))
struct WhiteHouseArchiveTests {

    #if DEBUG
        static let stride = 3
    #else
        static let stride = 1
    #endif

    /// What a file's own bytes say, read without the reader: the `date:` line and whether the body holds
    /// any text at all (a fact sheet that is only images does not).
    struct Expected {
        var date: String
        var bodyHasText: Bool
        var writesEscapedAsterisks: Bool

        init(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let dateLine = lines.first { $0.hasPrefix("date: ") } ?? ""
            date = String(dateLine.dropFirst(6).filter { $0.isNumber || $0 == "-" })
            let closing = lines.dropFirst().firstIndex { $0 == "---" } ?? 0
            let body = lines[(closing + 1)...].joined(separator: "\n")
            let withoutTags = body.replacing(/<[^>]*>/, with: "")
            bodyHasText = withoutTags.contains { $0.isLetter }
            writesEscapedAsterisks = body.contains("\\*\\*")
        }
    }

    @Test(arguments: ["statements-releases", "fact-sheets", "press-briefings"])
    func everyFileYieldsCleanStatementsWithTheFrontMattersDate(kind: String) throws {
        let all = try SourceFiles.list([WhiteHouseArchive.folder.appendingPathComponent(kind).path])
        let paths = Swift.stride(from: 0, to: all.count, by: Self.stride).map { all[$0] }
        #expect(paths.count * Self.stride >= all.count)
        if Self.stride > 1 { print("note: a debug build reads \(paths.count) of \(all.count) files in \(kind)") }
        let results = TranscriptReader().read(paths: paths)
        var withoutText = 0
        for result in results {
            let expected = Expected(try String(contentsOfFile: result.source, encoding: .utf8))
            guard expected.bodyHasText else {
                withoutText += 1
                #expect(result.outcome == .skipped(.noTranscriptBody), "\(result.source)")
                continue
            }
            #expect(result.outcome == .parsed, "\(result.source): \(result.outcome)")
            #expect(!result.statements.isEmpty, "\(result.source)")
            #expect(!result.warnings.contains { $0.line != nil }, "\(result.warnings)")
            for statement in result.statements {
                #expect(statement.date == expected.date, "\(statement.id)")
                #expect(!statement.title.isEmpty, "\(statement.id)")
                for field in [statement.title, statement.question, statement.answer] {
                    let problem = Self.markdownLeft(in: field, escapedAsterisks: expected.writesEscapedAsterisks)
                    #expect(problem == nil, "\(statement.id): \(problem ?? "") in \(field.prefix(300))")
                }
            }
        }
        // Only the one fact sheet that is two images and nothing else has no text.
        #expect(withoutText <= 1)
    }

    /// The Markdown syntax, escape or front-matter text left in `text`, or `nil`.
    static func markdownLeft(in text: String, escapedAsterisks: Bool) -> String? {
        for syntax in ["\\_", "](http", "source_url:", "published_time:", "tags: ", "\u{2060}"]
        where text.contains(syntax) {
            return syntax
        }
        if !escapedAsterisks, text.contains("**") { return "**" }
        if text.split(separator: "\n").contains(where: { $0.hasPrefix("#") || $0 == "---" }) {
            return "a line opening with # or ---"
        }
        return nil
    }
}

/// Where the archive is, and whether it is there.
enum WhiteHouseArchive {
    static let folder = SharedData.root.appendingPathComponent("corpus/whitehouse")
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("fact-sheets").path)
    }
    static let skipNote: Comment =
        "skipped: ../shared/corpus/whitehouse (the White House archive) is not beside this checkout"
}
