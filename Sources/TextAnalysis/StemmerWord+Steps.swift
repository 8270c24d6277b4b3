// The steps of the Porter2 definition, in its order. Each step looks at the longest matching suffix
// only: when that suffix's condition fails, shorter suffixes are not tried (Snowball's `among`).

extension StemmerWord {
    // MARK: - Exceptions, prelude, regions

    /// Words the rules get wrong, handled before any step; returns the new length, or nil.
    mutating func exceptionalForm() -> Int? {
        switch count {
        case 3:
            if prefix(3, equals: "sky") { return 3 }
        case 4:
            if prefix(4, equals: "skis") { return 3 }
            if prefix(4, equals: "idly") { return 3 }
            if prefix(4, equals: "ugly") { self[3] = StemmerWord.i; return 4 }
            if prefix(4, equals: "only") { self[3] = StemmerWord.i; return 4 }
            if prefix(4, equals: "news") || prefix(4, equals: "howe") || prefix(4, equals: "bias") { return 4 }
        case 5:
            if prefix(5, equals: "skies") { self[2] = StemmerWord.y; return 3 }
            if prefix(5, equals: "early") { self[4] = StemmerWord.i; return 5 }
            if prefix(5, equals: "atlas") || prefix(5, equals: "andes") { return 5 }
        case 6:
            if prefix(6, equals: "gently") || prefix(6, equals: "singly") { return 5 }
            if prefix(6, equals: "cosmos") { return 6 }
        default:
            break
        }
        return nil
    }

    /// Drops a leading apostrophe and marks consonant `y`s (initial, or after a vowel) as `Y`.
    mutating func prelude() {
        if self[0] == StemmerWord.apostrophe {
            for k in 1..<count { self[k - 1] = self[k] }
            count -= 1
        }
        guard count > 0 else { return }
        if self[0] == StemmerWord.y {
            self[0] = StemmerWord.bigY
            foundY = true
        }
        var k = 1
        while k < count {
            if self[k] == StemmerWord.y && StemmerWord.isVowel(self[k - 1]) {
                self[k] = StemmerWord.bigY
                foundY = true
            }
            k += 1
        }
    }

    static let regionPrefixes: [StaticString] = [
        "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
    ]

    /// Sets R1 and R2: each starts after the first consonant that follows a vowel, R2 inside R1.
    mutating func markRegions() {
        p1 = count
        p2 = count
        var start = -1
        for prefix in StemmerWord.regionPrefixes
        where prefix.utf8CodeUnitCount <= count && hasSuffix(prefix, endingAt: prefix.utf8CodeUnitCount) {
            start = prefix.utf8CodeUnitCount
            break
        }
        if start < 0 {
            guard let end = regionStart(from: 0) else { return }
            start = end
        }
        p1 = start
        p2 = regionStart(from: start) ?? count
    }

    /// The index after the first non-vowel that follows a vowel at or after `from`.
    private func regionStart(from: Int) -> Int? {
        var k = from
        while k < count && !StemmerWord.isVowel(self[k]) { k += 1 }
        while k < count && StemmerWord.isVowel(self[k]) { k += 1 }
        return k < count ? k + 1 : nil
    }

    // MARK: - Step 1

    static let step1aSuffixes: [StaticString] = ["sses", "ied", "ies", "s", "us", "ss"]

    /// Possessive apostrophes and plural `-s`.
    mutating func step1a() {
        if hasSuffix("'s'") {
            count -= 3
        } else if hasSuffix("'s") {
            count -= 2
        } else if hasSuffix("'") {
            count -= 1
        }
        guard let match = longestSuffix(StemmerWord.step1aSuffixes) else { return }
        switch match {
        case 0:
            count -= 2
        case 1, 2:
            // "ties" → "tie", "cries" → "cri": keep the e only after a single letter.
            if count - 3 >= 2 { replaceSuffix(length: 3, with: "i") } else { replaceSuffix(length: 3, with: "ie") }
        case 3:
            if hasVowel(before: count - 2) { count -= 1 }
        default:
            break
        }
    }

    static let step1bSuffixes: [StaticString] = ["eed", "eedly", "ed", "edly", "ing", "ingly"]

