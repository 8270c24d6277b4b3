/// Reading skip entries: the blocks' last documents and byte lengths for moving, their impacts for the
/// block-max probe.
extension PostingsDecoder {
    /// The two readers of the skip entries: the block being decoded, and the block-max probe, which runs
    /// ahead of it and keeps each entry's impacts.
    enum SkipReader {
        case decoded
        case shallow
    }

    /// Reads the next skip entry into `decoded` or `shallow`, and for the probe its impacts into the impact
    /// buffers; `false` at the end (or on corruption, with `error` set). Out of line, so that the moves
    /// that need no entry stay small.
    @inline(never)
    mutating func loadSkip(_ reader: SkipReader) -> Bool {
        let outcome: SkipState.Outcome
        switch reader {
        case .decoded: outcome = decoded.readNext(layout, impacts: nil)
        case .shallow: outcome = shallow.readNext(layout, impacts: (impactFrequencies, impactNorms))
        }
        switch outcome {
        case .read(let impacts):
            if reader == .shallow { impactCount = impacts }
            return true
        case .atEnd:
            return false
        case .corrupted(let detail):
            return fail(detail)
        }
    }

    // MARK: - Block-max bounds

    @inline(__always)
    mutating func shallowAdvance(to target: Int32) {
        guard layout.numBlocks > 1 else {
            guard let last = singleBlockLastDoc else { return }
            if target > last {
                singleBlockLastDoc = PostingsCursor.noMoreDocs
                impactCount = 0
                singleBlockImpactsReady = true
            } else if !singleBlockImpactsReady {
                computeSingleBlockImpacts()
            }
            return
        }
        while shallow.lastDoc < Int64(target) {
            guard loadSkip(.shallow) else {
                shallow.lastDoc = Int64(PostingsCursor.noMoreDocs)
                impactCount = 0
                return
            }
        }
    }

    @inline(__always)
    var blockLastDoc: Int32 {
        if let singleBlockLastDoc { return singleBlockLastDoc }
        return shallow.block < 0 ? -1 : Int32(truncatingIfNeeded: shallow.lastDoc)
    }

    /// Fills the impact buffers from the only block, decoded at open.
    private mutating func computeSingleBlockImpacts() {
        var front = ImpactFront()
        for i in 0..<count {
            front.add(frequency: freqs[i], norm: norms.map { $0[Int(docs[i])] } ?? 0)
        }
        var pairs: [(frequency: UInt32, norm: UInt8)] = []
        front.drain(limit: IndexFormat.maxImpacts, into: &pairs)
        for (i, pair) in pairs.enumerated() {
            impactFrequencies[i] = pair.frequency
            impactNorms[i] = pair.norm
        }
        impactCount = pairs.count
        singleBlockImpactsReady = true
    }
}

extension PostingsDecoder.SkipState {
    /// What reading a skip entry gave: the entry (and how many impacts it has), the end of the entries, or
    /// a corruption.
    enum Outcome {
        case read(impacts: Int)
        case atEnd
        case corrupted(String)
    }

    /// Reads the entry after the current one and moves to its block; its impacts go to `impacts` when
    /// given. Moves only when the entry decodes (even when its values then prove out of bounds).
    @inline(__always)
    mutating func readNext(
        _ layout: PostingsDecoder.Layout,
        impacts: (frequencies: UnsafeMutablePointer<UInt32>, norms: UnsafeMutablePointer<UInt8>)?
    ) -> Outcome {
        guard block + 1 < layout.numBlocks else { return .atEnd }
        var r = RawReader(base: layout.base, offset: readOffset, end: end)
        let impactCount: Int
        do throws(DecodeFailure) {
            let delta = try r.vint(max: Int(layout.maxDoc) + 1)
            let docBytes = try r.vint(max: layout.docEnd)
            let posBytes = layout.hasPositions ? try r.vint(max: Int(Int32.max) * 256) : 0
            impactCount = try r.vint(max: IndexFormat.maxImpacts)
            guard impactCount > 0 else { return .corrupted("a skip entry has no impacts") }
            var frequency: UInt64 = 0
            var previousNorm = -1
            for i in 0..<impactCount {
                let step = UInt64(try r.vint(max: Int(UInt32.max)))
                let norm = try r.u8()
                frequency &+= step
                // Both increase strictly; a keyword field's single pair has norm 0.
                guard step > 0 || i == 0, Int(norm) > previousNorm, frequency > 0, frequency <= UInt64(UInt32.max),
                    layout.hasPositions || norm == 0
                else { return .corrupted("a skip entry's impacts are out of order") }
                previousNorm = Int(norm)
                if let impacts {
                    impacts.frequencies[i] = UInt32(truncatingIfNeeded: frequency)
                    impacts.norms[i] = norm
                }
            }
            docStart += self.docBytes
            posStart += self.posBytes
            prevLastDoc = lastDoc
            lastDoc += Int64(delta)
            self.docBytes = docBytes
            self.posBytes = posBytes
            block += 1
            readOffset = r.offset
        } catch {
            return .corrupted(error.detail)
        }
        guard lastDoc < layout.maxDoc, lastDoc > prevLastDoc, docStart + docBytes <= layout.docEnd else {
            return .corrupted("a skip entry points outside the segment")
        }
        return .read(impacts: impactCount)
    }
}
