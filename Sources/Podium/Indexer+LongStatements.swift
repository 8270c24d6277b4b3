import SearchIndex
import TextAnalysis
import TranscriptIngest

/// Statements too long to analyze at once, and the JSONL lines that hold them.
///
/// An answer longer than `longTextBytes` is not analyzed on a reader thread: the writer's thread adds it as
/// one document whose stored record is written first and whose tokens come piece by piece (pieces of
/// `longTextBytes`, cut at a space), so a 100 MB answer costs its text, its record while it is compressed,
/// and its postings, never all of its tokens at once. A JSONL block whose last line is longer than
/// `longLineBytes` is read only after the writer has flushed, so the line and its text do not come on top
/// of a full in-memory segment.
extension Indexer {
    /// Answers longer than this (UTF-8 bytes) are analyzed in pieces of this size.
    static let longTextBytes = 1 << 20
    /// JSONL lines longer than this make their block a heavy unit.
    static let longLineBytes = 4 << 20

    private static let answerStored = StatementSchema.schema.storedField(named: "answer")!

    /// `statement` without its answer when the answer is long (its head, to which the writer adds the answer
    /// in pieces), and the answer; otherwise the statement as it is and `nil`.
    static func splitLongAnswer(_ statement: Statement) -> (head: Statement, answer: String?) {
        guard statement.answer.utf8.count > longTextBytes else { return (statement, nil) }
        var head = statement
        head.answer = ""
        return (head, statement.answer)
    }

    /// Adds `head` with `answer` as its answer, stored whole and analyzed in pieces. Runs on the writer's thread.
    static func addLong(_ head: IndexDocument, answer: String, to writer: IndexWriter) throws(IndexError) {
        var answer = answer
        let analyzer = Analyzer()
        var tokens = TokenBuffer()
        tokens.recordsSurfaceWords = true
        var failure: IndexError? = nil
        answer.withUTF8 { bytes in
            var at = 0
            var base: UInt32 = 0
            do throws(IndexError) { try add(bytes, at: &at, base: &base) } catch { failure = error }
        }
        if let failure { throw failure }

        func add(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int, base: inout UInt32) throws(IndexError) {
            try writer.add(head, storedText: (answerStored, UnsafeRawBufferPointer(bytes))) { part in
                guard at < bytes.count else { return false }
                let end = pieceEnd(bytes, from: at)
                analyzer.analyze(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<end]), as: UTF8.self),
                    language: .auto,
                    into: &tokens
                )
                at = end
                var last: UInt32 = 0
                for i in 0..<tokens.count {
                    let position = UInt32(truncatingIfNeeded: tokens.position(at: i))
                    last = max(last, position)
                    tokens.withTermBytes(at: i) {
                        part.addToken(field: StatementSchema.answer, term: $0, position: base &+ position)
                    }
                }
                StatementSchema.addSurfaceWords(of: tokens, to: &part)
                if tokens.count > 0 { base &+= last &+ 1 }
                return true
            }
        }
    }

    /// Where the piece that starts at `start` ends: `longTextBytes` on, moved back to just after a space or
    /// line break (within 64 KiB), else to the start of a UTF-8 sequence, so that no word is cut.
    static func pieceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = min(bytes.count, start + longTextBytes)
        guard end < bytes.count else { return end }
        var k = end
        while k > max(start + 1, end - (64 << 10)), bytes[k - 1] > 0x20 { k -= 1 }
        if bytes[k - 1] <= 0x20 { return k }
        while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
}
