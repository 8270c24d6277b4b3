/// One scoring word of the query, in query order, for proximity pairs: a term, or one bigram of a CJK run.
struct SequenceItem {
    var term: String
    /// The first item of the word's unit: items of one unit come from one typed word (or one CJK run).
    var unit: Int
    /// Whether the item is a bigram of a CJK run, whose neighbours two bigrams on are pairs too.
    var inRun: Bool
}

// MARK: - CJK runs as ranked bags of bigrams

extension QueryPlanner {

    /// An unquoted CJK run of three characters or more (`萨德部署`): a bag of its bigrams, ranked, never
    /// required whole. Every statement with one of its bigrams matches (with `--every-word`, or after `+`:
    /// every statement with its first and its last bigram, the run's two ends); each bigram scores as a
    /// term, so more and rarer bigrams rank higher; the whole string adds a phrase score (``Proximity/phrase``)
    /// and neighbouring bigrams add pair scores, so a statement holding the run, or its pieces close
    /// together, ranks above one holding them apart.
    mutating func run(_ unit: Unit, fields: [(UInt8, Float, String)], inSequence: Bool) -> MatchCondition {
        var bigrams: [MatchCondition] = []
        for term in unit.terms {
            let single = Unit(terms: [term], offsets: [0])
            bigrams.append(clause(fields: fields, single, scoring: true, origin: "query"))
        }
        if proximity.phrase > 0 {
            _ = clause(fields: fields, unit, scoring: true, boost: proximity.phrase, origin: "whole run")
        }
        if inSequence {
            let first = sequence.count
            for term in unit.terms { sequence.append(SequenceItem(term: term, unit: first, inRun: true)) }
        } else {
            breakSequence()
        }
        if wordsRequired {
            return bigrams.count > 1 && bigrams.first != bigrams.last ? .all([bigrams[0], bigrams.last!]) : bigrams[0]
        }
        return any(bigrams)
    }

    /// The predicates of one typed word's parts: all required, as a word's parts always were (`U.S.-made`),
    /// except where a CJK run and other characters were glued together (`华为5G网络`, `5G网络`) and the word is
    /// not required: Chinese is typed without spaces, so those parts rank like separate words.
    func combine(_ predicates: [MatchCondition], splitAtScripts: Bool) -> MatchCondition? {
        if predicates.isEmpty { return nil }
        if predicates.count == 1 { return predicates[0] }
        return splitAtScripts && !wordsRequired ? any(predicates) : .all(predicates)
    }

    /// A unit cut where CJK bigrams meet other terms: `华为5G网络` is `华为`, `5g` and `网络`, not one phrase.
    static func splitAtScripts(_ unit: Unit) -> [Unit] {
        var parts: [Unit] = []
        var previous: Bool? = nil
        for (term, offset) in zip(unit.terms, unit.offsets) {
            let cjk = isCJK(term)
            if cjk != previous {
                parts.append(Unit(terms: [], offsets: []))
                previous = cjk
            }
            parts[parts.count - 1].terms.append(term)
            parts[parts.count - 1].offsets.append(offset)
        }
        if parts.count < 2 { return [unit] }
        // Offsets restart at each part's first term.
        return parts.map { part in
            Unit(terms: part.terms, offsets: part.offsets.map { $0 - part.offsets[0] })
        }
    }

    /// Whether `unit` is two or more bigrams of a CJK run.
    static func isCJKRun(_ unit: Unit) -> Bool {
        unit.terms.count > 1 && unit.window == 0 && unit.terms.allSatisfy(isCJK)
    }

    /// Whether a term comes from a CJK run (the analyzer's bigrams and lone characters), judged by its first
    /// character, in the analyzer's ranges.
    static func isCJK(_ term: String) -> Bool {
        guard let scalar = term.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FA1F, 0xF900...0xFAFF,
            0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,
            0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F,
            0x3005, 0x3007, 0x3100...0x312F:
            return true
        default: return false
        }
    }
}

// MARK: - Proximity pairs

extension QueryPlanner {

    /// Notes a scoring word's terms, in query order, for pairs.
    mutating func record(_ unit: Unit) {
        let first = sequence.count
        for term in unit.terms { sequence.append(SequenceItem(term: term, unit: first, inRun: false)) }
    }

    /// Ends a stretch of neighbouring words: no pair spans a phrase, a prefix, a field, a filter or an
    /// exclusion.
    mutating func breakSequence() {
        if let last = sequence.last, last.unit >= 0 {
            sequence.append(SequenceItem(term: "", unit: -1, inRun: false))
        }
    }

    /// The pairs of neighbouring words, each distinct pair once, the first ``Proximity/maximumPairs`` of
    /// them: words next to each other in the query and, inside a CJK run, each bigram with the next two (the
    /// next bigram overlaps it; the one after is the next two characters, often the next word).
    func pairs() -> [[String]] {
        var pairs: [[String]] = []
        var seen: Set<[String]> = []
        for (i, a) in sequence.enumerated() where a.unit >= 0 {
            for step in 1...2 {
                let j = i + step
                guard j < sequence.count, sequence[j].unit >= 0, pairs.count < proximity.maximumPairs else { break }
                let b = sequence[j]
                if step == 2 && !(a.inRun && b.inRun && a.unit == b.unit) { break }
                // The terms of one typed word are a phrase already (`new-energy`).
                if a.unit == b.unit && !a.inRun { continue }
                if a.term == b.term { continue }
                let pair = [a.term, b.term].sorted()
                if seen.insert(pair).inserted { pairs.append(pair) }
            }
        }
        return pairs
    }

    /// Adds the pairs as clauses that score and never decide a match, in the answer and the question (not
    /// the title, which a briefing's statements share); a word in more than ``Proximity/commonShare`` of the
    /// statements makes no pair.
    mutating func addPairs() throws(SearchError) {
        guard proximity.scoresPairs else { return }
        let wanted = proximity.inQuestions ? [TextField.answer, .question] : [.answer]
        let fields = self.fields(nil).filter { field in wanted.contains { $0.rawValue == field.2 } }
        let window = Int32(clamping: proximity.window)
        let common = Int((Double(proximity.commonShare) * Double(index.liveDocumentCount)).rounded(.up))
        for pair in pairs() {
            let unit = Unit(terms: pair, offsets: [0, 0], window: window)
            var kept: [(UInt8, Float, String)] = []
            for (field, weight, name) in fields {
                var isCommon = false
                for term in pair where try opened.documentFrequency(field: field, term: term) > common {
                    isCommon = true
                }
                if !isCommon { kept.append((field, weight, name)) }
            }
            if kept.isEmpty { continue }
            _ = clause(fields: kept, unit, scoring: true, boost: proximity.weight, origin: "proximity")
        }
    }
}
