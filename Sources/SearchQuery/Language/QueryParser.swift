/// Turns query text into a ``QueryNode``.
///
/// The grammar, loosest binding first:
/// ```
/// sequence := item*                      juxtaposed items: ranked OR, or all required with --every-word
/// item     := and ("OR" and)*            OR binds tighter than juxtaposition: `china patent OR trademark`
/// and      := unary ("AND" unary)*       AND binds tighter than OR, as in logic
/// unary    := ("NOT" | "+" | "-")* primary
/// primary  := "(" sequence ")" | "phrase" | word | word* | field ":" value
/// ```
/// Reading is lenient: a missing `)` closes at the end, a stray `)` is ignored, an unterminated quote
/// runs to the end, and an operator with nothing on one side is dropped. Uppercase `AND`, `OR`, `NOT`
/// (and `&&`, `||`) are operators; lowercase ones are words. Only known field names before a colon are
/// fields (`Note: ...` stays text); a lowercase word glued by a colon to a value that names no field
/// (`spekaer:geng`) is an error. `speaker:`, `outlet:`, `lang:`, `kind:` and `date:` clauses are required
/// unless marked otherwise, since they name which statements to look at.
public enum QueryParser {
    /// The longest query accepted, in UTF-8 bytes.
    public static let maximumLength = 16_384
    /// The deepest nesting of parentheses and field groups accepted.
    public static let maximumDepth = 32
    /// The most words, phrases and values one query may hold.
    public static let maximumLeaves = 2_048

    /// Parses a query.
    /// - Parameters:
    ///   - query: The text as typed.
    ///   - defaultMode: What juxtaposed words mean: ranked OR (`.any`) or all required (`.all`).
    /// - Returns: The syntax tree; a query of one clause is that clause's node, otherwise a `.boolean` group.
    /// - Throws: ``QuerySyntaxError`` with the offending spot when the query has no reading.
    /// - Complexity: O(n) in the length of the query.
    public static func parse(_ query: String, defaultMode: DefaultMode = .any) throws(QuerySyntaxError) -> QueryNode {
        let bytes = Array(query.utf8)
        guard bytes.count <= maximumLength else {
            throw QuerySyntaxError(
                .tooLong,
                "the query is too long (\(bytes.count) bytes; the limit is \(maximumLength))",
                byteOffset: maximumLength,
                in: query
            )
        }
        var parser = Parser(query: query, bytes: bytes, lexemes: QueryLexer.lexemes(of: bytes), mode: defaultMode)
        let clauses = try parser.sequence(field: nil, nested: false)
        guard !clauses.isEmpty else {
            throw QuerySyntaxError(.nothingToSearch, "there is nothing to search for", byteOffset: 0, in: query)
        }
        return group(clauses)
    }

    fileprivate static func group(_ clauses: [QueryClause]) -> QueryNode {
        if clauses.count == 1, clauses[0].occur != .mustNot { return clauses[0].node }
        return .boolean(clauses)
    }
}

// MARK: - The recursive-descent parser

private struct Parser {
    let query: String
    let bytes: [UInt8]
    let lexemes: [QueryLexeme]
    let mode: DefaultMode
    var position = 0
    var depth = 0
    var leaves = 0

    init(query: String, bytes: [UInt8], lexemes: [QueryLexeme], mode: DefaultMode) {
        self.query = query
        self.bytes = bytes
        self.lexemes = lexemes
        self.mode = mode
    }

    private var current: QueryLexeme? { position < lexemes.count ? lexemes[position] : nil }

    private func error(_ code: QuerySyntaxError.Code, _ message: String, at byteOffset: Int) -> QuerySyntaxError {
        QuerySyntaxError(code, message, byteOffset: byteOffset, in: query)
    }

    /// Items up to the end, or up to the `)` that closes a group when `nested`.
    mutating func sequence(field: TextField?, nested: Bool) throws(QuerySyntaxError) -> [QueryClause] {
        var clauses: [QueryClause] = []
        while let lexeme = current {
            switch lexeme.kind {
            case .close:
                if nested { return clauses }
                position += 1  // a stray `)`
            case .and, .or:
                position += 1  // an operator with nothing before it
            default:
                guard let (occur, node) = try disjunction(field: field) else { continue }
                let resolved = occur ?? (node.isFilter || mode == .all ? .must : .should)
                clauses.append(QueryClause(resolved, node))
            }
        }
        return clauses
    }

    /// `a OR b OR c`; returns the sign of a lone operand so the sequence can apply it.
    private mutating func disjunction(field: TextField?) throws(QuerySyntaxError) -> (Occur?, QueryNode)? {
        var operands: [(Occur?, QueryNode)] = []
        if let first = try conjunction(field: field) { operands.append(first) }
        while let or = current, or.kind == .or {
            position += 1
            if !operands.isEmpty { try requireOperand(after: or, named: "OR") }
            if let next = try conjunction(field: field) { operands.append(next) }
        }
        if operands.count <= 1 { return operands.first }
        let clauses = operands.map { occur, node in
            occur == .mustNot
                ? QueryClause(.should, .boolean([QueryClause(.mustNot, node)]))
                : QueryClause(.should, node)
        }
        return (nil, .boolean(clauses))
    }

    /// `a AND b AND NOT c`.
    private mutating func conjunction(field: TextField?) throws(QuerySyntaxError) -> (Occur?, QueryNode)? {
        var operands: [(Occur?, QueryNode)] = []
        if let first = try unary(field: field) { operands.append(first) }
        while let and = current, and.kind == .and {
            position += 1
            if !operands.isEmpty { try requireOperand(after: and, named: "AND") }
            if let next = try unary(field: field) { operands.append(next) }
        }
        if operands.count <= 1 { return operands.first }
        return (nil, .boolean(operands.map { QueryClause($0.0 == .mustNot ? .mustNot : .must, $0.1) }))
    }

