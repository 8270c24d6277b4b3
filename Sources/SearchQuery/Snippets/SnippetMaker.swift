import TextAnalysis

/// Picks the best sentence-aligned passage of a text for a set of matched terms and marks the matches.
///
/// The text is analyzed again with the index's analyzer, so highlights come from the same tokens the
/// index holds, with their exact UTF-8 offsets: `China's` lights up for `china`, `知识产权` for its
/// bigrams. The passage is the run of whole sentences (ends at `. ! ?` followed by a space, `。！？；`, and
/// line breaks) of at most `maximumLength` characters with the most distinct matched terms, then the most
/// matches, earliest first. A single sentence longer than that is cut around its first match.
public struct SnippetMaker: Sendable {
    /// The analyzer the index was built with.
    public let analyzer: Analyzer

    /// A snippet maker that analyzes with `analyzer`.
    public init(analyzer: Analyzer = Analyzer()) { self.analyzer = analyzer }

    /// The best passage of `text`.
    /// - Parameters:
    ///   - text: A stored field's text.
    ///   - terms: Analyzed terms to highlight wherever they occur (``SearchResults/highlightTerms``).
    ///   - phrases: Phrases to highlight only where they occur whole (``SearchResults/highlightPhrases``).
    ///   - characters: Terms that stand for one character of theirs (``SearchResults/highlightCharacters``):
    ///     only that character is marked, and all of them count as one term.
    ///   - maximumLength: The longest passage, in characters (`…` not counted).
    public func snippet(
        of text: String,
        terms: Set<String>,
        phrases: [PhrasePattern] = [],
        characters: [String: String] = [:],
        maximumLength: Int = 300
    ) -> Snippet {
        if text.utf8.count > Self.windowBytes {
            return longSnippet(of: text, terms: terms, phrases: phrases, maximumLength: maximumLength)
        }
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return Snippet(text: "", highlights: []) }
        var matches = Self.matches(in: analyzer.tokens(text), terms: terms, phrases: phrases)
        if !characters.isEmpty { matches = Self.narrowed(matches, to: characters, in: bytes) }
        let sentences = Self.sentences(in: bytes)
        let limit = max(maximumLength, 20)

