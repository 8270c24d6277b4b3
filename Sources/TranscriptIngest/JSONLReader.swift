#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses the lines of a JSONL source: one statement object per line, read by `JSONLineParser`.
///
/// Required: `id` (a string, or a number taken as written) and a non-empty `answer` or `text`. Optional:
/// `date`, `spokesperson`, `question`, `title`, `outlet` (or `asked_by`), `url`, `language` (or `lang`),
/// `kind`, `publisher`, `follow_up` (or `followUp`). A value of another type (`"answer": 42`) is never passed over in
/// silence: it is a warning naming the line, the field and the type (a number `YYYYMMDD` is read as a
/// date). A bad line is reported with its line number ("not valid UTF-8",
/// "not valid JSON", "not a JSON object", a missing field) and skipped; the rest is read. A date is kept as
/// `YYYY-MM-DD`. Lines are counted from the first line of the bytes given, and a repeated `id` is left for
/// `SourceJoiner`, which sees every block of the file in order.
struct JSONLReader {
    let source: String

    /// Adds the statements of the lines in `buffer`, their keys and the warnings to `piece`.
    func read(_ buffer: UnsafeRawBufferPointer, into piece: inout SourcePiece) {
        var lineNumber = 0
        var start = 0
        let parser = JSONLineParser()
        while start < buffer.count {
            let rest = UnsafeRawBufferPointer(rebasing: buffer[start...])
            var end = buffer.count
            if let newline = memchr(rest.baseAddress!, 0x0A, rest.count) {
                end = start + (UnsafeRawPointer(newline) - rest.baseAddress!)
            }
            lineNumber += 1
            let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
            start = end + 1
            guard !ByteText.isBlank(line) else { continue }
            var notes: [String] = []
            let parsed = parse(line, ordinal: piece.statements.count + 1, with: parser, notes: &notes)
            for note in notes {
                piece.warnings.append(SourceWarning(source: source, line: lineNumber, message: note))
            }
            switch parsed {
            case .success(var statement):
                if let note = Self.normalizeDate(&statement) {
                    piece.warnings.append(SourceWarning(source: source, line: lineNumber, message: note))
                }
                piece.keys.append(StatementKey(id: statement.id, line: lineNumber))
                piece.statements.append(statement)
            case .failure(let problem):
                piece.warnings.append(
                    SourceWarning(source: source, line: lineNumber, message: "\(problem.message); line skipped")
                )
            }
        }
    }

    struct LineProblem: Error {
        var message: String
    }

    /// The statement of one line, or why there is none; `notes` gets a word about each value that could not
    /// be used (a number where text belongs), so that nothing is dropped without one.
    private func parse(
        _ line: UnsafeRawBufferPointer,
        ordinal: Int,
        with parser: JSONLineParser,
        notes: inout [String]
    ) -> Result<Statement, LineProblem> {
        do {
            try parser.parse(line)
        } catch .notObject {
            return .failure(LineProblem(message: "not a JSON object"))
        } catch {
            // The parser checks UTF-8 only where it reads; bad bytes anywhere in the line say more.
            let message = ByteText.firstInvalidUTF8(line) != nil ? "not valid UTF-8" : "not valid JSON"
            return .failure(LineProblem(message: message))
        }
        func text(_ fields: JSONLineField...) -> String {
            for field in fields {
                let value = parser.value(field)
                if value.kind == .string { return parser.string(value) }
            }
            return ""
        }
        let rawID = parser.value(.id)
        let id: String
        switch rawID.kind {
        case .absent:
            return .failure(LineProblem(message: "missing \"id\""))
        case .string where rawID.count > 0:
            id = parser.string(rawID)
        case .number:
            id = parser.literal(rawID)
        default:
            return .failure(LineProblem(message: "\"id\" must be a non-empty string"))
        }
        let answer = text(.answer, .text)
        guard !answer.isEmpty else {
            for field in [JSONLineField.answer, .text] where !Self.isUsable(parser.value(field).kind) {
                let type = Self.typeName(parser.value(field).kind)
                return .failure(LineProblem(message: "\"\(field.key)\" is \(type), not a string"))
            }
            return .failure(LineProblem(message: "missing \"answer\" or \"text\""))
        }
        var date = text(.date)
        for field in JSONLineField.allCases where field != .id && !Self.isUsable(parser.value(field).kind) {
            let value = parser.value(field)
            let type = Self.typeName(value.kind)
            if field == .date, value.kind == .number, let read = Self.date(fromNumber: parser.literal(value)) {
                date = read
                notes.append("\"date\" is a number (\(parser.literal(value))), not a string; read as \(read)")
            } else if field.mode == .skip {
                if flag(parser, field) == nil {
                    notes.append("\"\(field.key)\" is \(type), not true or false; ignored")
                }
            } else if !(field == .text && !text(.answer).isEmpty) {
                notes.append("\"\(field.key)\" is \(type), not a string; ignored")
            }
        }
        let followUp = flag(parser, .followUp) ?? flag(parser, .followUpCamel) ?? false
        return .success(
            Statement(
                id: id,
                ordinal: ordinal,
                date: date,
                spokesperson: SpeakerNames.spokesperson(text(.spokesperson)),
                outlet: SpeakerNames.outlet(text(.outlet, .askedBy)),
                title: text(.title),
                question: text(.question),
                answer: answer,
                language: text(.language, .lang),
                kind: text(.kind),
                source: source,
                url: text(.url),
                followUp: followUp,
                publisher: text(.publisher)
            )
        )
    }

