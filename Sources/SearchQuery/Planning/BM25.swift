import Foundation

/// BM25F as Lucene's BM25 computes each part: `idf · T / (T + k1)`, where `T` is the clause's
/// term frequency combined over its fields, each field's frequency divided by its length normalization
/// `1 − b + b · length / averageLength` and multiplied by the field's weight (Robertson and Zaragoza's
/// BM25F; Elasticsearch's `combined_fields`).
///
/// The constant factor `k1 + 1` of the textbook formula is left out, as Lucene does since version 8: it
/// changes no ranking. Field lengths come from the index's one-byte norms, so every per-document
/// normalization is one of 256 values, precomputed per field in ``inverseNormalizations(b:averageLength:decode:)``.
public enum BM25 {
    /// Lucene's IDF, `log(1 + (N − df + 0.5) / (df + 0.5))`, always positive.
    /// - Parameters:
    ///   - documentFrequency: Live statements containing the term (`df`).
    ///   - documentCount: Live statements (`N`).
    public static func idf(documentFrequency: Int, documentCount: Int) -> Float {
        let df = Double(max(0, documentFrequency))
        let n = Double(max(documentCount, documentFrequency))
        return Float(log(1 + (n - df + 0.5) / (df + 0.5)))
    }

    /// `1 / (1 − b + b · max(length, minimumLength) / averageLength)` for every norm byte, indexed by the
    /// byte: what one occurrence in a field of that length adds to the combined frequency, before the
    /// field's weight.
    /// - Parameters:
    ///   - b: The field's length normalization strength, 0 (none) to 1 (full).
    ///   - minimumLength: Shorter fields count as this long, so that a one-word answer ("Peter.") does not
    ///     make its word weigh as much as a statement about it.
    ///   - averageLength: The field's mean length over the statements that have it.
    ///   - decode: The index's norm decoding, byte → field length.
    public static func inverseNormalizations(
        b: Float,
        minimumLength: Float = 0,
        averageLength: Float,
        decode: (UInt8) -> UInt32
    ) -> [Float] {
        let average = averageLength > 0 ? averageLength : 1
        return (0..<256).map { norm in
            let length = max(Float(decode(UInt8(norm))), minimumLength)
            return 1 / max(1e-6, 1 - b + b * length / average)
        }
    }

    /// The score of a clause whose combined frequency in a statement is `frequency`.
    /// - Parameters:
    ///   - weight: The clause's boost times its IDF: what an infinite frequency would score.
    ///   - frequency: The combined, length-normalized and weighted frequency `T` (0 scores 0).
    ///   - k1: Term-frequency saturation.
    @inline(__always)
    public static func saturate(weight: Float, frequency: Float, k1: Float) -> Float {
        weight * frequency / (frequency + k1)
    }

    /// The smallest combined frequency whose score may exceed `minimum`, rounded down a little so that
    /// float rounding never makes it pass over a frequency that scores above `minimum`: frequencies at or
    /// below it cannot score above `minimum`. Infinite when nothing can (`minimum ≥ weight`).
    @inline(__always)
    public static func frequencyNeeded(toExceed minimum: Float, weight: Float, k1: Float) -> Float {
        if minimum <= 0 { return 0 }
        if minimum >= weight { return .infinity }
        return k1 * minimum / (weight - minimum) * 0.999
    }
}
