// Words, numbers, contractions, possessives and dotted acronyms.

extension Tokenizer {
    /// Emits the word starting at `s` (a letter or digit) and returns where its surface ends.
    ///
    /// The term is built in `scratch` and copied to the arena once, after stemming.
    mutating func scanWord(from s: Int) -> Int {
        if s + 1 < n && p[s + 1] == 0x2E, let end = scanAcronym(from: s) { return end }

        let limit = min(n, s + Tokenizer.maximumWordBytes)
        var i = s
        var length = 0
        var hasDigit = false
        // ASCII fast path: lowercase letters and digits, one comparison chain per byte.
        while i < limit {
            let byte = p[i]
            let folded = byte | 0x20
            if folded >= 0x61 && folded <= 0x7A {
                scratch[length] = folded
            } else if byte >= 0x30 && byte <= 0x39 {
                scratch[length] = byte
                hasDigit = true
            } else {
                break
            }
            length += 1
            i += 1
        }
        var stemmable = true  // only ASCII letters and apostrophes
        var end = -1
        if i < n && !Tokenizer.endsASCIIWord(p[i]) {
            (i, end) = scanWordTail(from: i, start: s, length: &length, hasDigit: &hasDigit, stemmable: &stemmable)
        }
        if (length == 2 || length == 3) && i - s == length && !hasDigit && isUppercaseASCII(from: s, to: i)
            && StopWords.isShortFunctionWord(scratch, count: length)
        {
            length = dotAcronym(length: length)
        } else {
            if out.recordsSurfaces && !hasDigit { recordSurface(length: length) }
            if stems && stemmable && !hasDigit && length >= 3 {
                length = out.stemCache.stem(scratch, count: length)
            }
        }
        out.arena.append(contentsOf: UnsafeBufferPointer(start: scratch, count: length))
        let surfaceEnd = end < 0 ? i : end
        emit(termStart: out.arena.count - length, start: s, end: surfaceEnd)
        return surfaceEnd
    }

    /// Records the folded word in `scratch` as a surface word (before it is stemmed).
    @inline(__always)
    private mutating func recordSurface(length: Int) {
        out.surfaceArena.append(contentsOf: UnsafeBufferPointer(start: scratch, count: length))
        out.surfaceEnds.append(Int32(out.surfaceArena.count))
    }

    /// Whether `p[s..<e]` are all ASCII capitals.
    @inline(__always)
    private func isUppercaseASCII(from s: Int, to e: Int) -> Bool {
        for k in s..<e where p[k] < 0x41 || p[k] > 0x5A { return false }
        return true
    }

    /// Rewrites the 2- or 3-letter term in `scratch` in the dotted form (`us` → `u.s`): an acronym that
    /// spells a short function word (`US`, `U.S.`, `WHO`, `IT`) keeps its dots so that it is neither the
    /// pronoun `us` nor the stop word `who`. Returns the new length.
    private func dotAcronym(length: Int) -> Int {
        if length == 3 {
            scratch[4] = scratch[2]
            scratch[3] = 0x2E
        }
        scratch[2] = scratch[1]
        scratch[1] = 0x2E
        return 2 * length - 1
    }

    /// Whether `byte`, met right after ASCII letters and digits, certainly ends the word: ASCII and none of
    /// the joiners `'`, `.`, `,` (nor a hyphen, which joins words rather than continuing one).
    @inline(__always)
    static func endsASCIIWord(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x27 && byte != 0x2E && byte != 0x2C
    }

