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
    /// buffers; `false` at the end (or on corruption, with `error` set).
    mutating func loadSkip(_ reader: SkipReader) -> Bool {
        var state = reader == .decoded ? decoded : shallow
        guard state.block + 1 < numBlocks else { return false }
        let keepingImpacts = reader == .shallow
        var r = RawReader(base: base, offset: state.readOffset, end: state.end)
        do throws(DecodeFailure) {
            let delta = try r.vint(max: Int(maxDoc) + 1)
            let docBytes = try r.vint(max: docEnd)
            let posBytes = hasPositions ? try r.vint(max: Int(Int32.max) * 256) : 0
            let impacts = try r.vint(max: IndexFormat.maxImpacts)
            guard impacts > 0 else { return fail("a skip entry has no impacts") }
            var frequency: UInt64 = 0
            var previousNorm = -1
            for i in 0..<impacts {
                let step = UInt64(try r.vint(max: Int(UInt32.max)))
                let norm = try r.u8()
                frequency &+= step
                // Both increase strictly; a keyword field's single pair has norm 0.
                guard step > 0 || i == 0, Int(norm) > previousNorm, frequency > 0, frequency <= UInt64(UInt32.max),
                    hasPositions || norm == 0
                else { return fail("a skip entry's impacts are out of order") }
                previousNorm = Int(norm)
                if keepingImpacts {
                    impactFrequencies[i] = UInt32(truncatingIfNeeded: frequency)
                    impactNorms[i] = norm
                }
            }
            if keepingImpacts { impactCount = impacts }
            state.docStart += state.docBytes
            state.posStart += state.posBytes
            state.prevLastDoc = state.lastDoc
            state.lastDoc += Int64(delta)
            state.docBytes = docBytes
            state.posBytes = posBytes
            state.block += 1
            state.readOffset = r.offset
        } catch {
            return fail(error.detail)
        }
        switch reader {
        case .decoded: decoded = state
        case .shallow: shallow = state
        }
        guard state.lastDoc < maxDoc, state.lastDoc > state.prevLastDoc, state.docStart + state.docBytes <= docEnd
        else {
            return fail("a skip entry points outside the segment")
        }
        return true
    }

    // MARK: - Block-max bounds

    mutating func shallowAdvance(to target: Int32) {
        guard numBlocks > 1 else {
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
