import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// Pages whose bytes are unusual but whose text is whole: nothing of them is lost, and no false warning.
@Suite struct PageBytesTests {
    let reader = TranscriptReader()
    static let page = PageFixtures.english(
        body: (1...6).map { "<P><B>Q: Question \($0) on trade?</B></P><P>A: Answer \($0) on tariffs.</P>" }.joined()
    )

    @Test func aStrayNULIsReplacedAndWarnedNotADiscardedPage() throws {
        var bytes = Array(Self.page.utf8)
        let spot = try #require(Self.page.utf8.firstRange(of: "on tariffs".utf8)).lowerBound
        let offset = Self.page.utf8.distance(from: Self.page.utf8.startIndex, to: spot) + 2  // "on\0tariffs"
        bytes[offset] = 0
        let result = reader.read(bytes: bytes, path: "nul.html")
        #expect(result.outcome == .parsed)
        #expect(result.statements.count == 6)
        #expect(result.statements.first?.answer == "Answer 1 on tariffs.")
        #expect(result.warnings.map(\.message) == ["a NUL byte at byte \(offset) replaced by a space"])
        // A NUL far into the page, past where the binary check looks, costs no statements either.
        var late = Array(Self.page.utf8)
        let last = try #require(Self.page.utf8.firstRange(of: "Answer 6".utf8)).lowerBound
        late[Self.page.utf8.distance(from: Self.page.utf8.startIndex, to: last) - 1] = 0
        late[10] = 0
        let lateResult = reader.read(bytes: late, path: "nuls.html")
        #expect(lateResult.statements.count == 6)
        #expect(lateResult.warnings.first?.message.hasPrefix("2 NUL bytes (the first at byte 10)") == true)
    }

    @Test(arguments: [true, false])
    func aUTF16PageIsReadWithoutAFalseTruncationWarning(littleEndian: Bool) throws {
        let units = Array(Self.page.utf16)
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in units {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        let result = reader.read(bytes: bytes, path: "utf16.html")
        #expect(result.outcome == .parsed)
        #expect(result.statements.count == 6)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        // Cut in the middle, it still warns.
        let answer = try #require(Self.page.utf16.firstRange(of: "Answer 4".utf16)).lowerBound
        let half = 2 + 2 * Self.page.utf16.distance(from: Self.page.utf16.startIndex, to: answer)
        let cut = reader.read(bytes: Array(bytes[..<half]), path: "utf16-cut.html")
        #expect(cut.statements.count == 4)
        #expect(cut.warnings.contains { $0.message.contains("truncated") }, "\(cut.warnings)")
    }
}
