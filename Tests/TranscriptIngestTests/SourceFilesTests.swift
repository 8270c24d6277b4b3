import Foundation
import Testing
import TestSupport
import TranscriptIngest

@Suite struct SourceFilesTests {
    @Test func listsSourcesSortedAndSkipsHiddenAndOtherFiles() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("sub"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".hidden"),
            withIntermediateDirectories: true
        )
        for name in [
            "b.html", "a.shtml", "sub/c.htm", "sub/d.jsonl", "notes.txt", ".hidden/e.html", ".f.html", "G.HTML",
        ] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        let listed = try SourceFiles.list([root.path])
        #expect(listed == ["G.HTML", "a.shtml", "b.html", "sub/c.htm", "sub/d.jsonl"].map { root.path + "/" + $0 })
        // A file named directly is taken as given, once.
        let notes = root.appendingPathComponent("notes.txt").path
        #expect(try SourceFiles.list([notes, root.path]).contains(notes))
        #expect(try SourceFiles.list([notes, notes]) == [notes])
    }

    @Test func aMissingPathIsAnError() {
        #expect(throws: SourceFilesError.self) { try SourceFiles.list(["/no/such/podium/path"]) }
    }
}
