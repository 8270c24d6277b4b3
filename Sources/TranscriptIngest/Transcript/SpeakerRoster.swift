/// The full names of a transcript's speakers, from what the page says about them.
///
/// A transcript labels a speaker by title and family name (`MS. JEAN-PIERRE:`, `SECRETARY BLINKEN:`); the
/// title ("Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator John Kirby") or the
/// text ("I'm joined by John Kirby", or a byline beside it) gives the given name, in the word right before
/// the family name. Each
/// sighting in the title counts for three in the text. A speaker the page never names in full keeps the
/// label, in title case (`Mr. Bates`); a label that names an office (`SENIOR ADMINISTRATION OFFICIAL`) is
/// the office; `THE PRESIDENT` is the president the page names.
struct SpeakerRoster {
    /// The title, then the transcript's paragraphs, then the page's other paragraphs.
    private let texts: [String]
    private var names: [String: String] = [:]
    /// The speaker who answers most: the one whose notes open a briefing before any label.
    private(set) var host = ""

    init(title: String, transcript: TranscriptBody) {
        var texts = [title]
        texts.append(contentsOf: transcript.preamble)
        for turn in transcript.turns { texts.append(contentsOf: turn.paragraphs) }
        texts.append(contentsOf: transcript.context)
        self.texts = texts
        var turnsBy: [String: Int] = [:]
        for turn in transcript.turns where turn.role == .answer && !turn.label.isEmpty {
            turnsBy[turn.label, default: 0] += 1
        }
        if let top = turnsBy.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }) {
            host = name(for: top.key)
        }
    }

    /// The full name of the speaker labelled `label`, as well as the page tells it.
    mutating func name(for label: String) -> String {
        if let known = names[label] { return known }
        let found = resolve(label)
        names[label] = found
        return found
    }

    private func resolve(_ label: String) -> String {
        let labelWords = TurnMarker.words(of: label)
        guard let last = labelWords.last else { return "" }
        if labelWords.count >= 2, labelWords[labelWords.count - 2] == "THE" || labelWords.first == "THE",
            last == "PRESIDENT"
        {
            return president(vice: labelWords.contains("VICE")) ?? Self.titleCased(label)
        }
        if labelWords.count == 1, last.hasPrefix("SPOKES") {
            return spokesperson() ?? Self.titleCased(label)
        }
        if Self.officeWords.contains(last.lowercased()) || last.first?.isNumber == true || last.first == "#" {
            return Self.titleCased(label)
        }
        if let full = fullName(family: String(last)) { return full }
        return Self.titleCased(label)
    }

    // MARK: - Sightings

    /// Calls `found` with each text's bytes, whether it is the title, and the offset of each place where
    /// `word` (ASCII letters compared without case) starts a word.
    private func sightings(
        of word: String,
        _ found: (_ bytes: UnsafeBufferPointer<UInt8>, _ inTitle: Bool, Int) -> Void
    ) {
        let wanted = Array(word.utf8).map(Self.lower)
        guard let first = wanted.first else { return }
        for (index, text) in texts.enumerated() {
            var text = text
            text.withUTF8 { bytes in
                guard bytes.count >= wanted.count else { return }
                var i = 0
                while i <= bytes.count - wanted.count {
                    defer { i += 1 }
                    guard Self.lower(bytes[i]) == first, i == 0 || !Self.isLetter(bytes[i - 1]) else { continue }
                    var k = 1
                    while k < wanted.count, Self.lower(bytes[i + k]) == wanted[k] { k += 1 }
                    if k == wanted.count { found(bytes, index == 0, i) }
                }
            }
        }
    }

    /// The word that ends right before the space before `offset`, without its punctuation.
    private static func word(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String, start: Int)? {
        guard offset >= 2, bytes[offset - 1] == 0x20 else { return nil }
        var start = offset - 1
        while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
        guard start < offset - 1 else { return nil }
        return (String(decoding: bytes[start..<(offset - 1)], as: UTF8.self), start)
    }

    /// The word that starts at `offset`, as written (with its punctuation).
    private static func word(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String, end: Int) {
        var end = offset
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        return (String(decoding: bytes[offset..<end], as: UTF8.self), end)
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }

    // MARK: - Names

    /// `Karine Jean-Pierre` for `JEAN-PIERRE`: the most seen capitalized word right before the family name
    /// that is no title, with the family name spelled as the page spells it.
    private func fullName(family: String) -> String? {
        let familyBytes = family.lowercased().utf8.count
        var votes: [String: Int] = [:]
        var order: [String] = []
        var spelling: String?
        sightings(of: family.lowercased()) { bytes, inTitle, offset in
            let end = offset + familyBytes
            // Whole word: what follows is no letter (a possessive `’s` is fine).
            guard end == bytes.count || !Self.isLetter(bytes[end]) || bytes[end] == 0xE2 else { return }
            let written = String(decoding: bytes[offset..<end], as: UTF8.self)
            guard written.contains(where: \.isLowercase), var (given, start) = Self.word(before: offset, in: bytes)
            else { return }
            // A middle initial: `Jake S. Sullivan`.
            if given.utf8.count == 2, given.last == ".", let earlier = Self.word(before: start, in: bytes) {
                given = earlier.0
            }
            guard Self.isGivenName(Substring(given)) else { return }
            if spelling == nil { spelling = written }
            if votes[given] == nil { order.append(given) }
            votes[given, default: 0] += inTitle ? 3 : 1
        }
        guard let spelling, let best = order.max(by: { votes[$0]! < votes[$1]! }) else { return nil }
        return "\(best) \(spelling)"
    }

    /// The president (or vice president) the page names: `Joe Biden` from "President Joe Biden", or from
    /// "President Biden" and a "Joe Biden" elsewhere.
    private func president(vice: Bool) -> String? {
        var votes: [String: Int] = [:]
        var order: [String] = []
        sightings(of: "President ") { bytes, inTitle, offset in
            guard bytes[offset] == UInt8(ascii: "P") else { return }
            let isVice = Self.word(before: offset, in: bytes)?.0 == "Vice"
            guard isVice == vice else { return }
            let next = String(Self.bare(Substring(Self.word(at: offset + 10, in: bytes).0)))
            guard Self.isGivenName(Substring(next)) else { return }
            if votes[next] == nil { order.append(next) }
            votes[next, default: 0] += inTitle ? 3 : 1
        }
        guard let best = order.max(by: { votes[$0]! < votes[$1]! }) else { return nil }
        return fullName(family: best) ?? best
    }

    /// The spokesperson the page names: "Ana Ferreira, Spokesperson for the Secretary-General", or
    /// "Spokesperson Ana Ferreira".
    private func spokesperson() -> String? {
        var found: String?
        sightings(of: "Spokes") { bytes, _, offset in
            guard found == nil, bytes[offset] == UInt8(ascii: "S") else { return }
            if let (family, start) = Self.word(before: offset, in: bytes), family.last == ",",
                let (given, _) = Self.word(before: start, in: bytes)
            {
                let bare = Self.bare(Substring(family))
                if Self.isGivenName(Substring(given)), Self.isGivenName(bare) { found = "\(given) \(bare)" }
            }
            let (_, end) = Self.word(at: offset, in: bytes)
            if found == nil, end + 1 < bytes.count {
                let (given, givenEnd) = Self.word(at: end + 1, in: bytes)
                if givenEnd + 1 < bytes.count {
                    let family = Self.bare(Substring(Self.word(at: givenEnd + 1, in: bytes).0))
                    if Self.isGivenName(Substring(given)), Self.isGivenName(family) { found = "\(given) \(family)" }
                }
            }
        }
        return found
    }

    /// A word stripped of the punctuation around it and of a possessive: `Psaki,` → `Psaki`, `Biden’s` → `Biden`.
    private static func bare(_ word: Substring) -> Substring {
        var word = word
        for suffix in ["’s", "'s"] where word.hasSuffix(suffix) { word = word.dropLast(2) }
        while let last = word.last, !last.isLetter { word = word.dropLast() }
        while let first = word.first, !first.isLetter { word = word.dropFirst() }
        return word
    }

    /// Whether `word` can be a given name: capitalized, then lowercase letters (a hyphen or apostrophe
    /// allowed), and no title.
    private static func isGivenName(_ word: Substring) -> Bool {
        guard word.count >= 2, let first = word.first, first.isUppercase else { return false }
        guard word.dropFirst().allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "’" || $0 == "'" }) else {
            return false
        }
        return !officeWords.contains(word.lowercased())
    }

    /// Words of titles, offices and sentences that stand before a family name but are no given name.
    private static let officeWords: Set<String> = [
        "mr", "ms", "mrs", "dr", "mx", "the", "and", "by", "of", "for", "with", "to", "on", "at", "in", "from", "as",
        "press", "secretary", "deputy", "principal", "assistant", "special", "senior", "advisor", "adviser",
        "director", "coordinator", "administrator", "ambassador", "admiral", "general", "surgeon", "governor",
        "senator", "representative", "congressman", "congresswoman", "mayor", "chair", "chairman", "chairwoman",
        "chief", "president", "vice", "minister", "prime", "commissioner", "acting", "council", "counsel", "officer",
        "official", "officials", "spokesperson", "spokesman", "spokeswoman", "national", "security", "economic",
        "domestic", "policy", "house", "white", "staff", "communications", "strategic", "response", "team",
        "colonel", "lieutenant", "coach", "captain", "sergeant", "first", "lady", "former", "dear", "hello", "hi",
        "thank", "thanks", "great", "okay", "so", "but", "leader", "speaker", "aide", "member", "members",
        "one", "two", "three", "four", "interpreter", "participant", "ambassadors", "envoy", "climate", "justice",
        "attorney", "administration", "department", "agency", "cabinet", "transportation", "energy", "commerce",
        "education", "agriculture", "treasury", "defense", "labor", "interior", "health", "trade",
        "queen", "king", "prince", "princess", "chancellor", "sir", "madam", "doctor", "professor", "mister",
    ]

    /// `MR. BATES` → `Mr. Bates`, `SENIOR ADMINISTRATION OFFICIAL` → `Senior Administration Official`.
    static func titleCased(_ label: String) -> String {
        var out = ""
        var startOfWord = true
        for character in label {
            if character.isLetter {
                out += startOfWord ? String(character).uppercased() : String(character).lowercased()
                startOfWord = false
            } else {
                out.append(character)
                startOfWord = character == " " || character == "-"
            }
        }
        return out
    }
}
