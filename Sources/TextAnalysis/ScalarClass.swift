/// What the tokenizer makes of one Unicode scalar, after width folding.
enum ScalarClass: UInt8 {
    /// Whitespace, punctuation, symbols, controls and invalid bytes: ends a word.
    case separator
    /// A letter of an alphabetic script (Latin, Greek, Cyrillic, Arabic, …) or a non-ASCII digit.
    case letter
    /// An ASCII digit (full-width digits fold to these).
    case digit
    /// A combining mark: part of the word it follows, a separator elsewhere.
    case mark
    /// A Han, kana or Hangul character: indexed as overlapping bigrams.
    case cjk
    /// `'`, `’`, `ʼ`: joins a contraction (`don't`) or marks a possessive (`China's`).
    case apostrophe
    /// `-`, `‐`, `‑`, soft hyphen: joins a compound (`new-energy`).
    case hyphen
    /// `.`: inside numbers (`3.5`) and dotted acronyms (`U.S.`).
    case dot
    /// `,`: a thousands separator inside numbers (`1,000`).
    case comma
}