    /// The general word scanner, for what follows the ASCII fast path: non-ASCII letters and marks,
    /// joiners inside numbers, apostrophes. Returns the scan point and the surface end of a possessive
    /// (or -1).
    private mutating func scanWordTail(
        from start: Int,
        start s: Int,
        length: inout Int,
        hasDigit: inout Bool,
        stemmable: inout Bool
    ) -> (Int, Int) {
        var i = start
        var lastWasDigit = length > 0 && scratch[length - 1] >= 0x30 && scratch[length - 1] <= 0x39
        let limit = s + Tokenizer.maximumWordBytes
        while i < n {
            let d = ScalarClassifier.decode(p, i, n)
            switch d.kind {
            case .letter, .digit, .mark:
                guard i + d.length <= limit else { return (i, -1) }
                if d.ascii != 0 {
                    scratch[length] = d.ascii
                    length += 1
                    if d.ascii2 != 0 {
                        scratch[length] = d.ascii2
                        length += 1
                    }
                } else if d.kind == .letter {
                    length += ScalarClassifier.writeLowercase(d.value, to: scratch + length)
                    stemmable = false
                } else {
                    for k in 0..<d.length { scratch[length + k] = p[i + k] }
                    length += d.length
                    stemmable = false
                }
                lastWasDigit = d.kind == .digit
                hasDigit = hasDigit || lastWasDigit
                i += d.length

            case .dot where lastWasDigit:
                // 3.5, 1.2.3: a dot between digits stays in the number.
                let next = i + d.length
                guard next < limit, next < n, ScalarClassifier.decode(p, next, n).kind == .digit else {
                    return (i, -1)
                }
                scratch[length] = 0x2E
                length += 1
                i = next
                lastWasDigit = false

            case .comma where lastWasDigit:
                // 1,000 and 1,000,000: a thousands separator (a comma then exactly three digits) is dropped.
                let next = i + d.length
                guard next + 3 <= limit, threeDigitsEnd(at: next) else { return (i, -1) }
                i = next
                lastWasDigit = false

            case .apostrophe:
                let next = i + d.length
                guard next < n else { return (i, -1) }
                let letter = ScalarClassifier.decode(p, next, n)
                guard letter.kind == .letter else { return (i, -1) }
                if letter.ascii == 0x73 && !continuesWord(at: next + letter.length) {
                    // A possessive: the term drops it, the surface keeps it.
                    return (i, next + letter.length)
                }
                guard next + letter.length <= limit else { return (i, -1) }
                scratch[length] = 0x27
                length += 1
                i = next

            default:
                return (i, -1)
            }
        }
        return (i, -1)
    }

    /// Whether exactly three ASCII digits start at `i` and no further digit follows them.
    private func threeDigitsEnd(at i: Int) -> Bool {
        guard i + 3 <= n else { return false }
        for k in i..<(i + 3) where p[k] < 0x30 || p[k] > 0x39 { return false }
        return i + 3 == n || p[i + 3] < 0x30 || p[i + 3] > 0x39
    }

    /// Emits a dotted acronym of single ASCII letters (`U.S.`, `U.K.`, `e.g.`, `U.S`) starting at `s`,
    /// returning where its surface ends (after the final dot, if any), or nil when none starts there.
    ///
    /// The term is that of the letters written as one word (`U.K.` → `uk`, like `UK`), unless they spell a
    /// short function word (`U.S.` → `u.s`, like `US`).
    mutating func scanAcronym(from s: Int) -> Int? {
        guard isASCIILetter(s), s + 1 < n, p[s + 1] == 0x2E else { return nil }
        var j = s
        var letters = 0
        while letters < Tokenizer.maximumAcronymLetters && isASCIILetter(j) && j + 1 < n && p[j + 1] == 0x2E {
            scratch[letters] = p[j] | 0x20
            letters += 1
            j += 2
        }
        // A final letter without its dot: "U.S".
        if letters >= 1 && letters < Tokenizer.maximumAcronymLetters && isASCIILetter(j) && !continuesWord(at: j + 1) {
            scratch[letters] = p[j] | 0x20
            letters += 1
            j += 1
        }
        guard letters >= 2 else { return nil }
        var length = letters
        if StopWords.isShortFunctionWord(scratch, count: length) {
            length = dotAcronym(length: length)
        } else if stems && length >= 3 {
            length = out.stemCache.stem(scratch, count: length)
        }
        out.arena.append(contentsOf: UnsafeBufferPointer(start: scratch, count: length))
        emit(termStart: out.arena.count - length, start: s, end: j)
        return j
    }
}
