/// Scratch memory of the searches that read whole postings blocks at once: per offset in a window of
/// documents, the summed score of the clauses read so far and whether any of them had the statement, and
/// the offsets met, in order of first sight.
///
/// Between windows every entry is back to zero: readers reset the offsets they met (``reset(_:)``).
final class WindowScores {
    /// The widest window, in documents.
    static let capacity = 4096

    let scores: UnsafeMutablePointer<Float>
    let seen: UnsafeMutablePointer<Bool>
    /// For a conjunction read window by window: how many follower groups have a statement so far.
    let levels: UnsafeMutablePointer<UInt8>
    let offsets: UnsafeMutablePointer<Int32>
    /// Per offset, for queries with clauses of several words (`nil` for others): the slots below 64 read so
    /// far that have the statement, as bits.
    let present: UnsafeMutablePointer<UInt64>?
    /// Per offset, one clause's combined frequency, whether it has the statement, and the offsets it has,
    /// while it is read along (see ``FieldsCursor/addParts(from:through:wanted:into:met:hits:)``); back to
    /// zero after each clause. Made on first use: a search each segment starts costs a few pages less.
    private var readAlongStorage: ReadAlong?
    typealias ReadAlong = (
        parts: UnsafeMutablePointer<Float>, met: UnsafeMutablePointer<Bool>, hits: UnsafeMutablePointer<Int32>
    )

    /// - Parameter tracksPresence: Whether to keep ``present``.
    init(tracksPresence: Bool) {
        scores = .allocate(capacity: Self.capacity)
        seen = .allocate(capacity: Self.capacity)
        offsets = .allocate(capacity: Self.capacity)
        levels = .allocate(capacity: Self.capacity)
        levels.initialize(repeating: 0, count: Self.capacity)
        scores.initialize(repeating: 0, count: Self.capacity)
        seen.initialize(repeating: false, count: Self.capacity)
        if tracksPresence {
            let present = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.capacity)
            present.initialize(repeating: 0, count: Self.capacity)
            self.present = present
        } else {
            present = nil
        }
    }

    deinit {
        scores.deallocate()
        seen.deallocate()
        offsets.deallocate()
        levels.deallocate()
        present?.deallocate()
        if let readAlongStorage {
            readAlongStorage.parts.deallocate()
            readAlongStorage.met.deallocate()
            readAlongStorage.hits.deallocate()
        }
    }

    /// See `readAlongStorage`.
    var readAlong: ReadAlong {
        if let readAlongStorage { return readAlongStorage }
        let made = (
            parts: UnsafeMutablePointer<Float>.allocate(capacity: Self.capacity),
            met: UnsafeMutablePointer<Bool>.allocate(capacity: Self.capacity),
            hits: UnsafeMutablePointer<Int32>.allocate(capacity: Self.capacity)
        )
        made.parts.initialize(repeating: 0, count: Self.capacity)
        made.met.initialize(repeating: false, count: Self.capacity)
        readAlongStorage = made
        return made
    }

    /// Clears the entry of `offset` for the next window.
    @inline(__always)
    func reset(_ offset: Int32) {
        scores[Int(offset)] = 0
        seen[Int(offset)] = false
        levels[Int(offset)] = 0
        present?[Int(offset)] = 0
    }

    /// Writes to `offsets`, in increasing order, the offsets below `length` whose `seen` flag is set, and
    /// returns how many: a scan of eight flags at a time that passes over empty stretches, cheaper than
    /// sorting the offsets met unless they are very few.
    @inline(__always)
    static func collectSeen(_ seen: UnsafePointer<Bool>, length: Int, into offsets: UnsafeMutablePointer<Int32>) -> Int
    {
        let bytes = UnsafeRawPointer(seen)
        var count = 0
        var base = 0
        while base &+ 8 <= length {
            var word = bytes.loadUnaligned(fromByteOffset: base, as: UInt64.self)
            while word != 0 {
                let byte = word.trailingZeroBitCount &>> 3
                offsets[count] = Int32(truncatingIfNeeded: base &+ byte)
                count &+= 1
                word &= ~(0xFF &<< UInt64(byte &<< 3))
            }
            base &+= 8
        }
        while base < length {
            offsets[count] = Int32(truncatingIfNeeded: base)
            count &+= seen[base] ? 1 : 0
            base &+= 1
        }
        return count
    }
}
