import Foundation
import SearchIndex
import TestSupport
import TextAnalysis

@testable import SearchQuery

/// The test statements written into a real on-disk index (three segments, some statements deleted),
/// with the field names of Podium's statement schema.
final class RealIndexFixture: @unchecked Sendable {
    static let shared = RealIndexFixture()

    let directory: TemporaryDirectory
    let snapshot: IndexSnapshot
    /// The same statements as the reference evaluator reads them, segment by segment.
    let reference: NaiveEvaluator
    let documents: [MemoryDocument]

    private init() {
        let analyzer = Analyzer()
        directory = try! TemporaryDirectory(prefix: "podium-query")
        let schema = IndexSchema(
            textFields: TextField.allCases.map(\.rawValue),
            keywordFields: KeywordField.allCases.map(\.indexField) + ["id"],
            storedFields: TextField.allCases.map(\.rawValue)
        )
        let writer = try! IndexWriter(
            directory: directory.url.path,
            schema: schema,
            analyzer: AnalyzerIdentity(name: Analyzer.name, version: String(Analyzer.version)),
            options: IndexWriterOptions(mergeOnCommit: false)
        )
        let segments = QueryCorpus.segments()
        documents = Array(segments.joined())
        var document = IndexDocument()
        var number = 0
        var deletedIDs: [String] = []
        var references: [[ReferenceDocument]] = []
        for segment in segments {
            var referenceSegment: [ReferenceDocument] = []
            for statement in segment {
                document.removeAll()
                var reference = ReferenceDocument(date: statement.date, isDeleted: statement.isDeleted)
                for field in TextField.allCases {
                    guard let text = statement.text[field] else { continue }
                    let fieldID = schema.field(named: field.rawValue)!
                    let tokens = analyzer.tokens(text)
                    for token in tokens {
                        document.addToken(field: fieldID, term: token.term, position: UInt32(token.position))
                    }
                    reference.add(tokens, field: fieldID.rawValue)
                    document.addStored(field: schema.storedField(named: field.rawValue)!, value: text)
                }
                for field in KeywordField.allCases {
                    guard let value = statement.keywords[field] else { continue }
                    let fieldID = schema.field(named: field.indexField)!
                    document.addKeyword(field: fieldID, term: value)
                    reference.keywords[fieldID.rawValue] = value
                }
                document.addKeyword(field: schema.field(named: "id")!, term: "s\(number)")
                if statement.isDeleted { deletedIDs.append("s\(number)") }
                document.date = statement.date
                try! writer.add(document)
                referenceSegment.append(reference)
                number += 1
            }
            try! writer.flush()
            references.append(referenceSegment)
        }
        for id in deletedIDs { try! writer.deleteDocuments(field: schema.field(named: "id")!, term: id) }
        try! writer.commit(userData: [:])
        writer.close()
        snapshot = try! IndexSnapshot.open(directory: directory.url.path)
        reference = NaiveEvaluator(segments: references) { Double(NormCodec.decode(NormCodec.encode(UInt32($0)))) }
    }
}
