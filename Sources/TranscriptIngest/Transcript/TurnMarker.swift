/// The marker that opens a speaker's turn in a transcript: a speaker in capitals and a colon
/// (`MS. JEAN-PIERRE:`, `SENIOR ADMINISTRATION OFFICIAL:`), a question (`Q`, `Q:`, `QUESTION:`, `问：`), an
/// answer (`A:`, `答：`), or a moderator or operator calling on the next journalist.
struct TurnMarker: Equatable {
    enum Role: Equatable {
        /// A journalist's question.
        case question
        /// An official speaking: an answer, or opening remarks.
        case answer
        /// A moderator or operator: their lines belong to no statement.
        case moderator
    }

    var role: Role
    /// The speaker as written, without the colon (`"MS. JEAN-PIERRE"`); `""` for `Q`, `A:`, `问：` and `答：`.
    var label: String
    /// Byte offset of the first character after the marker and its spaces.
    var textStart: Int

    /// The longest label read as a speaker: `SENIOR ADMINISTRATION OFFICIAL NUMBER TWO` fits, a sentence does not.
    static let maximumLabelBytes = 64
    /// The most words a label holds.
    static let maximumLabelWords = 7

    /// Reads the marker that starts at `offset` of `bytes`, or `nil` when there is none.
    init?(_ bytes: [UInt8], at offset: Int) {
        let count = bytes.count
        guard offset < count else { return nil }
        let first = bytes[offset]
        if first == UInt8(ascii: "Q") {
            // `Q`, then spaces or a colon: the archive's question marker (`Q    Thank you`).
            let next = offset + 1
            if next == count || bytes[next] == 0x20 {
                self.init(role: .question, label: "", textStart: Self.skippingSpaces(bytes, from: next))
                return
            }
            if bytes[next] == UInt8(ascii: ":"), next + 1 == count || bytes[next + 1] == 0x20 {
                self.init(role: .question, label: "", textStart: Self.skippingSpaces(bytes, from: next + 1))
                return
            }
        }
        if first == 0xE9 || first == 0xE7, offset + 5 < count, bytes[offset + 3] == 0xEF,
            bytes[offset + 4] == 0xBC, bytes[offset + 5] == 0x9A
        {
            let word = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
            if word == (0xE9, 0x97, 0xAE) {  // 问：
                self.init(role: .question, label: "", textStart: Self.skippingSpaces(bytes, from: offset + 6))
                return
            }
            if word == (0xE7, 0xAD, 0x94) {  // 答：
                self.init(role: .answer, label: "", textStart: Self.skippingSpaces(bytes, from: offset + 6))
                return
            }
        }
        if first == UInt8(ascii: "Q") || first == UInt8(ascii: "S") || first == UInt8(ascii: "C"),
            let (role, label, end) = Self.spelledOut(bytes, at: offset)
        {
            self.init(role: role, label: label, textStart: Self.skippingSpaces(bytes, from: end))
            return
        }
        guard let colon = Self.labelEnd(bytes, from: offset) else { return nil }
        var label = String(decoding: bytes[offset..<colon], as: UTF8.self)
        var textStart = Self.skippingSpaces(bytes, from: colon + 1)
        if colon + 1 < count, bytes[colon + 1] != 0x20 {
            // `MS. JEAN-PIERRE:Yeah`: a person's label may lose its space, a heading's may not.
            let words = Self.words(of: label)
            guard words.count >= 2, let first = words.first, Self.personWords.contains(first),
                Self.isASCIIUppercase(bytes[colon + 1]) || bytes[colon + 1] >= 0x80 || bytes[colon + 1] == 0x60
            else { return nil }
            textStart = bytes[colon + 1] == 0x60 ? Self.skippingSpaces(bytes, from: colon + 2) : colon + 1
        }
        if Self.honorifics.contains(label), let next = Self.labelEnd(bytes, from: textStart),
            next + 1 == count || bytes[next + 1] == 0x20
        {
            // `MR: ZIENTS:`, a slip of the keyboard.
            label += ". " + String(decoding: bytes[textStart..<next], as: UTF8.self)
            textStart = Self.skippingSpaces(bytes, from: next + 1)
        }
        switch label {
        case "Q", "QUESTION":
            self.init(role: .question, label: "", textStart: textStart)
            return
        case "A", "ANSWER":
            self.init(role: .answer, label: "", textStart: textStart)
            return
        default:
            break
        }
        let words = Self.words(of: label)
        guard label.utf8.count(where: Self.isASCIIUppercase) >= 2 || label.utf8.contains(where: { $0 >= 0x80 }) else {
            return nil
        }
        self.init(role: Self.role(of: words), label: label, textStart: textStart)
    }

