/// Reads the TOML subset of topics files line by line, checking meaning as it goes.
///
/// Supported: comments, blank lines, `[name]` and `[name.terms]` headers, and `key = value` lines where the
/// key is bare or quoted and the value a string (`"…"` with escapes, or `'…'`) or a number. Arrays, inline
/// tables and multi-line strings are refused with a hint, since a topic never needs them.
struct TopicFileReader {
    let file: String
    private var topics: [Topic] = []
    private var topicLines: [Int] = []
    private var section: Section = .none
    private var seenKeys: Set<String> = []

    private enum Section { case none, topic(Int), terms(Int) }

    init(file: String) { self.file = file }

    mutating func read(_ text: String) throws(TopicFileError) -> TopicSet {
        var lineNumber = 0
        // Split on bytes: in Swift "\r\n" is one Character and would hide the line break.
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine[...]
            var cursor = LineCursor(bytes: Array(line), line: lineNumber, file: file)
            cursor.skipSpaces()
            if cursor.atEndOrComment { continue }
            if cursor.peek == 0x5B {  // [
                try header(&cursor)
            } else {
                try keyValue(&cursor)
            }
        }
        for (index, topic) in topics.enumerated() where topic.entries.isEmpty {
            throw TopicFileError(
                file: file,
                line: topicLines[index],
                column: 1,
                message: "topic '\(topic.name)' has no entries: add a [\(topic.name).terms] table"
            )
        }
        guard !topics.isEmpty else {
            throw TopicFileError(file: file, line: 0, column: 0, message: "the topics file defines no topic")
        }
        return TopicSet(topics)
    }

    // MARK: - Lines

    private mutating func header(_ cursor: inout LineCursor) throws(TopicFileError) {
        let start = cursor.column
        cursor.advance()
        if cursor.peek == 0x5B {
            throw cursor.error("arrays of tables ([[…]]) are not used in a topics file", at: start)
        }
        cursor.skipSpaces()
        let nameColumn = cursor.column
        let name = try cursor.key()
        cursor.skipSpaces()
        var isTerms = false
        if cursor.peek == 0x2E {  // .
            cursor.advance()
            cursor.skipSpaces()
            let subColumn = cursor.column
            guard try cursor.key() == "terms" else {
                throw cursor.error("expected [\(name).terms]; a topic has only a terms table", at: subColumn)
            }
            isTerms = true
            cursor.skipSpaces()
        }
        guard cursor.peek == 0x5D else {
            throw cursor.error("expected ']' to close the table header", at: cursor.column)
        }
        cursor.advance()
        try cursor.expectEnd()
        try validate(name: name, cursor: cursor, column: nameColumn)
        seenKeys = []
        let existing = topics.firstIndex { $0.name == name }
        if isTerms {
            guard let index = existing else {
                throw cursor.error("[\(name).terms] comes before its topic: write [\(name)] first", at: start)
            }
            guard topics[index].entries.isEmpty else {
                throw cursor.error("[\(name).terms] appears twice", at: start)
            }
            section = .terms(index)
        } else {
            if let index = existing {
                throw cursor.error("topic '\(name)' is already defined on line \(topicLines[index])", at: nameColumn)
            }
            topics.append(Topic(name: name, label: name, description: "", entries: []))
            topicLines.append(cursor.line)
            section = .topic(topics.count - 1)
        }
    }

    private mutating func keyValue(_ cursor: inout LineCursor) throws(TopicFileError) {
        let keyColumn = cursor.column
        let key = try cursor.key()
        cursor.skipSpaces()
        guard cursor.peek == 0x3D else { throw cursor.error("expected '=' after the key", at: cursor.column) }
        cursor.advance()
        cursor.skipSpaces()
        let valueColumn = cursor.column
        let value = try cursor.value()
        try cursor.expectEnd()
        guard seenKeys.insert(key).inserted else {
            throw cursor.error("'\(key)' is defined twice in this table", at: keyColumn)
        }
        switch section {
        case .none:
            throw cursor.error("'\(key)' is outside any topic: start a topic with [name]", at: keyColumn)
        case .topic(let index):
            guard case .string(let text) = value else {
                throw cursor.error("'\(key)' takes a quoted string", at: valueColumn)
            }
            switch key {
            case "label": topics[index].label = text
            case "description": topics[index].description = text
            default:
                throw cursor.error(
                    "unknown key '\(key)': a topic has 'label' and 'description', and its entries go in "
                        + "[\(topics[index].name).terms]",
                    at: keyColumn
                )
            }
        case .terms(let index):
            guard case .number(let weight) = value else {
                throw cursor.error("the weight of '\(key)' must be a number, such as 2.5", at: valueColumn)
            }
            guard weight > 0, weight <= 100, weight.isFinite else {
                throw cursor.error("the weight of '\(key)' must be above 0 and at most 100", at: valueColumn)
            }
            guard key.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw cursor.error("an entry needs a word, not only punctuation", at: keyColumn)
            }
            topics[index].entries.append(TopicEntry(text: key, weight: weight, line: cursor.line))
        }
    }

    private func validate(name: String, cursor: LineCursor, column: Int) throws(TopicFileError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
        }
        guard allowed, !name.isEmpty else {
            throw cursor.error(
                "topic names use lower-case letters, digits, '-' and '_' ('\(name)' does not)",
                at: column
            )
        }
    }
}

