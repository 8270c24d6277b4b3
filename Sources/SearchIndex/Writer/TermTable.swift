/// The in-memory inverted index of a `SegmentBuffer`: an open-addressing hash of term keys to per-term
/// state, the key bytes, and the byte pool of doc and position streams.
///
/// A value type over raw memory, so `SegmentBuffer.add` copies it into a local, inverts a whole document
/// without reference counting or exclusivity checks, and stores it back. Its owner calls `deallocate()`.
package struct TermTable {
    /// The hot state of a term, 64 bytes: everything inverting a token reads or writes, including the
    /// first 8 bytes of its key, so most terms are matched without touching the key bytes.
    package struct TermState {
        /// The first 8 bytes of the key, little-endian, zero-padded.
        package var prefix: UInt64
        package var keyStart: UInt32
        package var keyLength: UInt32
        package var docFreq: UInt32 = 0
        /// The document currently being counted, -1 before the first.
        package var lastDoc: Int32 = -1
        /// The last document written to `docs`, -1 before the first.
        package var writtenDoc: Int32 = -1
        package var freq: UInt32 = 0
        package var lastPosition: UInt32 = 0
        package var docs: BytePool.Stream
        package var positions: BytePool.Stream
    }

    package private(set) var states: UnsafeMutablePointer<TermState>
    /// Per term, the start addresses of its doc stream and its positions stream (cold: read at flush only).
    package private(set) var starts: UnsafeMutablePointer<UInt32>
    package private(set) var count = 0
    private var capacity = 1024
    /// Open addressing with linear probing; a slot holds `hash << 32 | (id + 1)`, 0 when empty, so probes
    /// compare hashes without touching the term states.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask = (1 << 12) - 1
    package private(set) var keys: UnsafeMutablePointer<UInt8>
    private var keyCount = 0
    private var keyCapacity = 1 << 16
    package var pool = BytePool()

    package init() {
        states = .allocate(capacity: capacity)
        starts = .allocate(capacity: 2 * capacity)
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
        keys = .allocate(capacity: keyCapacity)
    }

    package func deallocate() {
        states.deallocate()
        starts.deallocate()
        slots.deallocate()
        keys.deallocate()
        pool.deallocate()
    }

    /// Bytes held, for the memory budget.
    package var memoryBytes: Int {
        pool.allocatedBytes + capacity * (MemoryLayout<TermState>.stride + 8) + keyCapacity + (mask + 1) * 8
    }

    /// Records one occurrence of a term key in `doc` (documents in increasing order; positions of a term
    /// non-decreasing within a document).
    @inline(__always)
    package mutating func invert(
        key: UnsafePointer<UInt8>,
        length: Int,
        doc: Int32,
        position: UInt32,
        hasPositions: Bool
    ) {
        let h = TermTable.hash(key, length)
        let prefix = TermTable.prefix(key, length)
        var slot = Int(h) & mask
        var id: Int32 = -1
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if UInt32(truncatingIfNeeded: entry >> 32) == h {
                let candidate = Int32(truncatingIfNeeded: entry) &- 1
                let t = states + Int(candidate)
                if t.pointee.prefix == prefix && t.pointee.keyLength == UInt32(length)
                    && (length <= 8 || TermTable.equal(keys + Int(t.pointee.keyStart) + 8, key + 8, length - 8))
                {
                    id = candidate
                    break
                }
            }
            slot = (slot &+ 1) & mask
        }
        if id < 0 {
            id = insert(key: key, length: length, hash: h, prefix: prefix, slot: slot, hasPositions: hasPositions)
        }
        let t = states + Int(id)
        if t.pointee.lastDoc != doc {
            if t.pointee.lastDoc >= 0 && t.pointee.writtenDoc != t.pointee.lastDoc { writePending(t) }
            t.pointee.lastDoc = doc
            t.pointee.freq = 1
            t.pointee.docFreq &+= 1
            t.pointee.lastPosition = 0
        } else {
            t.pointee.freq &+= 1
        }
        if hasPositions {
            pool.appendVInt(position &- t.pointee.lastPosition, to: &t.pointee.positions)
            t.pointee.lastPosition = position
        }
    }

    private mutating func insert(
        key: UnsafePointer<UInt8>,
        length: Int,
        hash h: UInt32,
        prefix: UInt64,
        slot: Int,
        hasPositions: Bool
    ) -> Int32 {
        if count == capacity {
            let bigger = UnsafeMutablePointer<TermState>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: states, count: count)
            states.deallocate()
            states = bigger
            let biggerStarts = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * 4)
            biggerStarts.moveInitialize(from: starts, count: 2 * count)
            starts.deallocate()
            starts = biggerStarts
            capacity *= 2
        }
        if keyCount + length > keyCapacity {
            var size = keyCapacity * 2
            while keyCount + length > size { size *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
            bigger.update(from: keys, count: keyCount)
            keys.deallocate()
            keys = bigger
            keyCapacity = size
        }
        (keys + keyCount).update(from: key, count: length)
        let docs = pool.newStream()
        let positions = hasPositions ? pool.newStream() : docs
        (states + count).initialize(
            to: TermState(
                prefix: prefix,
                keyStart: UInt32(keyCount),
                keyLength: UInt32(length),
                docs: docs.stream,
                positions: positions.stream
            )
        )
        starts[2 * count] = docs.start
        starts[2 * count + 1] = positions.start
        keyCount += length
        let id = Int32(count)
        slots[slot] = UInt64(h) << 32 | UInt64(count + 1)
        count += 1
        if count * 2 > mask + 1 { rehash() }
        return id
    }

    /// Writes the counted document of a term to its doc stream: VInt (delta << 1 | freq == 1), then freq if not 1.
    @inline(__always)
    private mutating func writePending(_ t: UnsafeMutablePointer<TermState>) {
        let delta = UInt32(bitPattern: t.pointee.lastDoc &- t.pointee.writtenDoc)
        let freq = t.pointee.freq
        if freq == 1 {
            pool.appendVInt(delta << 1 | 1, to: &t.pointee.docs)
        } else {
            pool.appendVInt(delta << 1, to: &t.pointee.docs)
            pool.appendVInt(freq, to: &t.pointee.docs)
        }
        t.pointee.writtenDoc = t.pointee.lastDoc
    }

    /// Finishes every term's pending document so the streams hold all postings.
    package mutating func finishPending() {
        for k in 0..<count where states[k].lastDoc >= 0 && states[k].writtenDoc != states[k].lastDoc {
            writePending(states + k)
        }
    }

    private mutating func rehash() {
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        mask = size - 1
        for k in 0..<count {
            let h = TermTable.hash(keys + Int(states[k].keyStart), Int(states[k].keyLength))
            var slot = Int(h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(h) << 32 | UInt64(k + 1)
        }
    }

    /// The id of a term key, or `nil`.
    package func find(_ key: UnsafePointer<UInt8>, _ length: Int) -> Int32? {
        let h = TermTable.hash(key, length)
        var slot = Int(h) & mask
        while slots[slot] != 0 {
            let id = Int32(truncatingIfNeeded: slots[slot]) - 1
            let t = states[Int(id)]
            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == h && t.keyLength == UInt32(length)
                && TermTable.equal(keys + Int(t.keyStart), key, length)
            {
                return id
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The key bytes of a term.
    package func key(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        let t = states[Int(id)]
        return UnsafeBufferPointer(start: keys + Int(t.keyStart), count: Int(t.keyLength))
    }

    /// Term ids sorted by key bytes (field byte first, then the term's UTF-8 bytes).
    package func sortedIDs() -> [Int32] {
        var ids = [Int32](0..<Int32(count))
        let keys = self.keys
        let states = self.states
        ids.sort { a, b in
            let x = states[Int(a)]
            let y = states[Int(b)]
            let n = Int(min(x.keyLength, y.keyLength))
            let c = memcmp(keys + Int(x.keyStart), keys + Int(y.keyStart), n)
            return c != 0 ? c < 0 : x.keyLength < y.keyLength
        }
        return ids
    }

    /// The first 8 bytes of a key as a little-endian integer, zero-padded.
    @inline(__always)
    static func prefix(_ key: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n >= 8 { return UInt64(littleEndian: UnsafeRawPointer(key).loadUnaligned(as: UInt64.self)) }
        var v: UInt64 = 0
        for i in 0..<n { v |= UInt64(key[i]) << UInt64(8 * i) }
        return v
    }

    /// A stream reader over a term's doc stream (`positions: false`) or positions stream.
    package func reader(_ id: Int32, positions: Bool) -> BytePool.Reader {
        let t = states[Int(id)]
        return BytePool.Reader(
            pool: pool,
            start: starts[2 * Int(id) + (positions ? 1 : 0)],
            stream: positions ? t.positions : t.docs
        )
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A 32-bit hash of a key, 8 bytes at a time.
    @inline(__always)
    static func hash(_ key: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        let raw = UnsafeRawPointer(key)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(key[i]) << shift
            shift += 8
            i += 1
        }
        // MurmurHash3's 64-bit finalizer: every input bit reaches the low bits the table uses.
        h ^= tail
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