    private init(role: Role, label: String, textStart: Int) {
        self.role = role
        self.label = label
        self.textStart = textStart
    }

    // MARK: - Labels

    /// The offset of the colon that ends a label in capitals starting at `offset`: words of capital letters,
    /// digits, `.`, `'`, `’`, `-` and `#`, the first opening with a letter, single spaces between them.
    private static func labelEnd(_ bytes: [UInt8], from offset: Int) -> Int? {
        let limit = min(bytes.count, offset + maximumLabelBytes + 1)
        var i = offset
        var words = 0
        var atWordStart = true
        while i < limit {
            let b = bytes[i]
            if atWordStart {
                words += 1
                guard words <= maximumLabelWords else { return nil }
                let opensWithLetter = isASCIIUppercase(b) || uppercaseLatinLength(bytes, at: i) > 0
                guard opensWithLetter || (words > 1 && (isDigit(b) || b == UInt8(ascii: "#"))) else { return nil }
                atWordStart = false
            }
            switch b {
            case UInt8(ascii: ":"):
                return i > offset ? i : nil
            case 0x20:
                guard i > offset, bytes[i - 1] != 0x20 else { return nil }
                atWordStart = true
                i += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."),
                UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "#"):
                i += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99:  // ’
                i += 3
            default:
                let length = uppercaseLatinLength(bytes, at: i)
                guard length > 0 else { return nil }
                i += length
            }
        }
        return nil
    }

    /// The labels some transcripts write in lower case (the UN's noon briefings): `Question:`,
    /// `Correspondent:`, `Spokesperson:`, `Spokesman:`, `Spokeswoman:`.
    private static let spelledOutLabels: [(String, Role, String)] = [
        ("Question:", .question, ""), ("Correspondent:", .question, ""),
        ("Spokesperson:", .answer, "SPOKESPERSON"), ("Spokesman:", .answer, "SPOKESMAN"),
        ("Spokeswoman:", .answer, "SPOKESWOMAN"),
    ]

    private static func spelledOut(_ bytes: [UInt8], at offset: Int) -> (Role, String, Int)? {
        for (written, role, label) in spelledOutLabels {
            let end = offset + written.utf8.count
            guard end <= bytes.count, end == bytes.count || bytes[end] == 0x20,
                bytes[offset..<end].elementsEqual(written.utf8)
            else { continue }
            return (role, label, end)
        }
        return nil
    }

    /// The length of an uppercase Latin-1 letter (`À`–`Þ` but `×`) at `i`, else 0: `MR. MUÑOZ:`.
    private static func uppercaseLatinLength(_ bytes: [UInt8], at i: Int) -> Int {
        guard bytes[i] == 0xC3, i + 1 < bytes.count else { return 0 }
        let second = bytes[i + 1]
        return second >= 0x80 && second <= 0x9E && second != 0x97 ? 2 : 0
    }

    private static func isASCIIUppercase(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func skippingSpaces(_ bytes: [UInt8], from offset: Int) -> Int {
        var i = offset
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        return i
    }

    /// The label's words without their periods: `MS. JEAN-PIERRE` → `["MS", "JEAN-PIERRE"]`.
    static func words(of label: String) -> [Substring] {
        label.split(separator: " ").map { word in
            var word = word
            while word.last == "." { word = word.dropLast() }
            return word
        }
    }

    /// Journalists asking, whatever the transcript calls them.
    private static let questionWords: Set<Substring> = [
        "QUESTION", "REPORTER", "JOURNALIST", "CORRESPONDENT", "AUDIENCE", "PHOTOJOURNALIST", "QUESTIONER",
    ]

    private static func role(of words: [Substring]) -> Role {
        if words.contains(where: { questionWords.contains($0) }) { return .question }
        if words.contains(where: { $0 == "MODERATOR" || $0 == "OPERATOR" }) { return .moderator }
        // The archive misspells them (`MODERTOR:`, `MOERATOR:`, `MODEARTOR:`).
        if words.count == 1, let word = words.first, word.count >= 6,
            editDistance(word, "MODERATOR") <= 2 || editDistance(word, "OPERATOR") <= 2
        {
            return .moderator
        }
        return .answer
    }

    /// Levenshtein distance with adjacent transpositions counted once.
    private static func editDistance(_ a: Substring, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [Int](repeating: 0, count: y.count + 1)
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[y.count]
    }

    // MARK: - Who speaks

    private static let honorifics: Set<String> = ["MR", "MS", "MRS", "DR"]

    /// Whether the marker is certain enough to open a turn after an ordinary space inside a paragraph:
    /// a person's title and name (`ACTING ADMINISTRATOR SLAVITT:`), or `MODERATOR:`.
    var isDistinctive: Bool {
        let words = Self.words(of: label)
        if role == .moderator { return words.count == 1 && (words[0] == "MODERATOR" || words[0] == "OPERATOR") }
        guard role == .answer, words.count >= 2, let first = words.first else { return false }
        return Self.personWords.contains(first) && first != "THE" || label == "THE PRESIDENT"
    }

    /// Whether the label opens with `MR.`, `MS.`, `MRS.` or `DR.`: a speaker even in the middle of a sentence.
    var opensWithHonorific: Bool {
        guard let first = Self.words(of: label).first else { return false }
        return Self.honorifics.contains(String(first)) && label.contains(".")
    }

    /// Words that open the label of a person or an office (`MS.`, `SECRETARY`, `THE PRESIDENT`,
    /// `SENIOR ADMINISTRATION OFFICIAL`), as opposed to a heading in capitals (`PREVENTION:`).
    private static let personWords: Set<Substring> = [
        "MR", "MS", "MRS", "MX", "DR", "MISS", "THE", "SECRETARY", "PRESIDENT", "VICE", "AMBASSADOR", "ADMINISTRATOR",
        "GOVERNOR", "SENATOR", "REPRESENTATIVE", "CONGRESSMAN", "CONGRESSWOMAN", "MAYOR", "DIRECTOR", "CHAIR",
        "CHAIRMAN", "CHAIRWOMAN", "GENERAL", "ADMIRAL", "COLONEL", "PRIME", "MINISTER", "SENIOR", "SPOKESPERSON",
        "SPOKESMAN", "SPOKESWOMAN", "DEPUTY", "ACTING", "ASSISTANT", "SURGEON", "CHIEF", "COMMISSIONER", "ADVISOR",
        "ADVISER", "COORDINATOR", "OFFICIAL", "AIDE", "SPEAKER", "LEADER", "QUEEN", "KING", "PRINCE", "PRINCESS",
        "CHANCELLOR", "SHEIKH", "FOREIGN", "UNDER", "JUSTICE", "JUDGE", "MODERATOR", "OPERATOR",
    ]

    /// Whether the label names a person or an office: enough, without questions, to read a page of
    /// remarks by several speakers as a transcript.
    var namesPerson: Bool {
        let words = Self.words(of: label)
        guard let first = words.first else { return false }
        return Self.personWords.contains(first) || words.contains { $0 == "OFFICIAL" || $0 == "SPOKESPERSON" }
    }
}
