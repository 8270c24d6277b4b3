/// What juxtaposed words mean when they carry no operator.
public enum DefaultMode: Hashable, Sendable {
    /// Ranked OR: a statement needs any of the words, more and rarer words rank higher.
    case any
    /// Every word is required (`--every-word`).
    case all
}

/// The analyzed text fields a query can name.
public enum TextField: String, CaseIterable, Hashable, Sendable {
    case title, question, answer, speaker, outlet

    /// Speaker and outlet names restrict the match rather than rank it.
    public var isFilter: Bool { self == .speaker || self == .outlet }
}

/// The exact-value fields a query can name, with the index field each one reads.
public enum KeywordField: String, CaseIterable, Hashable, Sendable {
    /// `lang:` — the statement's language code (`en`, `zh`).
    case language
    /// `kind:` — the kind of briefing (press conference, release, remarks…).
    case kind

    /// The name of the field in the index.
    public var indexField: String { rawValue }
}
