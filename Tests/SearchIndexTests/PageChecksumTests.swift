import Foundation
import SearchIndex
import TestSupport
import Testing

@Suite("Page checksums: every byte a reader decodes is checked when first read")
struct PageChecksumTests {
    /// Everything a reader can decode from a snapshot opened without checksums, in a comparable form, or the
    /// first error met (thrown, left in a cursor, or recorded as damage by a reader that cannot throw).
    static func readAll(_ directory: String) -> Result<[String], IndexError> {
        do throws(IndexError) {
            let snapshot = try IndexSnapshot.open(directory: directory, verification: .footers)
            var out: [String] = []
            var positions: [UInt32] = []
            for segment in snapshot.segments {
                for field in 0..<snapshot.schema.indexedFieldCount {
                    let id = FieldID(rawValue: UInt8(field))
                    let terms = try segment.terms(
                        field: id,
                        prefix: UnsafeRawBufferPointer(start: nil, count: 0),
                        limit: .max
                    )
                    for entry in terms {
                        // A lookup walks the block index and the first keys; the listing only the blocks.
                        let found = try entry.term.withBytes { (t) throws(IndexError) in
                            try segment.termInfo(field: id, term: t)
                        }
                        guard found == entry.info else { return .success(["lookup differs"]) }
                        let cursor = try segment.postings(field: id, info: entry.info)
                        var line = "\(field) \(entry.term):"
                        while cursor.next() != PostingsCursor.noMoreDocs {
                            line += " \(cursor.doc)×\(cursor.freq)"
                            if snapshot.schema.isText(id) {
                                try cursor.readPositions(into: &positions)
                                line += "@\(positions)"
                            }
                        }
                        if let error = cursor.error { throw error }
                        out.append(line)
                    }
                }
                // The lexicon is read whole, its pages checked, when the first spelling suggestion needs it.
                try LexiconFile.forEachWord(in: segment.lexiconFile) { word, count in
                    out.append("\(Array(word)) \(count)")
                }
                for d in 0..<Int32(segment.maxDoc) {
                    let norms = (0..<snapshot.schema.textFields.count).map {
                        segment.norm(FieldID(rawValue: UInt8($0)), d)
                    }
                    out.append("\(d) \(segment.isDeleted(d)) \(segment.date(d)) \(norms)")
                    for (k, field) in snapshot.schema.columns.enumerated() {
                        let column = segment.column(ColumnID(rawValue: UInt16(k)))
                        if field.kind == .int64 {
                            out.append("\(column.int64(d))")
                        } else {
                            let ordinal = column.ordinal(d)
                            out.append(ordinal == 0 ? "-" : try column.value(ofOrdinal: ordinal))
                        }
                    }
                    out.append(try segment.storedFields(d).map { "\($0.name)=\($0.value)" }.joined(separator: "|"))
                }
            }
            try snapshot.checkDamage()
            return .success(out)
        } catch {
            return .failure(error)
        }
    }

    @Test(
        "a flipped byte in any file's data or page checksums is named by the first read",
        arguments: IndexFileKind.allCases
    )
    func flippedDataByte(kind: IndexFileKind) throws {
        let (clean, _) = try ReliabilityTests.makeIndex()
        let expected = try Self.readAll(clean.url.path).get()
        for fraction in [0.0, 0.3, 0.6, 0.9, 0.999] {
            let (dir, _) = try ReliabilityTests.makeIndex()
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: dir.url.path).first {
                    $0.hasSuffix("." + kind.rawValue)
                }
            )
            let path = dir.url.path + "/" + name
            // Before the footer: the data, the page checksums and the data's length.
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let checked = size - FileFooter.size
            try ReliabilityTests.flipByte(in: path, at: fraction * Double(checked) / Double(size))
            switch Self.readAll(dir.url.path) {
            case .success(let got):
                // Only bytes no reader decodes may change nothing: none here, as everything was read.
                Issue.record("a flip at \(fraction) of \(name) went unnoticed (answers equal: \(got == expected))")
            case .failure(let error):
                #expect(error.code == .corrupted, "\(error.message)")
                #expect(error.file == name, "expected \(name) to be named: \(error.message)")
            }
        }
    }

    @Test("an intact index reads the same with page checks as after a full verification")
    func intact() throws {
        let (dir, _) = try ReliabilityTests.makeIndex()
        let first = try Self.readAll(dir.url.path).get()
        _ = try IndexSnapshot.verify(directory: dir.url.path)
        #expect(try Self.readAll(dir.url.path).get() == first)
    }
}
