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
        var offset: Int = 0
        var wordLength: UInt8 = 0
        var stemLength: UInt8 = 0
    }

    /// Slots when the table is full-grown: about 32,000 words at half load, about 2 MB with their bytes.
    static let maximumSlots = 1 << 16
    private var slots: [Slot] = Array(repeating: Slot(), count: 1 << 12)
    private var store: [UInt8] = []
    private var used = 0

    /// Stems the `count` bytes at `word` in place through the cache, returning the stem's length.
    ///
    /// - Precondition: `count` ≤ 255 and the bytes are what ``EnglishStemmer`` accepts.
    mutating func stem(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let hash = StemCache.hash(word, count)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.hash == 0 { break }
            if slot.hash == hash && Int(slot.wordLength) == count {
                let hit = store.withUnsafeBufferPointer { stored in
                    (0..<count).allSatisfy { stored[slot.offset + $0] == word[$0] }
                }
                if hit {
                    let stemLength = Int(slot.stemLength)
                    store.withUnsafeBufferPointer { stored in
                        for k in 0..<stemLength { word[k] = stored[slot.offset + count + k] }
                    }
                    return stemLength
                }
            }
            index = (index + 1) & mask
        }
        let offset = store.count
        store.append(contentsOf: UnsafeBufferPointer(start: word, count: count))
        let stemLength = EnglishStemmer.stem(in: word, count: count)
        store.append(contentsOf: UnsafeBufferPointer(start: word, count: stemLength))
        slots[index] = Slot(hash: hash, offset: offset, wordLength: UInt8(count), stemLength: UInt8(stemLength))
        used += 1
        if used * 2 > slots.count { makeRoom() }
        return stemLength
    }

    /// Doubles the table, or empties it once it is full-grown.
    private mutating func makeRoom() {
        guard slots.count < StemCache.maximumSlots else {
            for k in slots.indices { slots[k] = Slot() }
            store.removeAll(keepingCapacity: true)
            used = 0
            return
        }
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.hash != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].hash != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// FNV-1a over the bytes, never 0.
    @inline(__always)
    static func hash(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<count { h = (h ^ UInt64(bytes[k])) &* 0x0000_0100_0000_01B3 }
        return h == 0 ? 1 : h
    }
}
