// Words, numbers, contractions, possessives and dotted acronyms.

extension Tokenizer {
    /// Emits the word starting at `s` (a letter or digit) and returns where its surface ends.
    mutating func scanWord(from s: Int) -> Int {
        if let end = scanAcronym(from: s) { return end }

        let termStart = out.arena.count
        var i = s
        var end = -1
        var hasDigit = false
        var stemmable = true  // only ASCII letters and apostrophes so far
        var lastWasDigit = false
        let limit = s + Tokenizer.maximumWordBytes

        scan: while i < n {
            let d = ScalarClassifier.decode(p, i, n)
            switch d.kind {
            case .letter, .digit, .mark:
                guard i + d.length <= limit else { break scan }
                if d.ascii != 0 {
                    out.arena.append(d.ascii)
                } else if d.kind == .letter {
                    ScalarClassifier.appendLowercase(d.value, to: &out.arena)
                    stemmable = false
                } else {
                    out.arena.append(contentsOf: UnsafeBufferPointer(start: p + i, count: d.length))
                    stemmable = false
                }
                lastWasDigit = d.kind == .digit
                hasDigit = hasDigit || lastWasDigit
                i += d.length

            case .dot where lastWasDigit:
                // 3.5, 1.2.3: a dot between digits stays in the number.
                let next = i + d.length
                guard next < limit, next < n, ScalarClassifier.decode(p, next, n).kind == .digit else { break scan }
                out.arena.append(0x2E)
                i = next
                lastWasDigit = false

            case .comma where lastWasDigit:
                // 1,000 and 1,000,000: a thousands separator (a comma then exactly three digits) is dropped.
                let next = i + d.length
                guard next + 3 <= limit, threeDigitsEnd(at: next) else { break scan }
                i = next
                lastWasDigit = false

            case .apostrophe:
                let next = i + d.length
                guard next < n else { break scan }
                let letter = ScalarClassifier.decode(p, next, n)
                guard letter.kind == .letter else { break scan }
                if letter.ascii == 0x73 && !continuesWord(at: next + letter.length) {
                    // A possessive: the term drops it, the surface keeps it.
                    end = next + letter.length
                    break scan
                }
                guard next + letter.length <= limit else { break scan }
                out.arena.append(0x27)
                i = next

            default:
                break scan
            }
        }

        if stems && stemmable && !hasDigit {
            stemInPlace(from: termStart)
        }
        emit(termStart: termStart, start: s, end: end < 0 ? i : end)
        return end < 0 ? i : end
    }

    /// Whether exactly three ASCII digits start at `i` and no further digit follows them.
    private func threeDigitsEnd(at i: Int) -> Bool {
        guard i + 3 <= n else { return false }
        for k in i..<(i + 3) where p[k] < 0x30 || p[k] > 0x39 { return false }
        return i + 3 == n || p[i + 3] < 0x30 || p[i + 3] > 0x39
    }

    /// Replaces the term at `arena[termStart...]` with its English stem.
    private mutating func stemInPlace(from termStart: Int) {
        let length = out.arena.count - termStart
        guard length >= 3 else { return }
        let stemLength = out.arena.withUnsafeMutableBufferPointer { arena in
            out.stemCache.stem(arena.baseAddress! + termStart, count: length)
        }
        if stemLength > 0 { out.arena.removeLast(length - stemLength) }
    }

    /// Emits a dotted acronym of single ASCII letters (`U.S.`, `U.S.A.`, `e.g.`, `U.S`) starting at `s`,
    /// returning where its surface ends (after the final dot, if any), or nil when none starts there.
    ///
    /// The term is the lowercase letters with inner dots (`u.s`), so that `U.S.` and `U.S` agree and
    /// neither collides with the pronoun `us`.
    mutating func scanAcronym(from s: Int) -> Int? {
        guard isASCIILetter(s), s + 1 < n, p[s + 1] == 0x2E else { return nil }
        var j = s
        var letters = 0
        while letters < Tokenizer.maximumAcronymLetters && isASCIILetter(j) && j + 1 < n && p[j + 1] == 0x2E {
            letters += 1
            j += 2
        }
        // A final letter without its dot: "U.S".
        if letters >= 1 && letters < Tokenizer.maximumAcronymLetters && isASCIILetter(j) && !continuesWord(at: j + 1) {
            letters += 1
            j += 1
        }
        guard letters >= 2 else { return nil }
        let termStart = out.arena.count
        var k = s
        while k < j {
            if p[k] != 0x2E {
                if out.arena.count > termStart { out.arena.append(0x2E) }
                out.arena.append(p[k] | 0x20)
            }
            k += 1
        }
        emit(termStart: termStart, start: s, end: j)
        return j
    }
}
