import SearchIndex

// The searcher reads Podium's on-disk index through these conformances; each is a direct call.

extension PostingsCursor: QueryPostings {
    package func positions(into positions: inout [UInt32]) throws(SearchError) {
        do {
            try readPositions(into: &positions)
        } catch {
            throw .index(error.description)
        }
    }

    package var failure: String? { error?.description }

    package func reopened() throws(SearchError) -> PostingsCursor {
        do {
            return try reopen()
        } catch {
            throw .index(error.description)
        }
    }
}

extension SegmentReader: QuerySegment {
    package func normBytes(field: UInt8) -> UnsafeBufferPointer<UInt8> { norms(FieldID(rawValue: field)) }

    package func postings(field: UInt8, term: String) throws(SearchError) -> PostingsCursor? {
        do {
            return try postings(field: FieldID(rawValue: field), term: term)
        } catch {
            throw .index(error.description)
        }
    }

    package func columnValueCount(_ column: Int) -> Int {
        self.column(ColumnID(rawValue: UInt16(column))).valueCount
    }

    package func countColumn(_ column: Int, docs: [Int32], into counts: inout [Int]) {
        let reader = self.column(ColumnID(rawValue: UInt16(column)))
        docs.withUnsafeBufferPointer { docs in
            counts.withUnsafeMutableBufferPointer { reader.countOrdinals(of: docs, into: $0) }
        }
    }

    package func countYears(docs: [Int32], into counts: inout [Int]) {
        docs.withUnsafeBufferPointer { docs in
            counts.withUnsafeMutableBufferPointer { countYears(of: docs, into: $0) }
        }
    }

    package func columnValue(_ column: Int, ordinal: UInt32) throws(SearchError) -> String {
        do {
            return try self.column(ColumnID(rawValue: UInt16(column))).value(ofOrdinal: ordinal)
        } catch {
            throw .index(error.description)
        }
    }

    package func storedValues(_ doc: Int32) throws(SearchError) -> [(name: String, value: String)] {
        do {
            return try storedFields(doc).map { ($0.name, $0.value) }
        } catch {
            throw .index(error.description)
        }
    }
}

extension IndexSnapshot: QueryIndex {
    package var querySegments: [SegmentReader] { segments }
    package var liveDocumentCount: Int { liveDocCount }

    package func fieldNumber(named name: String) -> UInt8? { schema.field(named: name)?.rawValue }

    package var keywordColumnNames: [String] { schema.columns.filter { $0.kind == .keyword }.map(\.name) }

    package func columnNumber(named name: String) -> Int? {
        guard let id = schema.column(named: name), schema.columns[Int(id.rawValue)].kind == .keyword else {
            return nil
        }
        return Int(id.rawValue)
    }

    package func lengthStatistics(field: UInt8) -> (sumLength: UInt64, docCount: Int) {
        fieldStats(FieldID(rawValue: field))
    }

    package func documentFrequency(field: UInt8, term: String) throws(SearchError) -> Int {
        do {
            return try docFreq(field: FieldID(rawValue: field), term: term)
        } catch {
            throw .index(error.description)
        }
    }

    package func terms(field: UInt8, prefix: String, limit: Int) throws(SearchError) -> [String] {
        do {
            return try expand(field: FieldID(rawValue: field), prefix: prefix, limit: limit)
        } catch {
            throw .index(error.description)
        }
    }

    package func terms(field: UInt8, afterOneCharacter suffix: String, limit: Int) throws(SearchError) -> [String] {
        do {
            return try expand(field: FieldID(rawValue: field), afterOneCharacter: suffix, limit: limit)
        } catch {
            throw .index(error.description)
        }
    }

    package func length(ofNorm norm: UInt8) -> UInt32 { NormCodec.decode(norm) }
}
