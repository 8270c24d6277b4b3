import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// Files of a kind podium does not read are counted by extension, never passed over without a word;
/// hidden files stay out of the count, and a folder's Markdown without front matter is counted, not read.
@Suite struct UnreadFilesTests {
    @Test func aListingCountsTheFilesItDoesNotRead() throws {
        let folder = try TemporaryDirectory(prefix: "podium-unread")
        let root = folder.url
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("sub"),
            withIntermediateDirectories: true
        )
        let files: [String: String] = [
            "page.html": "<html><body><p>x</p></body></html>",
            "release.md": "---\ntitle: T\n---\nText.\n",
            "README.md": "# Notes on this folder\n",
            "a.pdf": "%PDF", "sub/b.pdf": "%PDF", "sub/c.PDF": "%PDF", "d.docx": "PK", "e.pdf.gz": "",
            "LICENSE": "text", ".hidden.pdf": "%PDF", ".DS_Store": "",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }

        let listing = try SourceFiles.scan([root.path])
        #expect(listing.files.map { ($0 as NSString).lastPathComponent } == ["page.html", "release.md"])
        #expect(
            listing.unread == [
                "pdf": 3, "docx": 1, "pdf.gz": 1, "": 1, "md without front matter": 1,
            ]
        )
        #expect(
            SourceFiles.unreadSummary(listing.unread)
                == "not read: 3 .pdf, 1 (no extension), 1 .docx, 1 .md without front matter, 1 .pdf.gz "
                + "(podium reads .html .htm .shtml .md .markdown .jsonl and their .gz)"
        )
        // Named on its own, a file is read whatever it holds.
        #expect(try SourceFiles.scan([root.appendingPathComponent("README.md").path]).files.count == 1)
        #expect(SourceFiles.unreadSummary([:]) == nil)
    }
}
