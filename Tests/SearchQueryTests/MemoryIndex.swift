import TextAnalysis

import SearchIndex
@testable import SearchQuery

/// A statement for the in-memory test index: text fields, keyword fields, a date, and whether it is deleted.
struct MemoryDocument {
    var text: [TextField: String] = [:]
    var keywords: [KeywordField: String] = [:]
    var date: Int32 = 0
    var isDeleted = false
}

/// An in-memory index with small postings blocks, so that block-max pruning meets many block edges.
///
/// Field numbers: the text fields in `TextField.allCases` order, then `language`, `kind`. Norms are exact
/// lengths up to 255.
final class MemoryIndex: QueryIndex {
    static let fieldNames = TextField.allCases.map(\.rawValue) + KeywordField.allCases.map(\.indexField)

    let querySegments: [MemorySegment]
    let documents: [[MemoryDocument]]
    let liveDocumentCount: Int
    private var lengthSums: [UInt64]
    private var lengthDocs: [Int]

    /// - Parameters:
    ///   - segments: The documents of each segment.
    ///   - blockSize: Documents per postings block.
    init(segments: [[MemoryDocument]], analyzer: Analyzer = Analyzer(), blockSize: Int = 4) {
        documents = segments
        lengthSums = Array(repeating: 0, count: Self.fieldNames.count)
        lengthDocs = Array(repeating: 0, count: Self.fieldNames.count)
        var built: [MemorySegment] = []
        for documents in segments {
            let segment = MemorySegment(documents: documents, analyzer: analyzer, blockSize: blockSize)
            for field in 0..<Self.fieldNames.count {
                lengthSums[field] += segment.lengthSums[field]
                lengthDocs[field] += segment.lengthDocs[field]
            }
            built.append(segment)
        }
        querySegments = built
        liveDocumentCount = segments.joined().filter { !$0.isDeleted }.count
    }

    func fieldNumber(named name: String) -> UInt8? { Self.fieldNames.firstIndex(of: name).map { UInt8($0) } }

    /// Every keyword field is also a keyword column, numbered in `KeywordField.allCases` order.
    func columnNumber(named name: String) -> Int? { KeywordField.allCases.firstIndex { $0.rawValue == name } }

    var keywordColumnNames: [String] { KeywordField.allCases.map(\.rawValue) }

    func lengthStatistics(field: UInt8) -> (sumLength: UInt64, docCount: Int) {
        Int(field) < lengthSums.count ? (lengthSums[Int(field)], lengthDocs[Int(field)]) : (0, 0)
    }

    func documentFrequency(field: UInt8, term: String) -> Int {
        querySegments.reduce(0) { $0 + ($1.postings[MemorySegment.Key(field: field, term: term)]?.docs.count ?? 0) }
    }

    func terms(field: UInt8, prefix: String, limit: Int) -> [String] {
        var found = Set<String>()
        for segment in querySegments {
            for key in segment.postings.keys where key.field == field && key.term.utf8.starts(with: prefix.utf8) {
                found.insert(key.term)
            }
        }
        return Array(found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.prefix(limit))
    }

    func terms(field: UInt8, afterOneCharacter suffix: String, limit: Int) -> [String] {
        var found = Set<String>()
        for segment in querySegments {
            for key in segment.postings.keys where key.field == field && key.term.hasSuffix(suffix) {
                if key.term.unicodeScalars.count == suffix.unicodeScalars.count + 1 { found.insert(key.term) }
            }
        }
        return Array(found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.prefix(limit))
    }

    func length(ofNorm norm: UInt8) -> UInt32 { UInt32(norm) }
}

final class MemorySegment: QuerySegment {
    struct Key: Hashable {
        var field: UInt8
        var term: String
    }

    struct List {
        var docs: [Int32] = []
        var freqs: [UInt32] = []
        var positions: [[UInt32]] = []
    }

    let maxDoc: Int
    let blockSize: Int
    private(set) var postings: [Key: List] = [:]
    private let norms: [UnsafeMutableBufferPointer<UInt8>]
    private let deleted: [Bool]
    private let dates: [Int32]
    private let stored: [[(name: String, value: String)]]
    /// Per keyword column: the segment's distinct values, sorted, and each document's ordinal (0: none).
    private let columnValues: [[String]]
    private let columnOrdinals: [[UInt32]]
    fileprivate(set) var lengthSums: [UInt64]
    fileprivate(set) var lengthDocs: [Int]

