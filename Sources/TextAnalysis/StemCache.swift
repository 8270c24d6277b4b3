/// A bounded cache from words to their English stems, keyed by the word's bytes.
///
/// Stemming a word costs far more than finding it in a hash table, and running text repeats a few
/// thousand words. Open addressing over one byte store, so a hit allocates nothing. When the table
/// reaches ``maximumSlots`` it is emptied and refilled rather than grown, which bounds its memory.
struct StemCache: Sendable {
    struct Slot {
        /// The word's hash; 0 marks an empty slot (a real hash of 0 is stored as 1).
        var hash: UInt64 = 0
        /// Where the word, then its stem, start in `store`.
        var offset: Int32 = 0
        var wordLength: UInt8 = 0
        var stemLength: UInt8 = 0
    }

    /// Slots when the table is full-grown: about 32,000 words at half load, under 3 MB with their bytes.
    static var maximumSlots: Int { 1 << 16 }
    private var slots: [Slot] = Array(repeating: Slot(), count: 1 << 12)
    private var store: [UInt8] = []
    private var used = 0

    /// Stems the `count` bytes at `word` in place through the cache, returning the stem's length.
    ///
    /// - Precondition: 3 ≤ `count` ≤ 255, the bytes are what ``EnglishStemmer`` accepts, and 8 bytes
    ///   may be read from `word` (the tokenizer's scratch buffer allows it).
    mutating func stem(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let hash = StemCache.hash(word, count)
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            store.withUnsafeBufferPointer { store in
                let mask = slots.count - 1
                var index = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[index]
                    if slot.hash == 0 { return -1 - index }  // the free slot to fill
                    if slot.hash == hash && Int(slot.wordLength) == count {
                        let offset = Int(slot.offset)
                        var equal = true
                        for k in 0..<count where store[offset + k] != word[k] {
                            equal = false
                            break
                        }
                        if equal {
                            let stemLength = Int(slot.stemLength)
                            for k in 0..<stemLength { word[k] = store[offset + count + k] }
                            return stemLength
                        }
                    }
                    index = (index + 1) & mask
                }
            }
        }
        guard let found, found < 0 else { return found! }
        let index = -1 - found
        let offset = store.count
        guard offset + 2 * count < Int(Int32.max) else {
            clear()
            return EnglishStemmer.stem(in: word, count: count)
        }
        store.append(contentsOf: UnsafeBufferPointer(start: word, count: count))
        let stemLength = EnglishStemmer.stem(in: word, count: count)
        store.append(contentsOf: UnsafeBufferPointer(start: word, count: stemLength))
        slots[index] = Slot(hash: hash, offset: Int32(offset), wordLength: UInt8(count), stemLength: UInt8(stemLength))
        used += 1
        if used * 2 > slots.count { makeRoom() }
        return stemLength
    }

    /// Doubles the table, or empties it once it is full-grown.
    private mutating func makeRoom() {
        guard slots.count < StemCache.maximumSlots else { return clear() }
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.hash != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].hash != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    private mutating func clear() {
        for k in slots.indices { slots[k] = Slot() }
        store.removeAll(keepingCapacity: true)
        used = 0
    }

    /// A multiply-xorshift hash over 8-byte words, never 0. Reads up to 7 bytes past `count` and masks them.
    @inline(__always)
    static func hash(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var k = 0
        while k + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 32
            k += 8
        }
        if k < count {
            let tail = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & (~UInt64(0) &>> (64 - 8 * (count - k)))
            h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 32
        }
        h = (h ^ (h &>> 29)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h &>> 32
        return h == 0 ? 1 : h
    }
}
