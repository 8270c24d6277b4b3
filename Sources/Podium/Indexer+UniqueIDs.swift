import SearchIndex
import TextAnalysis
import TranscriptIngest

extension Indexer {
    /// Keeps statement ids unique across the JSONL files of an index: the first statement to carry an id keeps
    /// it; a different statement of another file that carries it too is indexed with the id made unique by its
    /// source (`id~folder/file`) and reported, so that neither is lost nor two answers share one id.
    ///
    /// Ids are claimed in the writer's order: a build gives each to the first file (in path order) that has
    /// it; a refresh also counts the live statements of the sources it keeps, so that an id held by an
    /// unchanged file stays with it.
    struct IDRegistry {
        /// Ids claimed in this run, kept only when it reads several JSONL files: within one file the joiner
        /// already drops a repeated id, and a run of a single large file should not hold its ids twice.
        private var claimed: Set<String> = []
        private let tracksClaims: Bool
        /// The segments committed before this run, whose live statements hold their ids.
        private let committedSegments: Int

        /// A registry for a run of `writer` over `files`: the writer's segments at this moment are the
        /// committed ones.
        init(writer: IndexWriter, files: [SourceFile]) {
            committedSegments = writer.segmentCount
            tracksClaims = files.lazy.filter(\.isJSONL).prefix(2).count > 1
        }

        /// `nil` when `id` is free and now claimed; otherwise the unique id that `file`'s statement takes.
        mutating func claim(_ id: String, file: SourceFile, writer: IndexWriter) -> String? {
            let free = tracksClaims ? claimed.insert(id).inserted : true
            if free, !isLive(id, writer: writer) { return nil }
            var unique = "\(id)~\(file.idPrefix)"
            var n = 2
            while !claimed.insert(unique).inserted || isLive(unique, writer: writer) {
                unique = "\(id)~\(file.idPrefix)~\(n)"
                n += 1
            }
            return unique
        }

        /// Whether a committed statement still live (not deleted by this refresh) has `id`.
        private func isLive(_ id: String, writer: IndexWriter) -> Bool {
            guard committedSegments > 0 else { return false }
            for k in 0..<min(committedSegments, writer.segments.count) {
                let segment = writer.segments[k]
                guard let cursor = (try? segment.reader.postings(field: StatementSchema.id, term: id)) ?? nil
                else { continue }
                while cursor.next() != PostingsCursor.noMoreDocs {
                    if !segment.deletes.contains(cursor.doc) { return true }
                }
            }
            return false
        }
    }

    /// The document of statement `position` of `unit` read again, with the id `id`: for the rare statement
    /// whose id another file holds (the document made on a reader thread was let go with its statement).
    static func document(rereading unit: WorkUnit, position: Int, file: SourceFile, id: String) -> IndexDocument? {
        var piece = reader.read(unit.unit)
        let statements = piece.takeStatements()
        guard statements.indices.contains(position) else { return nil }
        var statement = splitLongAnswer(statements[position]).head
        statement.id = id
        var document = IndexDocument()
        var tokens = TokenBuffer()
        StatementSchema.fill(&document, with: statement, analyzer: Analyzer(), tokens: &tokens, ordinal: false)
        return document
    }
}