    init(documents: [MemoryDocument], analyzer: Analyzer, blockSize: Int) {
        maxDoc = documents.count
        self.blockSize = blockSize
        let fieldCount = MemoryIndex.fieldNames.count
        norms = (0..<fieldCount).map { _ in
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, documents.count))
            buffer.initialize(repeating: 0)
            return buffer
        }
        lengthSums = Array(repeating: 0, count: fieldCount)
        lengthDocs = Array(repeating: 0, count: fieldCount)
        deleted = documents.map(\.isDeleted)
        let values = KeywordField.allCases.map { field in Set(documents.compactMap { $0.keywords[field] }).sorted() }
        columnValues = values
        columnOrdinals = KeywordField.allCases.enumerated().map { column, field in
            documents.map { document in
                document.keywords[field].map { UInt32(values[column].firstIndex(of: $0)! + 1) } ?? 0
            }
        }
        dates = documents.map(\.date)
        stored = documents.map { document in
            TextField.allCases.compactMap { field in document.text[field].map { (field.rawValue, $0) } }
        }
        for (number, document) in documents.enumerated() {
            let doc = Int32(number)
            for (fieldNumber, field) in TextField.allCases.enumerated() {
                guard let text = document.text[field] else { continue }
                let tokens = analyzer.tokens(text)
                guard !tokens.isEmpty else { continue }
                norms[fieldNumber][number] = UInt8(min(tokens.count, 255))
                lengthSums[fieldNumber] += UInt64(tokens.count)
                lengthDocs[fieldNumber] += 1
                var perTerm: [String: [UInt32]] = [:]
                for token in tokens { perTerm[token.term, default: []].append(UInt32(token.position)) }
                for (term, positions) in perTerm {
                    let key = Key(field: UInt8(fieldNumber), term: term)
                    postings[key, default: List()].docs.append(doc)
                    postings[key]!.freqs.append(UInt32(positions.count))
                    postings[key]!.positions.append(positions.sorted())
                }
            }
            for (offset, field) in KeywordField.allCases.enumerated() {
                guard let value = document.keywords[field] else { continue }
                let key = Key(field: UInt8(TextField.allCases.count + offset), term: value)
                postings[key, default: List()].docs.append(doc)
                postings[key]!.freqs.append(1)
                postings[key]!.positions.append([0])
            }
        }
    }

    deinit { norms.forEach { $0.deallocate() } }

    func isDeleted(_ doc: Int32) -> Bool { deleted[Int(doc)] }
    var hasDeletions: Bool { deleted.contains(true) }
    func normBytes(field: UInt8) -> UnsafeBufferPointer<UInt8> {
        Int(field) < TextField.allCases.count
            ? UnsafeBufferPointer(norms[Int(field)]) : UnsafeBufferPointer(start: nil, count: 0)
    }
    func date(_ doc: Int32) -> Int32 { dates[Int(doc)] }
    func postings(field: UInt8, term: String) -> MemoryPostings? {
        guard let list = postings[Key(field: field, term: term)] else { return nil }
        let norms = Int(field) < TextField.allCases.count ? Array(self.norms[Int(field)]) : []
        return MemoryPostings(list: list, norms: norms, blockSize: blockSize)
    }
    func storedValues(_ doc: Int32) -> [(name: String, value: String)] { stored[Int(doc)] }
    func columnValueCount(_ column: Int) -> Int { columnValues[column].count }
    func countColumn(_ column: Int, docs: [Int32], into counts: inout [Int]) {
        for doc in docs { counts[Int(columnOrdinals[column][Int(doc)])] += 1 }
    }
    func countYears(docs: [Int32], into counts: inout [Int]) {
        for doc in docs {
            let year = Int(dates[Int(doc)] / 10_000)
            counts[year > 0 && year < counts.count ? year : 0] += 1
        }
    }
    func columnValue(_ column: Int, ordinal: UInt32) -> String { columnValues[column][Int(ordinal) - 1] }
}

/// Postings in arrays, with block bounds computed the way the real index stores them.
final class MemoryPostings: QueryPostings {
    private let list: MemorySegment.List
    private let blocks: [(lastDoc: Int32, impacts: [(frequency: UInt32, norm: UInt8)])]
    private let blockSize: Int
    private var index = -1
    private var probe = -1
    private(set) var doc: Int32 = -1
    let failure: String? = nil

    init(list: MemorySegment.List, norms: [UInt8], blockSize: Int) {
        self.list = list
        self.blockSize = blockSize
        blocks = stride(from: 0, to: list.docs.count, by: blockSize).map { start in
            let range = start..<min(start + blockSize, list.docs.count)
            var front = ImpactFront()
            for i in range { front.add(frequency: list.freqs[i], norm: norms.isEmpty ? 0 : norms[Int(list.docs[i])]) }
            var impacts: [(frequency: UInt32, norm: UInt8)] = []
            front.drain(limit: IndexFormat.maxImpacts, into: &impacts)
            return (list.docs[range.upperBound - 1], impacts)
        }
    }

    private init(
        list: MemorySegment.List,
        blocks: [(lastDoc: Int32, impacts: [(frequency: UInt32, norm: UInt8)])],
        blockSize: Int
    ) {
        self.list = list
        self.blocks = blocks
        self.blockSize = blockSize
    }

    func reopened() -> MemoryPostings { MemoryPostings(list: list, blocks: blocks, blockSize: blockSize) }

    var freq: UInt32 { list.freqs[index] }
    var docFreq: Int { list.docs.count }

    func next() -> Int32 {
        index += 1
        doc = index < list.docs.count ? list.docs[index] : Int32.max
        return doc
    }

    func advance(to target: Int32) -> Int32 {
        if target <= doc { return doc }
        while doc < target { _ = next() }
        return doc
    }

    func forEach(through last: Int32, _ body: (Int32, UInt32) -> Void) -> Int32 {
        while doc <= last {
            body(doc, freq)
            _ = next()
        }
        return doc
    }

    func shallowAdvance(to target: Int32) {
        if probe < 0 { probe = 0 }
        while probe < blocks.count, blocks[probe].lastDoc < target { probe += 1 }
    }

    var blockLastDoc: Int32 { probe < blocks.count ? blocks[max(probe, 0)].lastDoc : Int32.max }
    var blockImpactCount: Int { probe < blocks.count ? blocks[max(probe, 0)].impacts.count : 0 }
    func blockImpact(_ i: Int) -> (freq: UInt32, norm: UInt8) {
        let impact = blocks[max(probe, 0)].impacts[i]
        return (impact.frequency, impact.norm)
    }

    func positions(into positions: inout [UInt32]) {
        positions = list.positions[index]
    }
}
