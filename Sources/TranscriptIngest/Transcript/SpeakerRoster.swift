/// The full names of a transcript's speakers, from what the page says about them.
///
/// A transcript labels a speaker by title and family name (`MS. JEAN-PIERRE:`, `SECRETARY BLINKEN:`); the
/// title ("Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator John Kirby") or the
/// text ("I'm joined by John Kirby", or a byline beside it) gives the given name, in the word right before the family name. Each
/// sighting in the title counts for three in the text. A speaker the page never names in full keeps the
/// label, in title case (`Mr. Bates`); a label that names an office (`SENIOR ADMINISTRATION OFFICIAL`) is
/// the office; `THE PRESIDENT` is the president the page names.
struct SpeakerRoster {
    /// The title's words, then the transcript's.
    private let words: [Substring]
    private let titleWords: Int
    private var names: [String: String] = [:]
    /// The speaker who answers most: the one whose notes open a briefing before any label.
    private(set) var host = ""

    init(title: String, transcript: TranscriptBody) {
        var words = title.split(separator: " ")
        titleWords = words.count
        for paragraph in transcript.preamble { words.append(contentsOf: paragraph.split(separator: " ")) }
        for turn in transcript.turns {
            for paragraph in turn.paragraphs { words.append(contentsOf: paragraph.split(separator: " ")) }
        }
        for paragraph in transcript.context { words.append(contentsOf: paragraph.split(separator: " ")) }
        self.words = words
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

    /// `Karine Jean-Pierre` for `JEAN-PIERRE`: the most seen capitalized word right before the family name
    /// that is no title, with the family name spelled as the page spells it.
    private func fullName(family: String) -> String? {
        let wanted = family.lowercased()
        var votes: [Substring: Int] = [:]
        var order: [Substring] = []
        var spelling: Substring?
        for (index, word) in words.enumerated() where index > 0 {
            let bare = Self.bare(word)
            guard bare.count == wanted.count, bare.lowercased() == wanted, bare.contains(where: \.isLowercase) else {
                continue
            }
            var before = index - 1
            // A middle initial: `Jake S. Sullivan`.
            if words[before].count == 2, words[before].last == ".", before > 0 { before -= 1 }
            guard (before < titleWords) == (index < titleWords), Self.isGivenName(words[before]) else { continue }
            if spelling == nil { spelling = bare }
            let given = words[before]
            if votes[given] == nil { order.append(given) }
            votes[given, default: 0] += index < titleWords ? 3 : 1
        }
        guard let spelling, let best = order.max(by: { votes[$0]! < votes[$1]! }) else { return nil }
        return "\(best) \(spelling)"
    }

    /// The president (or vice president) the page names: `Joe Biden` from "President Joe Biden", or from
    /// "President Biden" and a "Joe Biden" elsewhere.
    private func president(vice: Bool) -> String? {
        var votes: [Substring: Int] = [:]
        var order: [Substring] = []
        for (index, word) in words.enumerated() where index + 1 < words.count && word == "President" {
            let isVice = index > 0 && words[index - 1] == "Vice"
            guard isVice == vice, index + 1 != titleWords else { continue }
            let next = Self.bare(words[index + 1])
            guard Self.isGivenName(next) else { continue }
            if votes[next] == nil { order.append(next) }
            votes[next, default: 0] += index < titleWords ? 3 : 1
        }
        guard let best = order.max(by: { votes[$0]! < votes[$1]! }) else { return nil }
        return fullName(family: String(best)) ?? String(best)
    }

    /// The spokesperson the page names: "Ana Ferreira, Spokesperson for the Secretary-General", or
    /// "Spokesperson Ana Ferreira".
    private func spokesperson() -> String? {
        for (index, word) in words.enumerated() where Self.bare(word).hasPrefix("Spokes") {
            if index >= 2, words[index - 1].last == ",", Self.isGivenName(words[index - 2]) {
                let family = Self.bare(words[index - 1])
                if Self.isGivenName(family) { return "\(words[index - 2]) \(family)" }
            }
            if index + 2 < words.count, Self.isGivenName(words[index + 1]) {
                let family = Self.bare(words[index + 2])
                if Self.isGivenName(family) { return "\(words[index + 1]) \(family)" }
            }
        }
        return nil
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
