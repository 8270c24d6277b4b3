import SearchIndex
import TextAnalysis

/// How a statement becomes an index document and back: the one schema every Podium index uses.
///
/// Text fields are analyzed (all with `Language.auto`, so a query analyzes the same way whatever the
/// statement's language); keyword fields hold one exact term; every statement field is stored.
public enum StatementSchema {
    /// Scored full-text fields, then the filter-only text fields (`speaker:geng` matches "Geng Shuang").
    public static let textFields = ["title", "question", "answer", "speaker", "outlet"]
    /// Exact-match fields: `lang:zh`, `kind:statement`, deletion by `source`, lookup by `id`.
    public static let keywordFields = ["language", "kind", "source", "id"]
    /// Everything needed to give a statement back.
    public static let storedFields = [
        "id", "date", "spokesperson", "outlet", "title", "question", "answer", "language", "kind", "source", "url",
        "ordinal", "follow_up", "publisher",
    ]

    /// Per-statement columns that facets count: the speaker's resolved name, the outlet, the language and
    /// the kind (these two lowercased, as `lang:` and `kind:` match them).
    /// Then the near-duplicate fingerprint (`NearDuplicateFingerprint`): its SimHash, its word count, and
    /// the group key of the statement it is a copy of (0 for the first copy).
    public static let columns =
        ["speaker", "outlet", "language", "kind"].map { ColumnField(name: $0, kind: .keyword) }
        + ["simhash", "words", "group"].map { ColumnField(name: $0, kind: .int64) }

    /// The fields of every Podium index, with `id` as the statement id.
    public static let schema = IndexSchema(
        textFields: textFields,
        keywordFields: keywordFields,
        storedFields: storedFields,
        idField: "id",
        columns: columns
    )

    /// The analyzer identity stored in every commit; an index made by another is refused.
    public static let analyzer = AnalyzerIdentity(name: Analyzer.name, version: String(Analyzer.version))

    static let title = schema.field(named: "title")!
    static let question = schema.field(named: "question")!
    static let answer = schema.field(named: "answer")!
    static let speaker = schema.field(named: "speaker")!
    static let outlet = schema.field(named: "outlet")!
    static let language = schema.field(named: "language")!
    static let kind = schema.field(named: "kind")!
    static let source = schema.field(named: "source")!
    static let id = schema.field(named: "id")!
    static let speakerColumn = schema.column(named: "speaker")!
    static let outletColumn = schema.column(named: "outlet")!
    static let languageColumn = schema.column(named: "language")!
    static let kindColumn = schema.column(named: "kind")!
    static let simhashColumn = schema.column(named: "simhash")!
    static let wordsColumn = schema.column(named: "words")!
    static let groupColumn = schema.column(named: "group")!
    private static let stored = storedFields.map { schema.storedField(named: $0)! }

    /// `2019-05-09` → 20190509; 0 when the date is empty or malformed.
    public static func dateKey(_ date: String) -> Int32 {
        let u = Array(date.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return 0 }
        var value: Int32 = 0
        for (i, c) in u.enumerated() where i != 4 && i != 7 {
            guard (48...57).contains(c) else { return 0 }
            value = value * 10 + Int32(c - 48)
        }
        return value
    }

    /// Fills `document` (cleared first) with `statement`'s fields.
    ///
    /// - Parameters:
    ///   - tokens: scratch buffer reused across calls (it also keeps the analyzer's stem cache warm).
    ///   - ordinal: whether to store the statement's ordinal; JSONL blocks leave it to the writer, which
    ///     alone knows how many statements of the file came before.
    static func fill(
        _ document: inout IndexDocument,
        with statement: Statement,
        analyzer: Analyzer,
        tokens: inout TokenBuffer,
        ordinal: Bool = true
    ) {
        document.removeAll()
        func addText(_ text: String, _ field: FieldID, surfaces: Bool = false) {
            guard !text.isEmpty else { return }
            tokens.recordsSurfaceWords = surfaces
            analyzer.analyze(text, language: .auto, into: &tokens)
            for i in 0..<tokens.count {
                let position = UInt32(truncatingIfNeeded: tokens.position(at: i))
                tokens.withTermBytes(at: i) { document.addToken(field: field, term: $0, position: position) }
            }
            if surfaces { addSurfaceWords(of: tokens, to: &document) }
        }
        // The words of the scored fields make the lexicon that spelling suggestions come from.
        addText(statement.title, title, surfaces: true)
        addText(statement.question, question, surfaces: true)
        addText(statement.answer, answer, surfaces: true)
        addText(statement.spokesperson, speaker)
        addText(statement.outlet, outlet)
        if !statement.language.isEmpty { document.addKeyword(field: language, term: statement.language.lowercased()) }
        if !statement.kind.isEmpty { document.addKeyword(field: kind, term: statement.kind.lowercased()) }
        document.addKeyword(field: source, term: statement.source)
        document.addKeyword(field: id, term: statement.id)
        document.date = dateKey(statement.date)
        document.setColumn(speakerColumn, statement.spokesperson)
        document.setColumn(outletColumn, statement.outlet)
        document.setColumn(languageColumn, statement.language.lowercased())
        document.setColumn(kindColumn, statement.kind.lowercased())
        let values = [
            statement.id, statement.date, statement.spokesperson, statement.outlet, statement.title, statement.question,
            statement.answer, statement.language, statement.kind, statement.source, statement.url,
            String(statement.ordinal), statement.followUp ? "1" : "0", statement.publisher,
        ]
        for (name, (field, value)) in zip(storedFields, zip(stored, values)) where !value.isEmpty {
            if name == "ordinal" && !ordinal { continue }
            document.addStored(field: field, value: value)
        }
    }

    /// Adds the surface words `tokens` recorded (``TokenBuffer/recordsSurfaceWords``) to `document`.
    static func addSurfaceWords(of tokens: TokenBuffer, to document: inout IndexDocument) {
        for i in 0..<tokens.surfaceWordCount { tokens.withSurfaceWord(at: i) { document.addSurfaceWord($0) } }
    }

    /// The statement stored in a document.
    public static func statement(from fields: [StoredField]) -> Statement {
        var s = Statement(
            id: "",
            ordinal: 0,
            date: "",
            spokesperson: "",
            outlet: "",
            title: "",
            question: "",
            answer: "",
            language: "",
            kind: "",
            source: "",
            url: "",
            followUp: false
        )
        for field in fields {
            switch field.name {
            case "id": s.id = field.value
            case "date": s.date = field.value
            case "spokesperson": s.spokesperson = field.value
            case "outlet": s.outlet = field.value
            case "title": s.title = field.value
            case "question": s.question = field.value
            case "answer": s.answer = field.value
            case "language": s.language = field.value
            case "kind": s.kind = field.value
            case "source": s.source = field.value
            case "url": s.url = field.value
            case "ordinal": s.ordinal = Int(field.value) ?? 0
            case "follow_up": s.followUp = field.value == "1"
            case "publisher": s.publisher = field.value
            default: break
            }
        }
        return s
    }
}
