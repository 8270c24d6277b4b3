import SearchIndex
import TranscriptIngest

/// A statement's near-duplicate fingerprint: a 64-bit SimHash over shingles of its question and answer, the
/// number of words it was made of, and what two copies must share exactly (the date and the speaker).
///
/// Words are runs of letters and digits, lowercased; each CJK ideograph is a word of its own. Shingles are
/// three words (two for an ideograph, as CJK bigrams), and the question's words are set apart from the
/// answer's, so the same canned answer to two questions gets two fingerprints. A text of fewer than
/// `shortWords` words, or with an answer that short, is too short for a SimHash to tell a changed word from
/// noise: its fingerprint is then an exact hash of its words, and only an identical text matches it.
struct NearDuplicateFingerprint: Equatable, Sendable {
    /// The SimHash, or for a short text the exact hash of its words.
    var simhash: UInt64
    /// Words of the question and answer.
    var words: Int
    /// Words of the answer alone.
    var answerWords: Int
    /// The date as `yyyymmdd` (0 when unknown).
    var date: Int32
    /// The speaker's name, lowercased letters only.
    var speaker: String

    /// Below this many words, only an exact match is a copy.
    static let shortWords = 40
    /// The most SimHash bits two copies may differ in (measured on the real corpus: NOTES-dedup.md).
    static let maximumDistance = 3

    /// The fingerprint of `statement` (of at most the first `textLimit` bytes of its answer).
    init(_ statement: Statement, textLimit: Int = 1 << 16) {
        var units: [UInt64] = []
        var wide: [Bool] = []
        Self.appendWords(of: statement.question, to: &units, wide: &wide)
        if !units.isEmpty {
            units.append(0x5155_4553_5449_4F4E)  // "QUESTION": a boundary no word hashes to
            wide.append(false)
        }
        let answer =
            statement.answer.utf8.count > textLimit
            ? String(decoding: statement.answer.utf8.prefix(textLimit), as: UTF8.self) : statement.answer
        let questionUnits = units.count
        Self.appendWords(of: answer, to: &units, wide: &wide)
        words = units.count
        answerWords = units.count - questionUnits
        date = StatementSchema.dateKey(statement.date)
        speaker = Self.normalizedSpeaker(statement.spokesperson)
        if words < Self.shortWords || answerWords < Self.shortWords {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for u in units { h = Self.mix(h ^ u) }
            simhash = h
            return
        }
        // Eight lanes of counts per byte of the shingle's hash, added from a table of ±1 vectors.
        var counts = [SIMD8<Int32>](repeating: .zero, count: 8)
        let table = Self.byteVotes
        for i in units.indices {
            let width = wide[i] ? 2 : 3
            guard i + width <= units.count else { break }
            var h: UInt64 = 0
            for k in i..<(i + width) { h = Self.mix(h &+ units[k]) }
            for byte in 0..<8 { counts[byte] &+= table[Int((h >> UInt64(byte * 8)) & 0xFF)] }
        }
        var value: UInt64 = 0
        for byte in 0..<8 {
            for lane in 0..<8 where counts[byte][lane] > 0 { value |= 1 << UInt64(byte * 8 + lane) }
        }
        simhash = value
    }

    /// For each byte value, +1 in the lanes of its set bits and -1 in the others.
    private static let byteVotes: [SIMD8<Int32>] = (0..<256).map { byte in
        var votes = SIMD8<Int32>(repeating: -1)
        for lane in 0..<8 where byte >> lane & 1 == 1 { votes[lane] = 1 }
        return votes
    }

    /// A fingerprint read back from an index's columns.
    init(simhash: UInt64, words: Int, answerWords: Int, date: Int32, speaker: String) {
        self.simhash = simhash
        self.words = words
        self.answerWords = answerWords
        self.date = date
        self.speaker = speaker
    }

    /// Whether two fingerprints are of copies of one statement: same date and speaker (when both have one),
    /// word counts within a few words, and SimHashes within `maximumDistance` bits (equal for short texts).
    func isCopy(of other: NearDuplicateFingerprint) -> Bool {
        guard date == other.date, speaker.isEmpty || other.speaker.isEmpty || speaker == other.speaker else {
            return false
        }
        if isShort || other.isShort {
            return words == other.words && answerWords == other.answerWords && simhash == other.simhash
        }
        guard abs(words - other.words) <= max(3, min(words, other.words) / 20) else { return false }
        return (simhash ^ other.simhash).nonzeroBitCount <= Self.maximumDistance
    }

    /// Whether the text or its answer is too short for a SimHash: a long question with a two-word answer
    /// ("Either one.") must not match the same question with another short answer.
    var isShort: Bool { words < Self.shortWords || answerWords < Self.shortWords }

    /// The `words` column: the words, and the answer's words in the high 32 bits.
    var wordsColumn: Int64 { Int64(words) | Int64(answerWords) << 32 }

