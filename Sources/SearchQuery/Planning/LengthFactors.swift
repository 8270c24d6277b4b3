/// BM25F's per-norm inverse length normalizations of every text field of an index (see
/// ``BM25/inverseNormalizations(b:averageLength:decode:)``), computed once per searcher and ranking.
final class LengthFactors: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Float>
    private let fieldCount: Int
    /// The parameters the tables were made for.
    let parameters: RankingParameters

    /// - Parameters:
    ///   - fieldCount: Field numbers `0..<fieldCount` get a table (keyword fields get one too, unused).
    ///   - parameters: The ranking parameters (each field's `b`).
    ///   - fieldName: A field's name, for its `b` (`nil` for numbers that name no field).
    ///   - averageLength: A field's mean length (`nil` or 0 for fields without lengths).
    ///   - decode: Norm byte → field length.
    init(
        fieldCount: Int,
        parameters: RankingParameters,
        fieldName: (UInt8) -> String?,
        averageLength: (UInt8) -> Float,
        decode: (UInt8) -> UInt32
    ) {
        self.fieldCount = max(fieldCount, 1)
        self.parameters = parameters
        storage = .allocate(capacity: self.fieldCount * 256)
        for field in 0..<self.fieldCount {
            let number = UInt8(truncatingIfNeeded: field)
            let table = BM25.inverseNormalizations(
                b: fieldName(number).map { parameters.b(forField: $0) } ?? parameters.otherB,
                minimumLength: fieldName(number) == TextField.answer.rawValue ? parameters.minimumAnswerLength : 0,
                averageLength: averageLength(number),
                decode: decode
            )
            for norm in 0..<256 { storage[field * 256 + norm] = table[norm] }
        }
    }

    deinit { storage.deallocate() }

    /// The 256 factors of `field`; valid while this object lives.
    func table(for field: UInt8) -> UnsafePointer<Float> {
        UnsafePointer(storage + min(Int(field), fieldCount - 1) * 256)
    }
}
