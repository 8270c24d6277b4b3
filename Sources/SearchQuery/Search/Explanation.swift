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
        /// Lucene's IDF of the term (summed over a phrase's terms).
        public var idf: Float
        /// Field weight × repetitions × topic weight.
        public var boost: Float
        /// The clause's BM25 score in this statement.
        public var score: Float
    }

    /// The statement's score: the sum of the parts.
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
