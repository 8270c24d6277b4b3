/// The non-dominated (frequency, norm) pairs of a group of postings — Lucene calls them *impacts*.
///
/// BM25 grows with the frequency and falls with the field length, whatever the average length a query
/// uses; so the best score of any posting of the group is reached at one of these pairs, and the largest
/// score over the pairs is an exact block bound for any query. A single (largest frequency, smallest norm)
/// pair would combine two different documents and overstate the bound, often far above every real score.
///
/// Pairs come out with frequencies and norms both strictly increasing. When there are more than `limit`,
/// neighbours are merged into (the larger frequency, the smaller norm): still a bound, only looser.
package struct ImpactFront {
    /// Largest frequency seen per norm byte; 0 when the norm was not seen.
    private var bestFrequency: [UInt32] = Array(repeating: 0, count: 256)
    private var seenNorms: [UInt8] = []

    package init() {}

    /// Whether no posting was added since the last `drain`.
    package var isEmpty: Bool { seenNorms.isEmpty }

    /// Adds a posting with frequency `frequency` ≥ 1 in a document whose field has norm `norm`.
    @inline(__always)
    package mutating func add(frequency: UInt32, norm: UInt8) {
        let best = bestFrequency[Int(norm)]
        if best == 0 { seenNorms.append(norm) }
        if frequency > best { bestFrequency[Int(norm)] = frequency }
    }

    /// Replaces `pairs` with the front of the postings added so far (at most `limit` pairs), and empties
    /// the front for the next group.
    package mutating func drain(limit: Int, into pairs: inout [(frequency: UInt32, norm: UInt8)]) {
        pairs.removeAll(keepingCapacity: true)
        seenNorms.sort()
        var largest: UInt32 = 0
        for norm in seenNorms {
            let frequency = bestFrequency[Int(norm)]
            bestFrequency[Int(norm)] = 0
            // Only smaller norms can dominate: keep a pair that beats all their frequencies.
            if frequency > largest {
                pairs.append((frequency, norm))
                largest = frequency
            }
        }
        seenNorms.removeAll(keepingCapacity: true)
        while pairs.count > max(1, limit) {
            // Merge the two neighbours closest in length: the bound loosens least there.
            var closest = 0
            for i in 1..<(pairs.count - 1)
            where pairs[i + 1].norm - pairs[i].norm < pairs[closest + 1].norm - pairs[closest].norm {
                closest = i
            }
            pairs[closest] = (pairs[closest + 1].frequency, pairs[closest].norm)
            pairs.remove(at: closest + 1)
        }
    }
}
