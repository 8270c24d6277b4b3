/// One piece of a query as the lexer sees it.
struct QueryLexeme: Equatable {
    enum Kind: Equatable {
        /// A run of text up to whitespace, a parenthesis or a quote; `text` is it without a trailing `*`.
        case word
        /// Quoted text; `text` is the inside. An unterminated quote runs to the end of the query.
        case phrase
        case open, close
        case and, or, not
        /// `+` or `-` glued to what follows.
        case plus, minus
        /// A known field name followed by `:`.
        case field(FieldName)
        /// A lowercase word that looks like a field name, its `:` and a value glued to it (`spekaer:geng`), but
        /// names no field; `text` is the name.
        case unknownField
    }

    var kind: Kind
    /// UTF-8 byte range in the query.
    var range: Range<Int>
    var text: String = ""
    var isPrefix = false
}

/// The names a query may put before a colon.
enum FieldName: Equatable {
    case text(TextField)
    case keyword(KeywordField)
    case date
    case topic

    /// Lower-case spellings and what they name; anything else before a colon is ordinary text (`Note:`).
    static let spellings: [(String, FieldName)] = [
        ("title", .text(.title)), ("question", .text(.question)), ("answer", .text(.answer)),
        ("speaker", .text(.speaker)), ("spokesperson", .text(.speaker)), ("outlet", .text(.outlet)),
        ("lang", .keyword(.language)), ("language", .keyword(.language)), ("kind", .keyword(.kind)),
        ("date", .date), ("topic", .topic),
    ]
}

/// Splits a query into lexemes. Never fails: every byte sequence has a reading.
///
/// Works on the UTF-8 bytes; whitespace includes control characters, no-break and ideographic spaces;
/// quotes include the curly `“ ”` a Chinese keyboard types; parentheses include the full-width `（ ）`.
struct QueryLexer {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// All lexemes of the query.
    static func lexemes(of bytes: [UInt8]) -> [QueryLexeme] {
        var lexer = QueryLexer(bytes)
        var result: [QueryLexeme] = []
        while let lexeme = lexer.next() { result.append(lexeme) }
        return result
    }

