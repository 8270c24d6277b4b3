import Foundation

@testable import TranscriptIngest

/// The JSONL reader as it was before `JSONLineParser`: Foundation's `JSONSerialization` on each line, then
/// the page-text hygiene on each string through `BlockBuilder`. The equivalence tests hold the new reader
/// to it.
///
/// Known, intended differences (the tests steer clear of them): Foundation accepts trailing commas
/// (`{"a": 1,}`) and rejects lone surrogate escapes, which now read as U+FFFD; it lets a number too large
/// for a `Double` (`1e400`) pass when a later duplicate key replaces it, where the line is now invalid
/// either way; a numeric `id` is now taken as written, where Foundation turned `1e3` into `"1000.0"` and
/// refused `0` and `1` as booleans.
enum FoundationJSONLReference {
    static func read(_ bytes: [UInt8], source: String) -> SourceResult {
        var statements: [Statement] = []
        var warnings: [SourceWarning] = []
        var seen: Set<String> = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) }) else { continue }
            var notes: [String] = []
            switch parse(Array(line), ordinal: statements.count + 1, source: source, notes: &notes) {
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
                warnings += notes.map { SourceWarning(source: source, line: lineNumber, message: $0) }
                let date = statement.date
                if !date.isEmpty {
                    if let normalized = BriefingMetadata.parseDate(date) {
                        statement.date = normalized
                    } else {
                        statement.date = ""
                        warnings.append(
                            SourceWarning(
                                source: source,
                                line: lineNumber,
                                message: "date '\(date)' is not YYYY-MM-DD; left empty"
                            )
                        )
                    }
                }
                statements.append(statement)
            case .failure(let message):
                warnings.append(SourceWarning(source: source, line: lineNumber, message: "\(message); line skipped"))
            }
        }
        return SourceResult(source: source, statements: statements, warnings: warnings)
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The JSON type of a value no field can use, as the reader's warnings name it; `nil` for a string or null.
    static func unusableType(_ value: Any) -> String? {
        if value is String || value is NSNull { return nil }
        guard let number = value as? NSNumber else { return "an object or array" }
        return String(cString: number.objCType) == "c" ? "a boolean" : "a number"
    }

    static func parse(
        _ line: [UInt8],
        ordinal: Int,
        source: String,
        notes: inout [String]
    ) -> Result<Statement, Problem> {
        let valid = line.withUnsafeBytes { ByteText.firstInvalidUTF8($0) == nil }
        guard valid else { return .failure(Problem(description: "not valid UTF-8")) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: []) else {
            return .failure(Problem(description: "not valid JSON"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(Problem(description: "not a JSON object"))
        }
        func text(_ keys: String...) -> String {
            for key in keys {
                if let value = fields[key] as? String { return clean(value) }
            }
            return ""
        }
        guard let rawID = fields["id"] else { return .failure(Problem(description: "missing \"id\"")) }
        let id: String
        if let string = rawID as? String, !string.isEmpty {
            id = string
        } else if let number = rawID as? NSNumber, !(rawID is Bool) {
            id = number.stringValue
        } else {
            return .failure(Problem(description: "\"id\" must be a non-empty string"))
        }
        let answer = text("answer", "text")
        guard !answer.isEmpty else {
            for key in ["answer", "text"] {
                if let value = fields[key], let type = unusableType(value) {
                    return .failure(Problem(description: "\"\(key)\" is \(type), not a string"))
                }
            }
            return .failure(Problem(description: "missing \"answer\" or \"text\""))
        }
        var date = text("date")
        let keys = [
            "answer", "text", "date", "spokesperson", "question", "title", "outlet", "asked_by", "url", "language",
            "lang", "kind", "follow_up", "followUp",
        ]
        for key in keys {
            guard let value = fields[key], let type = unusableType(value) else { continue }
            if key == "follow_up" || key == "followUp" {
                if value as? Bool == nil { notes.append("\"\(key)\" is \(type), not true or false; ignored") }
            } else if key == "date", let number = value as? NSNumber, type == "a number",
                let read = JSONLReader.date(fromNumber: number.stringValue)
            {
                date = read
                notes.append("\"date\" is a number (\(number.stringValue)), not a string; read as \(read)")
            } else if !(key == "text" && !text("answer").isEmpty) {
                notes.append("\"\(key)\" is \(type), not a string; ignored")
            }
        }
        let followUp = (fields["follow_up"] as? Bool) ?? (fields["followUp"] as? Bool) ?? false
        return .success(
            Statement(
                id: id,
                ordinal: ordinal,
                date: date,
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

    /// Lines split on `\n`, each through `BlockBuilder`, non-empty blocks joined with `"\n\n"`.
    static func clean(_ value: String) -> String {
        var builder = BlockBuilder()
        var line: [UInt8] = []
        func endLine() {
            line.append(0)
            line.withUnsafeBufferPointer { builder.append($0.baseAddress!, bold: false) }
            builder.endBlock()
            line.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            if byte == 0x0A {
                endLine()
            } else if byte != 0 {
                line.append(byte)
            }
        }
        endLine()
        var joined: [UInt8] = []
        for block in builder.blocks {
            if !joined.isEmpty { joined.append(contentsOf: [0x0A, 0x0A]) }
            joined.append(contentsOf: block.bytes)
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