// MARK: - One line

/// A value on the right of `=`.
enum TopicFileValue: Equatable {
    case string(String)
    case number(Double)
}

/// A position in one line of a topics file.
struct LineCursor {
    let bytes: [UInt8]
    let line: Int
    let file: String
    private(set) var index = 0

    init(bytes: [UInt8], line: Int, file: String) {
        self.bytes = bytes
        self.line = line
        self.file = file
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    var atEndOrComment: Bool { peek == nil || peek == 0x23 }

    /// The 1-based column of the cursor, in characters.
    var column: Int { String(decoding: bytes[..<index], as: UTF8.self).count + 1 }

    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
    }

    func error(_ message: String, at column: Int) -> TopicFileError {
        TopicFileError(file: file, line: line, column: column, message: message)
    }

    mutating func expectEnd() throws(TopicFileError) {
        skipSpaces()
        guard atEndOrComment else { throw error("unexpected text after the value", at: column) }
    }

    /// A bare key (`ip`, `green-tech`) or a quoted one.
    mutating func key() throws(TopicFileError) -> String {
        if peek == 0x22 || peek == 0x27 { return try quoted() }
        let start = index
        while let byte = peek, isBareKeyByte(byte) { index += 1 }
        guard index > start else {
            if let byte = peek, byte >= 0x80 {
                throw error("quote a key that is not plain ASCII, as in \"知识产权\" = 3.0", at: column)
            }
            throw error("expected a name or a quoted string", at: column)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func value() throws(TopicFileError) -> TopicFileValue {
        switch peek {
        case 0x22, 0x27:
            return .string(try quoted())
        case 0x5B, 0x7B:
            throw error("arrays and inline tables are not used in a topics file: write one entry per line", at: column)
        case nil:
            throw error("expected a value after '='", at: column)
        default:
            let start = index
            let startColumn = column
            while let byte = peek, byte != 0x20, byte != 0x09, byte != 0x23 { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self).replacingUnderscores()
            guard let number = Double(text), text.first != ".", text.last != "." else {
                throw error("expected a number or a quoted string, found '\(text)'", at: startColumn)
            }
            return .number(number)
        }
    }

    private mutating func quoted() throws(TopicFileError) -> String {
        let quote = bytes[index]
        let startColumn = column
        if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
            throw error("multi-line strings are not used in a topics file", at: startColumn)
        }
        index += 1
        var result: [UInt8] = []
        while let byte = peek {
            index += 1
            if byte == quote { return String(decoding: result, as: UTF8.self) }
            if byte == 0x5C && quote == 0x22 {  // backslash escape in a basic string
                guard let escaped = peek else { break }
                let escapeColumn = column - 1
                index += 1
                switch escaped {
                case 0x22, 0x5C: result.append(escaped)
                case 0x6E: result.append(0x0A)
                case 0x74: result.append(0x09)
                case 0x75, 0x55:
                    let width = escaped == 0x75 ? 4 : 8
                    guard index + width <= bytes.count,
                        let scalarValue = UInt32(
                            String(decoding: bytes[index..<index + width], as: UTF8.self),
                            radix: 16
                        ),
                        let scalar = Unicode.Scalar(scalarValue)
                    else {
                        throw error("a \\u escape needs \(width) hex digits of a valid character", at: escapeColumn)
                    }
                    index += width
                    result.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("unknown escape '\\\(Character(Unicode.Scalar(escaped)))'", at: escapeColumn)
                }
            } else {
                result.append(byte)
            }
        }
        throw error("this string has no closing quote", at: startColumn)
    }

    private func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x5F
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
