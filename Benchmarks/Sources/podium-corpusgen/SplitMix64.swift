/// A small, fast, seedable generator (SplitMix64), so that a seed gives the same corpus on every machine and
/// every Swift version — the standard library's generator promises neither.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one independent stream, e.g. one part of the corpus in one variant.
    init(seed: UInt64, stream: UInt64, variant: UInt64) {
        var mixer = SplitMix64(seed: seed ^ 0x5EED_C0DE_0000_0000)
        state = mixer.next() ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (variant &* 0xC2B2_AE3D_27D4_EB4F)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int((next().multipliedFullWidth(by: UInt64(bound))).high)
    }

    /// A uniform double in `0..<1`.
    mutating func unit() -> Double { Double(next() &>> 11) * 0x1p-53 }
}
