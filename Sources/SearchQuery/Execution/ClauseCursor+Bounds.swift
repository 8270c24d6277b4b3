// MARK: - Block-max bounds

extension ClauseCursor {

    /// The last document of a region of whole blocks that holds `target` and reaches `wanted` (or the end
    /// of the postings), and a bound of the clause's score on every document from `target` to there.
    /// Targets must not decrease between calls; a region is computed once and answers every target in it.
    ///
    /// A term's bound in a block is the best score over the block's impacts: exact, the score of the
    /// block's best document; a region's is the largest of its blocks'. A phrase occurs in a document at
    /// most as often as each of its terms, so each term's bound bounds it; the smallest is taken.
    ///
    /// Regions of several blocks make fewer, longer windows, whose bookkeeping costs less than looser bounds.
    @inline(__always)
    mutating func regionBound(from target: Int32, through wanted: Int32) -> (lastDoc: Int32, bound: Float) {
        if target <= regionLastDoc { return (regionLastDoc, regionValue) }
        var (last, bound) = computeBlockBound(from: target)
        var minNorm = leadBlockMinNorm
        while last < wanted {
            let (next, nextBound) = computeBlockBound(from: last &+ 1)
            bound = max(bound, nextBound)
            minNorm = min(minNorm, leadBlockMinNorm)
            last = next
        }
        (regionLastDoc, regionValue, regionMinNorm) = (last, bound, minNorm)
        return (last, bound)
    }

    /// The smallest norm among the lead term's probed block (256 when it has no impacts).
    fileprivate var leadBlockMinNorm: Int { lead.blockImpactCount > 0 ? Int(lead.blockImpact(0).norm) : 256 }

    fileprivate func computeBlockBound(from target: Int32) -> (lastDoc: Int32, bound: Float) {
        if doc == Int32.max { return (Int32.max, 0) }
        lead.shallowAdvance(to: target)
        var lastDoc = lead.blockLastDoc
        if lastDoc < target { return (Int32.max, 0) }
        var bound = blockMaxScore(lead)
        for k in 0..<others.count {
            let other = others[k]
            other.shallowAdvance(to: target)
            let otherLast = other.blockLastDoc
            if otherLast < target { return (Int32.max, 0) }
            lastDoc = min(lastDoc, otherLast)
            bound = min(bound, blockMaxScore(other))
        }
        return (lastDoc, bound * Self.boundSlack)
    }

    /// For a term, the largest frequency whose score cannot exceed `minimum` in any document of the region
    /// of the last ``regionBound(from:through:)`` (judged at its smallest norm); 0 when none or for a
    /// phrase. A scan of the region can pass over postings with that frequency or less unscored.
    func unscoredFrequencies(below minimum: Float) -> UInt32 {
        guard others.isEmpty, minimum > 0, regionMinNorm < 256 else { return 0 }
        let factor = norms == nil ? lengthFactors[0] : lengthFactors[regionMinNorm]
        let part = weight * factor * Self.boundSlack
        guard part > 0 else { return 64 }
        var frequency = UInt32(min(64, max(0, (minimum / part).rounded(.down))))
        while frequency > 0, Float(frequency) * part > minimum { frequency -= 1 }
        return frequency
    }

    /// The best score of `postings`' probed block: the largest over its impacts.
    @inline(__always)
    fileprivate func blockMaxScore(_ postings: Postings) -> Float {
        var best: Float = 0
        let count = postings.blockImpactCount
        var i = 0
        while i < count {
            let (frequency, norm) = postings.blockImpact(i)
            let factor = norms == nil ? lengthFactors[0] : lengthFactors[Int(norm)]
            best = max(best, weight * Float(frequency) * factor)
            i &+= 1
        }
        return best
    }
}
