import Foundation

/// Okapi BM25 as Lucene computes it: `idf · tf / (tf + k1 · (1 − b + b · length / averageLength))`.
///
/// The constant factor `k1 + 1` of the textbook formula is left out, as Lucene does since version 8: it
/// changes no ranking. Field lengths come from the index's one-byte norms, so every per-document length
/// factor is one of 256 values, precomputed per field in ``lengthFactors(averageLength:)``.
public struct BM25: Hashable, Sendable {
    /// Term-frequency saturation.
    public var k1: Float
    /// Length normalization strength.
    public var b: Float

    /// BM25 with Lucene's defaults.
    public init(k1: Float = 1.2, b: Float = 0.75) {
        self.k1 = k1
        self.b = b
    }

    /// Lucene's IDF, `log(1 + (N − df + 0.5) / (df + 0.5))`, always positive.
    /// - Parameters:
    ///   - documentFrequency: Live statements containing the term (`df`).
    ///   - documentCount: Live statements (`N`).
    public static func idf(documentFrequency: Int, documentCount: Int) -> Float {
        let df = Double(max(0, documentFrequency))
        let n = Double(max(documentCount, documentFrequency))
        return Float(log(1 + (n - df + 0.5) / (df + 0.5)))
    }

    /// `k1 · (1 − b + b · length / averageLength)` for every norm byte, indexed by the byte.
    /// - Parameters:
    ///   - averageLength: The field's mean length over the statements that have it.
    ///   - decode: The index's norm decoding, byte → field length.
    public func lengthFactors(averageLength: Float, decode: (UInt8) -> UInt32) -> [Float] {
        let average = averageLength > 0 ? averageLength : 1
        return (0..<256).map { norm in
            k1 * (1 - b + b * Float(decode(UInt8(norm))) / average)
        }
    }

    /// The score of one clause in one statement.
    /// - Parameters:
    ///   - weight: The clause's boost times its IDF.
    ///   - frequency: Occurrences of the term (or phrase) in the field.
    ///   - lengthFactor: The field's entry of ``lengthFactors(averageLength:decode:)`` for the statement's norm.
    @inline(__always)
    public static func score(weight: Float, frequency: Float, lengthFactor: Float) -> Float {
        weight * frequency / (frequency + lengthFactor)
    }
}
