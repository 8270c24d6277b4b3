/// Turns text into index terms: the one analyzer that serves both indexing and querying.
///
/// It works on UTF-8 bytes with an ASCII fast path. The grammar, in the order it is tried at each word start:
/// - A CJK run (Han, kana, Hangul) becomes overlapping bigrams (`知识产权` → 知识 识产 产权), a lone
///   character a unigram. A Latin word glued to a run stays whole (`5G网络` → `5g` `网络`).
/// - A dotted acronym of single letters (`U.K.`, `U.K`, `e.g.`) is one token whose term is that of its
///   letters written as one word (`uk`, the term of `UK` and `uk`). An acronym that spells a short function
///   word keeps its dots instead, whether dotted or in capitals: `U.S.` and `US` are `u.s`, `WHO` is
///   `w.h.o`, so that neither is the pronoun `us` nor the stop word `who`.
/// - Otherwise a word is a run of letters, digits and combining marks, kept whole across letter/digit
///   changes (`5G`, `G20`, `COP28`, `1990s`), across `.` and `,` between digits (`3.5`; `1,000` → `1000`)
///   and across an apostrophe before a letter (`don't`, `Xi'an`; `’` and `ʼ` read as `'`). A final `'s`
///   is a possessive: the term drops it (`China's` → `china`), the surface offsets still cover it.
/// - A hyphen between two words makes a compound whose parts take consecutive positions, the later ones
///   flagged ``Token/isJoinedToPrevious``: `new-energy` indexes `new` `energi` exactly as the phrase
///   "new energy" does, and the query `new-energy`, read as that phrase, finds both spellings; so does
///   `COVID-19` (`covid` `19`), which the query `covid` also finds. A dash (`–`) or a dangling hyphen
///   only separates.
///
/// Letters are lowercased; full-width forms fold to ASCII (`ＣＯＶＩＤ` → `covid`) and accented Latin
/// letters to their base (`Díaz` → `diaz`, `Straße` → `strasse`). Words of ASCII letters are then stemmed
/// with Snowball English (Porter2), unless the language is ``Language/chinese``. Positions count one per
/// token. Stop words are kept, with their positions, so phrases containing them match; the query layer
/// asks ``isStopWord(_:)`` when it scores.
///
/// ```swift
/// let analyzer = Analyzer()
/// analyzer.tokens("China's new-energy vehicles").map(\.term)   // ["china", "new", "energi", "vehicl"]
/// analyzer.tokens("知识产权保护").map(\.term)                    // ["知识", "识产", "产权", "权保", "保护"]
/// ```
public struct Analyzer: Sendable {
    /// The analyzer's name, stored in an index so that an index built by another analyzer is refused.
    public static let name = "podium-standard"
    /// The analyzer's behaviour version, stored in the index; any change to the terms it makes bumps it.
    public static let version = 2

    /// An analyzer. It holds no state: caches live in the ``TokenBuffer`` the caller reuses.
    public init() {}

    /// Analyzes `text` into `buffer`, which is cleared first: the allocation-free path for indexing.
    ///
    /// - Parameters:
    ///   - text: The text; token offsets are UTF-8 byte offsets into it.
    ///   - language: How Latin-script words are normalized.
    ///   - buffer: Receives the tokens; reuse it across calls to keep its capacity and stem cache.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public func analyze(_ text: String, language: Language = .auto, into buffer: inout TokenBuffer) {
        var text = text
        text.withUTF8 { analyze(utf8: $0, language: language, into: &buffer) }
    }

    /// Analyzes UTF-8 bytes into `buffer`, which is cleared first. Invalid UTF-8 never traps:
    /// each byte that does not start a valid scalar is a separator.
    ///
    /// - Parameters:
    ///   - utf8: The text's bytes; token offsets index them.
    ///   - language: How Latin-script words are normalized.
    ///   - buffer: Receives the tokens.
    /// - Complexity: O(n) in `utf8.count`.
    public func analyze(utf8: UnsafeBufferPointer<UInt8>, language: Language = .auto, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        guard let bytes = utf8.baseAddress, utf8.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Tokenizer.scratchCapacity) { scratch in
            var tokenizer = Tokenizer(
                bytes: bytes,
                count: utf8.count,
                stems: language.stemsEnglish,
                scratch: scratch.baseAddress!,
                out: TokenBuffer()
            )
            swap(&tokenizer.out, &buffer)
            tokenizer.run()
            swap(&tokenizer.out, &buffer)
        }
    }

    /// The tokens of `text`, as values: for queries, tests and snippets.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - language: How Latin-script words are normalized.
    /// - Returns: The tokens in text order; positions never decrease.
    public func tokens(_ text: String, language: Language = .auto) -> [Token] {
        var buffer = TokenBuffer()
        analyze(text, language: language, into: &buffer)
        return buffer.tokens
    }

    /// The tokens of UTF-8 bytes that may be invalid (see ``analyze(utf8:language:into:)``).
    public func tokens(utf8 bytes: [UInt8], language: Language = .auto) -> [Token] {
        var buffer = TokenBuffer()
        bytes.withUnsafeBufferPointer { analyze(utf8: $0, language: language, into: &buffer) }
        return buffer.tokens
    }

    /// Whether `term` is a stop word: too frequent to count when scoring a query.
    ///
    /// Accepts a raw lowercase word (`"does"`) or its analyzed term (`"doe"`).
    public func isStopWord(_ term: String) -> Bool {
        StopWords.terms.contains(term)
    }
}