    mutating func next() -> QueryLexeme? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        let start = index
        if let width = delimiterWidth(at: index, kind: .open) {
            index += width
            return QueryLexeme(kind: .open, range: start..<index)
        }
        if let width = delimiterWidth(at: index, kind: .close) {
            index += width
            return QueryLexeme(kind: .close, range: start..<index)
        }
        if let width = delimiterWidth(at: index, kind: .quote) {
            return phrase(openingWidth: width)
        }
        let byte = bytes[index]
        if (byte == 0x2B || byte == 0x2D), index + 1 < bytes.count, !isWhitespace(at: index + 1),
            delimiterWidth(at: index + 1, kind: .close) == nil
        {
            index += 1
            return QueryLexeme(kind: byte == 0x2B ? .plus : .minus, range: start..<index)
        }
        if let (name, length) = fieldName(at: index) {
            index += length
            return QueryLexeme(kind: .field(name), range: start..<index)
        }
        if let length = unknownFieldName(at: index) {
            index += length
            let name = String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            return QueryLexeme(kind: .unknownField, range: start..<index, text: name)
        }
        return word()
    }

    // MARK: - Pieces

    private mutating func phrase(openingWidth: Int) -> QueryLexeme {
        let start = index
        index += openingWidth
        let contentStart = index
        while index < bytes.count {
            if let width = delimiterWidth(at: index, kind: .quote) {
                let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
                index += width
                return QueryLexeme(kind: .phrase, range: start..<index, text: text)
            }
            index += 1
        }
        let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
        return QueryLexeme(kind: .phrase, range: start..<index, text: text)
    }

    private mutating func word() -> QueryLexeme {
        let start = index
        while index < bytes.count, !isWhitespace(at: index), delimiterWidth(at: index, kind: .open) == nil,
            delimiterWidth(at: index, kind: .close) == nil, delimiterWidth(at: index, kind: .quote) == nil
        {
            index += 1
        }
        var end = index
        var isPrefix = false
        while end > start, bytes[end - 1] == 0x2A {  // trailing '*'
            end -= 1
            isPrefix = true
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let kind: QueryLexeme.Kind
        switch text {
        case "AND" where !isPrefix, "&&" where !isPrefix: kind = .and
        case "OR" where !isPrefix, "||" where !isPrefix: kind = .or
        case "NOT" where !isPrefix: kind = .not
        default: kind = .word
        }
        return QueryLexeme(kind: kind, range: start..<index, text: text, isPrefix: isPrefix)
    }

    /// A known field name and its colon at `position`, case-insensitively.
    private func fieldName(at position: Int) -> (FieldName, Int)? {
        var end = position
        while end < bytes.count, end - position <= 12, isASCIILetter(bytes[end]) { end += 1 }
        guard end > position, end < bytes.count, bytes[end] == 0x3A else { return nil }
        let name = String(decoding: bytes[position..<end].map { $0 | 0x20 }, as: UTF8.self)
        guard let field = FieldName.spellings.first(where: { $0.0 == name })?.1 else { return nil }
        return (field, end + 1 - position)
    }

    /// The length of `name:` at `position` when it reads as a mistyped field: two to twenty lowercase ASCII
    /// letters, a colon, and a value glued to it that starts with a letter, a digit, a quote, a parenthesis or
    /// a non-ASCII character. Everything else with a colon stays text: `Note: …`, `10:30`, `U.S.:`,
    /// `Beijing:Washington`, `http://…`.
    private func unknownFieldName(at position: Int) -> Int? {
        var end = position
        while end < bytes.count, end - position <= 20, bytes[end] >= 0x61, bytes[end] <= 0x7A { end += 1 }
        guard end - position >= 2, end - position <= 20, end + 1 < bytes.count, bytes[end] == 0x3A else {
            return nil
        }
        let value = bytes[end + 1]
        let startsValue =
            isASCIILetter(value) || (value >= 0x30 && value <= 0x39) || value >= 0x80
            || value == 0x22 || value == 0x28
        guard startsValue, !isWhitespace(at: end + 1) else { return nil }
        return end + 1 - position
    }

    // MARK: - Byte classes

    private enum Delimiter { case open, close, quote }

    private func delimiterWidth(at position: Int, kind: Delimiter) -> Int? {
        let byte = bytes[position]
        switch kind {
        case .open: if byte == 0x28 { return 1 }
        case .close: if byte == 0x29 { return 1 }
        case .quote: if byte == 0x22 { return 1 }
        }
        guard position + 2 < bytes.count else { return nil }
        let second = bytes[position + 1]
        let third = bytes[position + 2]
        switch kind {
        case .open: return byte == 0xEF && second == 0xBC && third == 0x88 ? 3 : nil  // （
        case .close: return byte == 0xEF && second == 0xBC && third == 0x89 ? 3 : nil  // ）
        case .quote: return byte == 0xE2 && second == 0x80 && (third == 0x9C || third == 0x9D) ? 3 : nil  // “ ”
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, let width = whitespaceWidth(at: index) { index += width }
    }

    private func isWhitespace(at position: Int) -> Bool { whitespaceWidth(at: position) != nil }

    private func whitespaceWidth(at position: Int) -> Int? {
        let byte = bytes[position]
        if byte <= 0x20 || byte == 0x7F { return 1 }
        if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] == 0xA0 { return 2 }  // no-break space
        guard position + 2 < bytes.count else { return nil }
        let second = bytes[position + 1]
        let third = bytes[position + 2]
        if byte == 0xE3 && second == 0x80 && third == 0x80 { return 3 }  // ideographic space
        if byte == 0xE2 && second == 0x80 && (third <= 0x8B || third == 0xAF) { return 3 }  // en/em/thin spaces
        return nil
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
