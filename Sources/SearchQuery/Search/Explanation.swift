/// Which clauses gave a hit its score.
public struct Explanation: Hashable, Sendable, CustomStringConvertible {
    /// One field's part of a clause's combined frequency.
    public struct FieldPart: Hashable, Sendable {
        /// The field's name.
        public var field: String
        /// Occurrences in the field.
        public var frequency: UInt32
        /// The field's weight.
        public var weight: Float
        /// `weight · frequency / (1 − b + b · length / averageLength)`: what the field adds to the combined
        /// frequency.
        public var normalized: Float
    }

    /// One scored clause present in the statement.
    public struct Part: Hashable, Sendable {
        /// `answer:patent`, `title:"new energy"`, or `title×0.5+question×1+answer×1:patent`.
        public var clause: String
        /// Where the clause came from: `query`, or `topic ip: "patent" ×2.5` (several when merged).
        public var origins: [String]
        /// Occurrences over its fields.
        public var frequency: UInt32
        /// Lucene's IDF of the term (summed over a phrase's terms).
        public var idf: Float
        /// Repetitions × topic weight.
        public var boost: Float
        /// The clause's BM25F score in this statement: `boost · idf · T / (T + k1)`.
        public var score: Float
        /// The fields it occurs in, each with its part of the combined frequency `T`.
        public var fields: [FieldPart]
        /// The saturation constant.
        public var k1: Float

        /// The combined frequency `T`: the fields' parts summed.
        public var combinedFrequency: Float { fields.reduce(0) { $0 + $1.normalized } }
    }

    /// The statement's score: the sum of the parts.
    public var score: Float
    /// The parts, largest first.
    public var parts: [Part]

    /// One line per part:
    /// `2.31  title×0.5+question×1+answer×1:patent  T=1.63 (answer tf=2×1→1.41, title tf=1×0.5→0.22)
    /// k1=1.2 idf=4.10 boost=1.0  (query)`.
    public var description: String {
        parts.map { part in
            let fields = part.fields.map {
                "\($0.field) tf=\($0.frequency)×\(format($0.weight))→\(format($0.normalized))"
            }
            let numbers =
                "T=\(format(part.combinedFrequency)) (\(fields.joined(separator: ", "))) k1=\(format(part.k1))"
                + " idf=\(format(part.idf)) boost=\(format(part.boost))"
            return "\(format(part.score))  \(part.clause)  \(numbers)  (\(part.origins.joined(separator: "; ")))"
        }.joined(separator: "\n")
    }

    private func format(_ value: Float) -> String {
        let scaled = (Double(value) * 100).rounded() / 100
        return String(scaled)
    }
}
