import Foundation
import TestSupport
import Testing
import TranscriptIngest

/// A JSONL file read in blocks by separate calls, then joined in order, gives exactly what one read of the
/// whole file gives: the same statements with the same ordinals, and the same warnings with the lines of the
/// file, whatever the block size; a page is one unit.
@Suite struct SourceUnitTests {
    /// Reads `path` unit by unit, out of order as threads would, and joins the pieces in order.
    static func readInUnits(_ path: String, blockSize: Int) throws -> SourceResult {
        let reader = TranscriptReader(blockSize: blockSize)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let units = reader.units(ofSource: path, size: Int64(size))
        let pieces = Dictionary(uniqueKeysWithValues: units.reversed().map { ($0, reader.read($0)) })
        var joiner = SourceJoiner()
        var result = SourceResult(source: path)
        var bytes = 0
        for unit in units {
            var piece = try #require(pieces[unit])
            joiner.join(&piece)
            bytes += piece.byteCount
            result.statements += piece.statements
            result.warnings += piece.warnings
        }
        result.outcome = joiner.sourceOutcome
        result.byteCount = joiner.byteCount
        result.reader = joiner.reader
        #expect(bytes == size, "the blocks own every byte once")
        return result
    }

    static func write(_ text: String, name: String, in folder: TemporaryDirectory) throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [1, 7, 64, 300, 100_000])
    func blocksJoinIntoTheWholeRead(blockSize: Int) throws {
        let folder = try TemporaryDirectory()
        var lines: [String] = []
        for n in 1...40 {
            switch n {
            case 9: lines.append(#"{"id": "s3", "answer": "a second s3", "date": "May 9, 2019"}"#)
            case 12: lines.append(#"{"id": "broken", "answer": "unterminated"#)
            case 17: lines.append("   ")
            case 23: lines.append(#"{"id": "s23", "answer": "\#(String(repeating: "long ", count: 120))"}"#)
            case 31: lines.append(#"{"id": "s3", "answer": "a third s3"}"#)
            default: lines.append(#"{"id": "s\#(n)", "answer": "answer \#(n)", "date": "2019-05-0\#(n % 9 + 1)"}"#)
            }
        }
        lines[4] = #"{"id": "s5", "answer": "five", "date": "5 May"}"#
        let text = lines.joined(separator: "\n") + "\n"
        let path = try Self.write(text, name: "statements.jsonl", in: folder)
        let whole = TranscriptReader().read(bytes: Array(text.utf8), path: path)
        #expect(whole.warnings.compactMap(\.line) == [5, 9, 12, 31])
        let joined = try Self.readInUnits(path, blockSize: blockSize)
        #expect(joined == whole)
        #expect(joined.statements.map(\.ordinal) == Array(1...whole.statements.count))
        #expect(TranscriptReader(blockSize: blockSize).read(path: path) == whole)
    }

    @Test(arguments: [1, 5, 1000])
    func aFileOfBlankLinesIsSkippedAsEmpty(blockSize: Int) throws {
        let folder = try TemporaryDirectory()
        let path = try Self.write("\n  \n\t\n\n", name: "blank.jsonl", in: folder)
        let result = try Self.readInUnits(path, blockSize: blockSize)
        #expect(result.outcome == .skipped(.empty))
        #expect(result.statements.isEmpty && result.warnings.isEmpty)
    }

    @Test func aPageIsOneUnitAndAMissingFileFails() throws {
        let folder = try TemporaryDirectory()
        let reader = TranscriptReader(blockSize: 4)
        let page = try Self.write("<html><body>" + String(repeating: "x", count: 100), name: "p.html", in: folder)
        #expect(reader.units(ofSource: page, size: 112) == [SourceUnit(path: page, block: nil, isLast: true)])
        #expect(reader.units(ofSource: "a.jsonl", size: 9).map(\.block) == [0, 1, 2])
        #expect(reader.units(ofSource: "a.jsonl", size: 0).map(\.block) == [0])
        let missing = folder.url.appendingPathComponent("gone.jsonl").path
        #expect(reader.read(SourceUnit(path: missing, block: 0, isLast: true)).outcome == .failed("no such file"))
        #expect(reader.read(path: folder.url.path).outcome == .failed("is a directory"))
    }
}