        // The best run of whole sentences that fits.
        var best: (range: Range<Int>, distinct: Int, count: Int)? = nil
        for first in sentences.indices {
            var last = first
            while last + 1 < sentences.count,
                characterCount(bytes, sentences[first].lowerBound..<sentences[last + 1].upperBound) <= limit
            {
                last += 1
            }
            let range = sentences[first].lowerBound..<sentences[last].upperBound
            guard characterCount(bytes, range) <= limit else { continue }
            let inside = matches.filter { $0.start >= range.lowerBound && $0.end <= range.upperBound }
            let distinct = Set(inside.map(\.key)).count
            if best == nil || (distinct, inside.count) > (best!.distinct, best!.count) {
                best = (range, distinct, inside.count)
            }
        }
        if let best, best.distinct > 0 || matches.isEmpty {
            return make(bytes, best.range, matches, leading: false, trailing: false)
        }
        // No run of whole sentences fits with a match: cut the text around the first match.
        let anchor = matches.first?.start ?? 0
        var start = max(0, anchor - limit / 3)
        start = wordBoundary(bytes, from: start, forward: true, floor: anchor)
        var end = start
        var characters = 0
        while end < bytes.count, characters < limit {
            end += utf8Width(bytes[end])
            characters += 1
        }
        end = min(end, bytes.count)
        if end < bytes.count { end = wordBoundary(bytes, from: end, forward: false, floor: max(start + 1, anchor + 1)) }
        return make(bytes, start..<end, matches, leading: start > 0, trailing: end < bytes.count)
    }

    // MARK: - Pieces

    /// A matched token and what it counts as: its term, or the phrase it is part of.
    private struct Match {
        /// UTF-8 range in the text: one token, or a whole phrase occurrence.
        var start: Int
        var end: Int
        var key: String
    }

    /// `matches` with each bigram that stands for a character narrowed to that character's bytes.
    private static func narrowed(_ matches: [Match], to characters: [String: String], in bytes: [UInt8]) -> [Match] {
        matches.map { match in
            guard let character = characters[match.key] else { return match }
            let wanted = Array(character.utf8)
            var at = match.start
            while at + wanted.count <= match.end {
                if bytes[at..<(at + wanted.count)].elementsEqual(wanted) {
                    return Match(start: at, end: at + wanted.count, key: character)
                }
                at += 1
            }
            return match
        }
    }

    /// The tokens to highlight, in text order: single terms anywhere, phrases only where whole.
    private static func matches(in tokens: [Token], terms: Set<String>, phrases: [PhrasePattern]) -> [Match] {
        var found: [Match] = []
        for token in tokens where terms.contains(token.term) {
            found.append(Match(start: token.start, end: token.end, key: token.term))
        }
        if !phrases.isEmpty {
            var byPosition: [Int: [Int]] = [:]
            for (index, token) in tokens.enumerated() { byPosition[token.position, default: []].append(index) }
            for phrase in phrases where !phrase.terms.isEmpty {
                let key = phrase.terms.joined(separator: " ")
                for (index, token) in tokens.enumerated() where token.term == phrase.terms[0] {
                    var members = [index]
                    for k in 1..<phrase.terms.count {
                        let position = token.position + phrase.offsets[k] - phrase.offsets[0]
                        guard let at = byPosition[position]?.first(where: { tokens[$0].term == phrase.terms[k] }) else {
                            members = []
                            break
                        }
                        members.append(at)
                    }
                    guard !members.isEmpty else { continue }
                    let start = members.map { tokens[$0].start }.min()!
                    let end = members.map { tokens[$0].end }.max()!
                    found.append(Match(start: start, end: end, key: key))
                }
            }
        }
        return found.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    private func make(
        _ bytes: [UInt8],
        _ range: Range<Int>,
        _ matches: [Match],
        leading: Bool,
        trailing: Bool
    ) -> Snippet {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        let prefix: [UInt8] = leading ? Array("…".utf8) : []
        let suffix: [UInt8] = trailing ? Array("…".utf8) : []
        let shift = prefix.count - lower
        var highlights: [Range<Int>] = []
        for token in matches where token.start >= lower && token.end <= upper {
            let rebased = (token.start + shift)..<(token.end + shift)
            if let last = highlights.last, rebased.lowerBound <= last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, rebased.upperBound)
            } else {
                highlights.append(rebased)
            }
        }
        let text = String(decoding: prefix + bytes[lower..<upper] + suffix, as: UTF8.self)
        return Snippet(text: text, highlights: highlights)
    }

    /// Sentence ranges covering the whole text.
    static func sentences(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var end: Int? = nil
            if byte == 0x0A {
                end = index + 1
            } else if byte == 0x2E || byte == 0x21 || byte == 0x3F {  // . ! ?
                if index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A { end = index + 1 }
            } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x82 {
                end = index + 3  // 。
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC,
                bytes[index + 2] == 0x81 || bytes[index + 2] == 0x9F || bytes[index + 2] == 0x9B
            {
                end = index + 3  // ！ ？ ；
            }
            if let end {
                if end > start { result.append(start..<end) }
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    private func characterCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private func utf8Width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// The nearest space at or after (forward) or before `index`, not crossing `floor`; keeps `index` when
    /// there is none (CJK text has no spaces) but never lands inside a UTF-8 sequence.
    private func wordBoundary(_ bytes: [UInt8], from index: Int, forward: Bool, floor: Int) -> Int {
        var position = index
        if forward {
            while position < floor, position < bytes.count, !isSpace(bytes[position]), position - index < 20 {
                position += 1
            }
            if position >= floor || position - index >= 20 { position = index }
        } else {
            while position > floor, !isSpace(bytes[position - 1]), index - position < 20 { position -= 1 }
            if position <= floor || index - position >= 20 { position = index }
        }
        while position > 0, position < bytes.count, bytes[position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }
}
