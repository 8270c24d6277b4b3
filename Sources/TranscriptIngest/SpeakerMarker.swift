/// A speaker marker at the start of a paragraph: `Q:`, `A:`, `CCTV:`, `Hua Chunying:`, `问：`, `答：`, ….
struct SpeakerMarker {
    enum Role {
        case question
        case answer
    }

    /// Where the paragraph sits: right after a question, a bare name is the spokesperson answering.
    enum Context {
        case afterQuestion
        case other
    }

    var role: Role
    /// The normalized outlet of a question (`""` for `Q:`).
    var outlet = ""
    /// The normalized spokesperson of an answer (`""` for `A:`).
    var speaker = ""
    var followUp = false
    /// Byte offset where the paragraph's own text starts, after the colon and spaces.
    var textStart: Int

    /// Longest label read as a marker, in bytes: `Australian Broadcasting Corporation` fits, a sentence does not.
    static let maximumLabelBytes = 64

    /// Reads the marker at the start of `block`, or `nil` when the paragraph has none.
    init?(_ block: TextBlock, state: Context, names: Set<String>) {
        let bytes = block.bytes
        guard let (labelEnd, textStart) = Self.colon(in: bytes) else { return nil }
        var end = labelEnd
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return nil }
        let label = String(decoding: bytes[0..<end], as: UTF8.self)
        self.textStart = textStart
        let bold = block.startsBold && block.boldPrefixEnd >= end || block.isMostlyBold

        switch label.lowercased() {
        case "q", "question", "问", "问题":
            role = .question
            return
        case "a", "answer", "答", "回答":
            role = .answer
            return
        case "追问", "记者", "追问记者":
            role = .question
            followUp = true
            return
        default:
            break
        }
        let lower = label.lowercased()
        if lower.hasPrefix("question") {  // "Question raised after the press conference:"
            role = .question
            return
        }
        if lower.hasPrefix("follow-up") || lower.hasPrefix("follow up") || lower.hasPrefix("followup")
            || lower.hasPrefix("journalist")
        {
            role = .question
            followUp = true
            return
        }
        if Self.isGenericJournalist(lower) {  // "Reporter:", "Foreign Journalist:", "会后有记者问及："
            role = .question
            followUp = lower == "reporter"  // the pages use a bare "Reporter:" for a follow-up turn
            return
        }
        let name = SpeakerNames.spokesperson(label)
        if names.contains(name) {
            role = .answer
            speaker = name
            return
        }
        if label.hasSuffix("记者"), label.unicodeScalars.count > 2 {
            role = .question
            outlet = SpeakerNames.outlet(label)
            return
        }
        if bold, Self.looksLikeOutlet(label) {
            role = .question
            outlet = SpeakerNames.outlet(label)
            return
        }
        if !bold, state == .afterQuestion,
            SpeakerNames.looksLikePersonName(name) || Self.looksLikeUnlistedChineseName(name)
        {
            role = .answer
            speaker = name
            return
        }
        return nil
    }

    /// The paragraph's text after the marker, or `nil` when the marker stands alone.
    func rest(of block: TextBlock) -> String? {
        guard textStart < block.bytes.count else { return nil }
        return String(decoding: block.bytes[textStart...], as: UTF8.self)
    }

    /// The end of the label and the start of the text, for a `:` or `：` within the first bytes.
    private static func colon(in bytes: [UInt8]) -> (Int, Int)? {
        let limit = min(bytes.count, maximumLabelBytes + 3)
        var i = 0
        var spaces = 0
        while i < limit {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: ":"):
                var start = i + 1
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                return i <= maximumLabelBytes ? (i, start) : nil
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBC:
                if bytes[i + 2] == 0x9A {  // ：
                    var start = i + 3
                    while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                    return i <= maximumLabelBytes ? (i, start) : nil
                }
                if bytes[i + 2] == 0x8C || bytes[i + 2] == 0x9F || bytes[i + 2] == 0x81 { return nil }  // ，？！
            case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82:  // 。
                return nil
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\""):
                return nil
            case UInt8(ascii: "."):
                if i + 1 < bytes.count, bytes[i + 1] == 0x20 { return nil }
            case 0x20:
                spaces += 1
                if spaces > 7 { return nil }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// A Chinese name not in the spokesperson list: two or three Han characters, not opening with a word
    /// that starts ordinary sentences (`我认为：`, `这是：`).
    static func looksLikeUnlistedChineseName(_ label: String) -> Bool {
        guard SpeakerNames.looksLikeChineseName(label), label.count <= 3, let first = label.first else { return false }
        return !"我你他她它这那中对关在第据但而是有如请此各另".contains(first)
    }

    /// Labels that name no outlet: `Reporter`, `Foreign Journalist`, `Correspondent`, `会后有记者问及`.
    static func isGenericJournalist(_ lower: String) -> Bool {
        if lower.hasSuffix("问及") || lower.hasSuffix("记者问") || lower.hasSuffix("有记者问") { return true }
        let generic: Set<Substring> = ["foreign", "journalist", "reporter", "correspondent", "a", "the", "another"]
        let words = lower.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { generic.contains($0) }
            && words.contains { $0 == "journalist" || $0 == "reporter" || $0 == "correspondent" }
    }

    /// Whether a bold label reads like the name of a news outlet: a few words, each capitalized, a number,
    /// or a small connecting word (`Associated Press of Pakistan`, `The Paper`, `China Daily`, `彭博社`).
    static func looksLikeOutlet(_ label: String) -> Bool {
        if label.unicodeScalars.allSatisfy({ BriefingMetadata.isHan($0) || $0 == "（" || $0 == "）" }) {
            return label.unicodeScalars.count <= 12
        }
        let words = label.split(separator: " ")
        guard (1...7).contains(words.count) else { return false }
        let connectors: Set<Substring> = ["of", "the", "and", "de", "for", "&", "du", "la", "le", "news", "-"]
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return false }
            return ("A"..."Z").contains(first) || ("0"..."9").contains(first) || connectors.contains(word)
                || first == "(" || first == "\u{201C}" || first == "\""
        }
    }
}
