/// What to search for.
public struct SearchRequest: Hashable, Sendable {
    /// The query text; `nil` ranks by `topic` alone.
    public var query: String?
    /// What juxtaposed words mean.
    public var mode: DefaultMode
    /// A topic whose entries reorder the matches (the query still decides what matches), or, without a
    /// query, rank the statements on their own.
    public var topic: String?
    /// Only statements dated inside (from `--since`/`--until`).
    public var dates: DateRange?
    /// How many hits to return.
    public var limit: Int
    /// Whether to say which clauses gave each score.
    public var explain: Bool

    public init(
        query: String? = nil,
        mode: DefaultMode = .any,
        topic: String? = nil,
        dates: DateRange? = nil,
        limit: Int = 10,
        explain: Bool = false
    ) {
        self.query = query
        self.mode = mode
        self.topic = topic
        self.dates = dates
        self.limit = limit
        self.explain = explain
    }
}

/// The ranked answer to a ``SearchRequest``.
public struct SearchResults: Sendable {
    /// The best statements, best first; ties go to the earlier address.
    public var hits: [SearchHit]
    /// How each `prefix*` word was expanded.
    public var expansions: [PrefixExpansion]
    /// The analyzed terms of the query's and topic's scoring clauses, for snippets to highlight.
    public var highlightTerms: Set<String>
}

/// One ranked statement.
public struct SearchHit: Hashable, Sendable {
    /// Where the statement is in the snapshot.
    public var address: DocumentAddress
    /// Its BM25 score (query plus topic).
    public var score: Float
    /// The clauses behind the score, when asked for.
    public var explanation: Explanation?
}

/// Which clauses gave a hit its score.
public struct Explanation: Hashable, Sendable, CustomStringConvertible {
    /// One scored clause present in the statement.
    public struct Part: Hashable, Sendable {
        /// `answer:patent` or `title:"new energy"`.
        public var clause: String
        /// Where the clause came from: `query`, or `topic ip: "patent" ×2.5` (several when merged).
        public var origins: [String]
        /// Occurrences in the field.
        public var frequency: UInt32
        public var idf: Float
        /// Field weight × repetitions × topic weight.
        public var boost: Float
        public var score: Float
    }

    public var score: Float
    /// The parts, largest first.
    public var parts: [Part]

    /// One line per part: `2.31  answer:patent  tf=3 idf=4.10 boost=1.0  (query)`.
    public var description: String {
        parts.map { part in
            let numbers = "tf=\(part.frequency) idf=\(format(part.idf)) boost=\(format(part.boost))"
            return "\(format(part.score))  \(part.clause)  \(numbers)  (\(part.origins.joined(separator: "; ")))"
        }.joined(separator: "\n")
    }

    private func format(_ value: Float) -> String {
        let scaled = (Double(value) * 100).rounded() / 100
        return String(scaled)
    }
}
