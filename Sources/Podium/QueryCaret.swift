/// The two lines under a query error: the query as typed and a caret under the spot the parser stopped at.
///
/// A long query is cut to a window around the spot, so the error stays short; control characters show as
/// spaces and wide (CJK) characters count two columns, so the caret lands under the spot on a terminal.
enum QueryCaret {
    /// Characters shown on each side of the spot.
    static let context = 36

    /// - Parameters:
    ///   - query: The query as typed.
    ///   - offset: The spot, in characters from the start of the query.
    /// - Returns: The (windowed) query and the caret line, each indented by two spaces.
    static func lines(query: String, offset: Int) -> [String] {
        let characters = Array(query)
        let spot = max(0, min(offset, characters.count))
        let start = max(0, spot - context)
        let end = min(characters.count, spot + context)
        var shown = start > 0 ? "…" : ""
        var column = shown.isEmpty ? 0 : 1
        for (index, character) in characters[start..<end].enumerated() {
            let printable = character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            shown.append(printable ? character : " ")
            if start + index < spot { column += width(of: character) }
        }
        if end < characters.count { shown += "…" }
        return ["  " + shown, "  " + String(repeating: " ", count: column) + "^"]
    }

    /// Terminal columns of a character: two for East Asian wide and full-width characters, else one.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 1 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
