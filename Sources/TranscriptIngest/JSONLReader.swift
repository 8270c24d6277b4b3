import Foundation

/// Reads a JSONL source: one statement object per line.
///
/// Required: `id` (string) and a non-empty `answer` or `text`. Optional: `date`, `spokesperson`, `question`,
/// `title`, `outlet` (or `asked_by`), `url`, `language` (or `lang`), `kind`, `follow_up`. A bad line is
/// reported with its line number and skipped; the rest of the file is read.
struct JSONLReader {
    let source: String

    func read(_ buffer: UnsafeRawBufferPointer) -> SourceResult {
        var statements: [Statement] = []
        var warnings: [SourceWarning] = []
        var seen: Set<String> = []
        var lineNumber = 0
        var start = 0
        while start < buffer.count {
            var end = start
            while end < buffer.count, buffer[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
            start = end + 1
            guard !ByteText.isBlank(line) else { continue }
            switch parse(line, ordinal: statements.count + 1) {
            case .success(var statement):
                if seen.contains(statement.id) {
                    warnings.append(
                        SourceWarning(
                            source: source,
                            line: lineNumber,
                            message: "duplicate id '\(statement.id)'; line skipped"
                        )
                    )
                    continue
                }
                seen.insert(statement.id)
                if let note = Self.normalizeDate(&statement) {
                    warnings.append(SourceWarning(source: source, line: lineNumber, message: note))
                }
                statements.append(statement)
            case .failure(let problem):
                warnings.append(
                    SourceWarning(source: source, line: lineNumber, message: "\(problem.message); line skipped")
                )
            }
        }
        return SourceResult(source: source, statements: statements, warnings: warnings)
    }

    struct LineProblem: Error {
        var message: String
    }

    private func parse(_ line: UnsafeRawBufferPointer, ordinal: Int) -> Result<Statement, LineProblem> {
        if ByteText.firstInvalidUTF8(line) != nil { return .failure(LineProblem(message: "not valid UTF-8")) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return .failure(LineProblem(message: "not valid JSON"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(LineProblem(message: "not a JSON object"))
        }
        func text(_ keys: String...) -> String {
            for key in keys {
                if let value = fields[key] as? String { return Self.clean(value) }
            }
            return ""
        }
        guard let rawID = fields["id"] else { return .failure(LineProblem(message: "missing \"id\"")) }
        let id: String
        if let string = rawID as? String, !string.isEmpty {
            id = string
        } else if let number = rawID as? NSNumber, !(rawID is Bool) {
            id = number.stringValue
        } else {
            return .failure(LineProblem(message: "\"id\" must be a non-empty string"))
        }
        let answer = text("answer", "text")
        guard !answer.isEmpty else {
            return .failure(LineProblem(message: "missing \"answer\" or \"text\""))
        }
        let followUp = (fields["follow_up"] as? Bool) ?? (fields["followUp"] as? Bool) ?? false
        return .success(
            Statement(
                id: id,
                ordinal: ordinal,
                date: text("date"),
                spokesperson: SpeakerNames.spokesperson(text("spokesperson")),
                outlet: SpeakerNames.outlet(text("outlet", "asked_by")),
                title: text("title"),
                question: text("question"),
                answer: answer,
                language: text("language", "lang"),
                kind: text("kind"),
                source: source,
                url: text("url"),
                followUp: followUp
            )
        )
    }

    /// Keeps `YYYY-MM-DD` (or the date part of an ISO timestamp); anything else is dropped with a note.
    private static func normalizeDate(_ statement: inout Statement) -> String? {
        let date = statement.date
        guard !date.isEmpty else { return nil }
        if let normalized = BriefingMetadata.parseDate(date) {
            statement.date = normalized
            return nil
        }
        statement.date = ""
        return "date '\(date)' is not YYYY-MM-DD; left empty"
    }

    /// Applies the same hygiene as page text: whitespace runs collapse to one space within a paragraph,
    /// paragraph breaks (blank lines) become `"\n\n"`, control characters go.
    static func clean(_ value: String) -> String {
        var builder = BlockBuilder()
        var line: [UInt8] = []
        line.reserveCapacity(value.utf8.count + 1)
        func endLine() {
            line.append(0)
            line.withUnsafeBufferPointer { builder.append($0.baseAddress!, bold: false) }
            builder.endBlock()
            line.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            if byte == 0x0A {
                endLine()
            } else if byte != 0 {  // a NUL would end the C string early; control characters go anyway
                line.append(byte)
            }
        }
        endLine()
        var joined: [UInt8] = []
        joined.reserveCapacity(value.utf8.count)
        for block in builder.blocks {
            if !joined.isEmpty { joined.append(contentsOf: [0x0A, 0x0A]) }
            joined.append(contentsOf: block.bytes)
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