    /// Fails when the query ends right after an operator that has an operand before it (`(foo AND`): the
    /// query was cut off, and reading it as `foo` alone would answer another question than the one asked.
    private func requireOperand(after lexeme: QueryLexeme, named name: String) throws(QuerySyntaxError) {
        guard current == nil else { return }
        let text = String(decoding: bytes[lexeme.range], as: UTF8.self)
        throw error(
            .missingOperand,
            "\(text == name ? name : "\(text) (\(name))") has nothing after it",
            at: lexeme.range.lowerBound
        )
    }

    /// Signs and `NOT`s before a primary, read in a loop so that a long run of them cannot exhaust the stack.
    private mutating func unary(field: TextField?) throws(QuerySyntaxError) -> (Occur?, QueryNode)? {
        var negated = false
        var required = false
        loop: while let lexeme = current {
            switch lexeme.kind {
            case .not, .minus: negated.toggle()
            case .plus: required = true
            default: break loop
            }
            position += 1
        }
        guard let node = try primary(field: field) else { return nil }
        return (negated ? .mustNot : (required ? .must : nil), node)
    }

    private mutating func primary(field: TextField?) throws(QuerySyntaxError) -> QueryNode? {
        guard let lexeme = current else { return nil }
        switch lexeme.kind {
        case .open:
            try enter(at: lexeme.range.lowerBound)
            position += 1
            let clauses = try sequence(field: field, nested: true)
            if current?.kind == .close { position += 1 }
            depth -= 1
            return clauses.isEmpty ? nil : QueryParser.group(clauses)
        case .phrase:
            position += 1
            guard lexeme.text.contains(where: { !$0.isWhitespace }) else { return nil }
            try count(lexeme)
            return .phrase(lexeme.text, field: field, at: lexeme.range)
        case .word:
            position += 1
            guard !lexeme.text.isEmpty else { return nil }
            try count(lexeme)
            return .word(lexeme.text, field: field, isPrefix: lexeme.isPrefix, at: lexeme.range)
        case .field(let name):
            position += 1
            return try fieldValue(name, after: lexeme)
        case .unknownField:
            let known = FieldName.spellings.map(\.0).joined(separator: ", ")
            throw error(
                .unknownField,
                "unknown field '\(lexeme.text)': the fields are \(known)",
                at: lexeme.range.lowerBound
            )
        case .close, .and, .or, .not, .plus, .minus:
            // Cannot start a primary; `unary` and `sequence` consume these before getting here.
            position += 1
            return nil
        }
    }

    private mutating func fieldValue(_ name: FieldName, after field: QueryLexeme) throws(QuerySyntaxError) -> QueryNode?
    {
        let spelled = String(decoding: bytes[field.range], as: UTF8.self)
        guard let value = current, [.word, .phrase, .open, .field(name)].contains(value.kind) || isField(value)
        else {
            throw error(
                .missingValue,
                "expected a value after '\(spelled)'",
                at: current?.range.lowerBound ?? bytes.count
            )
        }
        switch name {
        case .text(let textField):
            try enter(at: field.range.lowerBound)
            defer { depth -= 1 }
            return try primary(field: textField)
        case .keyword, .date, .topic:
            guard value.kind == .word || value.kind == .phrase else {
                throw error(
                    .notOneValue,
                    "'\(spelled)' takes one value, such as \(example(for: name))",
                    at: value.range.lowerBound
                )
            }
            position += 1
            try count(value)
            let text = String(value.text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            switch name {
            case .keyword(let keyword):
                guard !text.isEmpty else {
                    throw error(.missingValue, "expected a value after '\(spelled)'", at: value.range.lowerBound)
                }
                return .keyword(keyword, text.lowercased(), at: value.range)
            case .date:
                guard let range = DateRange(parsing: text) else {
                    if let reversed = DateRange.reversedEnds(text) {
                        throw error(
                            .reversedDateRange,
                            "the range '\(text)' is reversed: it ends before it starts (write \(reversed))",
                            at: value.range.lowerBound
                        )
                    }
                    throw error(
                        .invalidDate,
                        "'\(text)' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or a range FROM..TO",
                        at: value.range.lowerBound
                    )
                }
                return .date(range, at: value.range)
            case .topic:
                guard !text.isEmpty else {
                    throw error(.missingTopicName, "expected a topic name after 'topic:'", at: value.range.lowerBound)
                }
                return .topic(text.lowercased(), at: value.range)
            case .text:
                return nil
            }
        }
    }

    private func isField(_ lexeme: QueryLexeme) -> Bool {
        switch lexeme.kind {
        case .field, .unknownField: return true
        default: return false
        }
    }

    private func example(for name: FieldName) -> String {
        switch name {
        case .keyword(.language): return "lang:en"
        case .keyword(.kind): return "kind:release"
        case .date: return "date:2019-05 or date:2019-01-01..2019-06-30"
        case .topic: return "topic:ip"
        case .text(let field): return "\(field.rawValue):word"
        }
    }

    private mutating func enter(at byteOffset: Int) throws(QuerySyntaxError) {
        depth += 1
        guard depth <= QueryParser.maximumDepth else {
            throw error(.tooDeep, "the query nests deeper than \(QueryParser.maximumDepth) levels", at: byteOffset)
        }
    }

    private mutating func count(_ lexeme: QueryLexeme) throws(QuerySyntaxError) {
        leaves += 1
        guard leaves <= QueryParser.maximumLeaves else {
            throw error(
                .tooManyWords,
                "the query has more than \(QueryParser.maximumLeaves) words",
                at: lexeme.range.lowerBound
            )
        }
    }
}