    /// `YYYY-MM-DD` from a number written `YYYYMMDD` (`20190102`), or `nil`.
    static func date(fromNumber literal: String) -> String? {
        guard literal.utf8.count == 8, literal.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let digits = Array(literal)
        let date = String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])
        return isCalendarDate(date) ? date : nil
    }

    /// Whether a value of `kind` is one a field reads: a string (or a flag's boolean), absent, or `null`.
    private static func isUsable(_ kind: JSONLineValue.Kind) -> Bool {
        switch kind {
        case .absent, .string, .null: true
        case .number, .true, .false, .container: false
        }
    }

    /// The JSON type of a value, as a warning names it: `"a number"`.
    private static func typeName(_ kind: JSONLineValue.Kind) -> String {
        switch kind {
        case .number: "a number"
        case .true, .false: "a boolean"
        case .container: "an object or array"
        case .string: "a string"
        case .null: "null"
        case .absent: "absent"
        }
    }

    /// `true`/`false`, or a number equal to 1 or 0 (as Foundation bridges it to `Bool`); `nil` otherwise.
    private func flag(_ parser: JSONLineParser, _ field: JSONLineField) -> Bool? {
        let value = parser.value(field)
        switch value.kind {
        case .true: return true
        case .false: return false
        case .number:
            switch Double(parser.literal(value)) {
            case 1: return true
            case 0: return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Keeps `YYYY-MM-DD` (or the date part of an ISO timestamp); anything else is dropped with a note.
    private static func normalizeDate(_ statement: inout Statement) -> String? {
        let date = statement.date
        guard !date.isEmpty, !isCalendarDate(date) else { return nil }
        if let normalized = BriefingMetadata.parseDate(date) {
            statement.date = normalized
            return nil
        }
        statement.date = ""
        return "date '\(date)' is not YYYY-MM-DD; left empty"
    }

    /// Whether `date` is already a valid `YYYY-MM-DD`, the form `BriefingMetadata.parseDate` would give it:
    /// most lines are, and the general reader costs more than the rest of the line.
    static func isCalendarDate(_ date: String) -> Bool {
        guard date.utf8.count == 10 else { return false }
        var fields = (0, 0, 0)
        for (k, b) in date.utf8.enumerated() {
            if k == 4 || k == 7 {
                guard b == UInt8(ascii: "-") else { return false }
                continue
            }
            let digit = Int(b) &- 0x30
            guard digit >= 0, digit < 10 else { return false }
            switch k {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        return BriefingMetadata.isValid(fields.0, fields.1, fields.2)
    }
}