    /// Past tenses and participles: `-eed`, `-ed`, `-ing` and their `-ly` forms.
    mutating func step1b() {
        guard let match = longestSuffix(StemmerWord.step1bSuffixes) else { return }
        let length = StemmerWord.step1bSuffixes[match].utf8CodeUnitCount
        let start = count - length
        switch match {
        case 0, 1:
            if prefix(start, equals: "proc") || prefix(start, equals: "exc") || prefix(start, equals: "succ") {
                return
            }
            if start >= p1 { replaceSuffix(length: length, with: "ee") }
            return
        case 4:
            // dying → die; inning, outing, canning, herring, earring, evening stay as they are.
            if start == 2 && self[1] == StemmerWord.y && !StemmerWord.isVowel(self[0]) {
                replaceSuffix(length: 4, with: "ie")
                return
            }
            if prefix(start, equals: "inn") || prefix(start, equals: "out") || prefix(start, equals: "cann")
                || prefix(start, equals: "herr") || prefix(start, equals: "earr") || prefix(start, equals: "even")
            {
                return
            }
        default:
            break
        }
        guard hasVowel(before: start) else { return }
        count = start
        if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
            appendE()
        } else if endsInUndoubledPair() {
            // "add", "egg", "odd" keep their pair.
            if !(count == 3 && (self[0] == StemmerWord.a || self[0] == StemmerWord.e || self[0] == StemmerWord.o)) {
                count -= 1
            }
        } else if count == p1 && endsInShortSyllable(at: count) {
            appendE()
        }
    }

    /// The stem ends with bb dd ff gg mm nn pp rr or tt.
    private func endsInUndoubledPair() -> Bool {
        guard count >= 2, self[count - 1] == self[count - 2] else { return false }
        switch self[count - 1] {
        case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74: return true
        default: return false
        }
    }

    /// Appends `e`; safe because step 1b removed at least two bytes first.
    private mutating func appendE() {
        self[count] = StemmerWord.e
        count += 1
    }

    /// A final `y` after a consonant (not the first letter) becomes `i`.
    mutating func step1c() {
        guard count >= 3 else { return }
        let last = self[count - 1]
        if (last == StemmerWord.y || last == StemmerWord.bigY) && !StemmerWord.isVowel(self[count - 2]) {
            self[count - 1] = StemmerWord.i
        }
    }

    // MARK: - Steps 2 to 5

    static let step2Suffixes: [StaticString] = [
        "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator",
        "alism", "aliti", "alli", "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli",
        "ogist", "ogi", "fulli", "lessli", "li",
    ]

    static let step2Replacements: [StaticString] = [
        "tion", "ence", "ance", "able", "ent", "ize", "ize", "ate", "ate", "ate",
        "al", "al", "al", "ful", "ous", "ous", "ive", "ive", "ble", "ble",
        "og", "og", "ful", "less", "",
    ]

    /// Derivational suffixes in R1, such as `-ization` → `-ize`.
    mutating func step2() {
        guard let match = longestSuffix(StemmerWord.step2Suffixes) else { return }
        let length = StemmerWord.step2Suffixes[match].utf8CodeUnitCount
        let start = count - length
        guard start >= p1 else { return }
        switch match {
        case 21:  // ogi, after l
            guard start >= 1 && self[start - 1] == StemmerWord.l else { return }
        case 24:  // li, after a valid letter
            guard start >= 1 && StemmerWord.isValidLI(self[start - 1]) else { return }
        default:
            break
        }
        replaceSuffix(length: length, with: StemmerWord.step2Replacements[match])
    }

    static let step3Suffixes: [StaticString] = [
        "tional", "ational", "alize", "icate", "iciti", "ical", "ful", "ness", "ative",
    ]

    static let step3Replacements: [StaticString] = ["tion", "ate", "al", "ic", "ic", "ic", "", "", ""]

    /// More derivational suffixes in R1; `-ative` only in R2.
    mutating func step3() {
        guard let match = longestSuffix(StemmerWord.step3Suffixes) else { return }
        let length = StemmerWord.step3Suffixes[match].utf8CodeUnitCount
        let start = count - length
        guard start >= p1 else { return }
        if match == 8 && start < p2 { return }
        replaceSuffix(length: length, with: StemmerWord.step3Replacements[match])
    }

    static let step4Suffixes: [StaticString] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
        "iti", "ous", "ive", "ize", "ion",
    ]

    /// Suffixes deleted in R2; `-ion` only after s or t.
    mutating func step4() {
        guard let match = longestSuffix(StemmerWord.step4Suffixes) else { return }
        let length = StemmerWord.step4Suffixes[match].utf8CodeUnitCount
        let start = count - length
        guard start >= p2 else { return }
        if match == 17 {
            guard start >= 1 && (self[start - 1] == StemmerWord.s || self[start - 1] == StemmerWord.t) else { return }
        }
        count = start
    }

    /// A final `e` (in R2, or in R1 after a long syllable) and the second `l` of a final `ll` in R2.
    mutating func step5() {
        guard count >= 1 else { return }
        let start = count - 1
        switch self[start] {
        case StemmerWord.e:
            if start >= p2 || (start >= p1 && !endsInShortSyllable(at: start)) { count = start }
        case StemmerWord.l:
            if start >= p2 && start >= 1 && self[start - 1] == StemmerWord.l { count = start }
        default:
            break
        }
    }

    /// Turns the `Y` markers back into `y`.
    mutating func postlude() {
        guard foundY else { return }
        for k in 0..<count where self[k] == StemmerWord.bigY { self[k] = StemmerWord.y }
    }
}
