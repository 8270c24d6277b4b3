/// The top-level keys of a JSONL line that a statement reads; every other key is parsed and ignored.
enum JSONLineField: Int, CaseIterable {
    case id, answer, text, date, spokesperson, question, title, outlet, askedBy, url, language, lang, kind
    case followUp, followUpCamel, publisher

    /// How many fields there are (one value slot each).
    static let count = allCases.count

    /// How the parser treats the key's string value.
    enum Mode {
        /// Unescaped as is (`id`).
        case raw
        /// Unescaped and cleaned in the same pass (every text field).
        case clean
        /// Not a string field: a string value is only validated.
        case skip
    }

    var mode: Mode {
        switch self {
        case .id: .raw
        case .followUp, .followUpCamel: .skip
        default: .clean
        }
    }

    /// The key as written in a line: `"asked_by"`, `"follow_up"`.
    var key: String {
        switch self {
        case .askedBy: "asked_by"
        case .followUp: "follow_up"
        case .followUpCamel: "followUp"
        default: "\(self)"
        }
    }

    /// The field a key names, or `nil` for a key no statement reads.
    ///
    /// - Complexity: O(key length); keys are told apart by length, then by their bytes.
    static func named(_ key: UnsafePointer<UInt8>, count: Int) -> JSONLineField? {
        func equals(_ name: StaticString) -> Bool {
            guard name.utf8CodeUnitCount == count else { return false }
            let bytes = name.utf8Start
            for k in 0..<count where key[k] != bytes[k] { return false }
            return true
        }
        switch count {
        case 2: return equals("id") ? .id : nil
        case 3: return equals("url") ? .url : nil
        case 4:
            if equals("text") { return .text }
            if equals("date") { return .date }
            if equals("lang") { return .lang }
            if equals("kind") { return .kind }
            return nil
        case 5: return equals("title") ? .title : nil
        case 6:
            if equals("answer") { return .answer }
            if equals("outlet") { return .outlet }
            return nil
        case 8:
            if equals("question") { return .question }
            if equals("asked_by") { return .askedBy }
            if equals("language") { return .language }
            if equals("followUp") { return .followUpCamel }
            return nil
        case 9:
            if equals("follow_up") { return .followUp }
            if equals("publisher") { return .publisher }
            return nil
        case 12: return equals("spokesperson") ? .spokesperson : nil
        default: return nil
        }
    }
}

/// What the parser found for one field of a line (the last occurrence of its key wins, as in a dictionary).
struct JSONLineValue {
    enum Kind: UInt8 {
        case absent, string, number, `true`, `false`, null, container
    }

    var kind: Kind
    /// `.string`: where the decoded (and, for text fields, cleaned) bytes sit in the parser's output buffer.
    /// `.number`: where the number's literal sits in the line.
    var start: Int
    var count: Int
    /// A `.string` of a text field too long to decode during the parse: `start` and `count` are its bytes in
    /// the line, quotes included, decoded once asked for (`JSONLineParser.string`) straight into its `String`.
    var inLine = false

    static let absent = JSONLineValue(kind: .absent, start: 0, count: 0)
}
