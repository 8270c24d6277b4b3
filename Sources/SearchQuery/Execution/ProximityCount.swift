/// How often two words stand near each other in a field, from their sorted positions.
enum ProximityCount {
    /// The occurrences of either word that have the other within `window` positions (in either order),
    /// counted for each word and the smaller count taken: at most either word's own frequency, so that the
    /// block-max bound of each term bounds the pair too.
    /// - Complexity: O(`a.count + b.count`).
    static func near(_ a: [UInt32], _ b: [UInt32], window: Int32) -> UInt32 {
        let fromA = nearCount(a, to: b, window: Int64(window))
        if fromA == 0 { return 0 }
        return min(fromA, nearCount(b, to: a, window: Int64(window)))
    }

    /// The positions of `positions` with a position of `other` at most `window` away.
    @inline(__always)
    private static func nearCount(_ positions: [UInt32], to other: [UInt32], window: Int64) -> UInt32 {
        positions.withUnsafeBufferPointer { positions in
            other.withUnsafeBufferPointer { other in
                var count: UInt32 = 0
                var index = 0
                for position in positions {
                    let low = Int64(position) &- window
                    while index < other.count, Int64(other[index]) < low { index &+= 1 }
                    if index == other.count { break }
                    if Int64(other[index]) <= Int64(position) &+ window { count &+= 1 }
                }
                return count
            }
        }
    }
}
