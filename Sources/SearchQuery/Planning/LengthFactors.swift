/// BM25's per-norm length factors of every text field of an index, computed once per searcher.
final class LengthFactors: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Float>
    private let fieldCount: Int

    /// - Parameters:
    ///   - fieldCount: Field numbers `0..<fieldCount` get a table (keyword fields get one too, unused).
    ///   - averageLength: A field's mean length (`nil` or 0 for fields without lengths).
    ///   - decode: Norm byte → field length.
    init(fieldCount: Int, bm25: BM25, averageLength: (UInt8) -> Float, decode: (UInt8) -> UInt32) {
        self.fieldCount = max(fieldCount, 1)
        storage = .allocate(capacity: self.fieldCount * 256)
        for field in 0..<self.fieldCount {
            let table = bm25.lengthFactors(
                averageLength: averageLength(UInt8(truncatingIfNeeded: field)),
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