    /// The group key of the first copy: every later copy carries it in the `group` column, and the first
    /// copy (whose `group` is 0) is found by computing it again from its columns.
    var key: Int64 {
        var h = Self.mix(simhash ^ 0x243F_6A88_85A3_08D3)
        h = Self.mix(h ^ UInt64(bitPattern: wordsColumn))
        h = Self.mix(h ^ UInt64(UInt32(bitPattern: date)))
        let key = Int64(bitPattern: h)
        return key == 0 ? 1 : key
    }

    /// `Mr. Zhao Lijian` and `ZHAO LIJIAN` → `zhaolijian`; `MS. PSAKI` → `psaki`.
    static func normalizedSpeaker(_ name: String) -> String {
        var out = ""
        for word in name.split(whereSeparator: { $0 == " " || $0 == "." }) {
            let lower = word.lowercased()
            if ["mr", "ms", "mrs", "dr", "miss"].contains(lower) { continue }
            out += lower.filter { $0.isLetter }
        }
        return out
    }

    private static func appendWords(of text: String, to units: inout [UInt64], wide: inout [Bool]) {
        var h: UInt64 = 0
        var inWord = false
        func end() {
            if inWord {
                units.append(mix(h))
                wide.append(false)
            }
            h = 0xCBF2_9CE4_8422_2325
            inWord = false
        }
        end()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII, most of every English text: no look-up of Unicode properties.
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                    h = (h ^ UInt64(v)) &* 0x100_0000_01B3
                    inWord = true
                } else if (0x41...0x5A).contains(v) {
                    h = (h ^ UInt64(v + 0x20)) &* 0x100_0000_01B3
                    inWord = true
                } else {
                    end()
                }
                continue
            }
            let properties = scalar.properties
            if properties.isIdeographic {
                end()
                units.append(mix(UInt64(scalar.value) | 1 << 40))
                wide.append(true)
            } else if properties.isAlphabetic || properties.numericType != nil {
                if properties.changesWhenLowercased {
                    for lower in properties.lowercaseMapping.unicodeScalars {
                        h = (h ^ UInt64(lower.value)) &* 0x100_0000_01B3
                    }
                } else {
                    h = (h ^ UInt64(v)) &* 0x100_0000_01B3
                }
                inWord = true
            } else {
                end()
            }
        }
        end()
    }

    /// SplitMix64's finalizer: a fast hash of 64 bits to 64 bits.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The fingerprints seen so far in a build or refresh, and the group each belongs to.
///
/// A statement that matches an earlier one takes its group key; one that matches none starts a group of its
/// own and is stored with group 0. A refresh first loads the live statements of the index it grows.
///
/// Fingerprints are found by bucket, not by a scan: two SimHashes within `maximumDistance` (3) bits agree
/// on at least one of their four 16-bit quarters, so each is filed under its date and each quarter, and only
/// the statements of its four buckets are compared (a short text's exact hash needs one bucket).
struct NearDuplicateGrouper {
    private struct Seen {
        var fingerprint: NearDuplicateFingerprint
        var key: Int64
    }

    private struct Bucket: Hashable {
        var date: Int32
        var quarter: Int8
        var bits: UInt64
    }

    private var seen: [Seen] = []
    private var buckets: [Bucket: [Int32]] = [:]
    private var keys = Set<Int64>()

    private static func buckets(of fingerprint: NearDuplicateFingerprint) -> [Bucket] {
        if fingerprint.isShort {
            return [Bucket(date: fingerprint.date, quarter: -1, bits: fingerprint.simhash)]
        }
        return (0..<4).map {
            Bucket(date: fingerprint.date, quarter: Int8($0), bits: fingerprint.simhash >> ($0 * 16) & 0xFFFF)
        }
    }

    /// The value of the `group` column for a statement with `fingerprint`: 0 when it is the first of its
    /// kind, else the key of the group it is a copy in.
    mutating func group(of fingerprint: NearDuplicateFingerprint) -> Int64 {
        let places = Self.buckets(of: fingerprint)
        for place in places {
            for k in buckets[place] ?? [] where fingerprint.isCopy(of: seen[Int(k)].fingerprint) {
                return seen[Int(k)].key
            }
        }
        add(fingerprint, key: fingerprint.key, at: places)
        return 0
    }

    /// Records a statement already in the index, with the group its columns say.
    mutating func record(_ fingerprint: NearDuplicateFingerprint, group: Int64) {
        let key = group != 0 ? group : fingerprint.key
        guard keys.insert(key).inserted else { return }
        add(fingerprint, key: key, at: Self.buckets(of: fingerprint))
    }

    private mutating func add(_ fingerprint: NearDuplicateFingerprint, key: Int64, at places: [Bucket]) {
        let k = Int32(seen.count)
        seen.append(Seen(fingerprint: fingerprint, key: key))
        keys.insert(key)
        for place in places { buckets[place, default: []].append(k) }
    }
}
