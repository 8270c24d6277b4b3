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

    @Test func linksInsideAreFollowedOnceOthersReported() throws {
        let directory = try TemporaryDirectory()
        let manager = FileManager.default
        let corpus = directory.url.appendingPathComponent("corpus").path
        let outside = directory.url.appendingPathComponent("outside").path
        try manager.createDirectory(atPath: corpus + "/sub", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        for path in [corpus + "/sub/a.html", outside + "/b.html"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        }
        try manager.createSymbolicLink(atPath: corpus + "/0-link", withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: corpus + "/loop", withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: corpus + "/same.html", withDestinationPath: "sub/a.html")
        try manager.createSymbolicLink(atPath: corpus + "/away.html", withDestinationPath: outside + "/b.html")
        try manager.createSymbolicLink(atPath: corpus + "/away", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: corpus + "/dangling.html", withDestinationPath: outside + "/none.html")

        let listing = try SourceFiles.scan([corpus])
        // The folder linked from inside is listed under its own path only; a linked file is a source.
        #expect(listing.files == [corpus + "/same.html", corpus + "/sub/a.html"])
        #expect(listing.problems.map(\.path) == ["/away", "/away.html", "/dangling.html"].map { corpus + $0 })
        #expect(listing.problems.map(\.kind) == [.outsideLink, .outsideLink, .danglingLink])
        let followed = try SourceFiles.scan([corpus], followSymlinks: true)
        #expect(followed.files == ["/away.html", "/away/b.html", "/same.html", "/sub/a.html"].map { corpus + $0 })
        #expect(followed.problems.map(\.kind) == [.danglingLink])
    }
}
