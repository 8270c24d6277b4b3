/// A bounded cache from words to their English stems, keyed by the word's bytes.
///
/// Stemming a word costs far more than finding it in a hash table, and running text repeats a few
/// thousand words (15,000 distinct ones in the whole MFA English corpus). Two levels:
/// - words of up to 8 bytes (most running words) go first to a direct-mapped table whose entries hold
///   the word and its stem as two 64-bit integers: one cache line, one comparison, one store;
/// - every word then goes to an open-addressing table with 8-byte slots over one byte store, whose size
///   for a corpus like that (256 KB) stays in the processor's cache.
/// A hit allocates nothing. When the second table reaches ``maximumSlots`` it is emptied and refilled
/// rather than grown, which bounds its memory.
struct StemCache: Sendable {
    /// A short word and its stem, each packed little-endian into an integer, zero-padded (words never
    /// contain a zero byte, so the padding gives the lengths); a word of 0 marks an empty entry.
    struct ShortEntry {
        var word: UInt64 = 0
        var stem: UInt64 = 0
    }

    /// The direct-mapped table for words of up to 8 bytes; empty until the first word arrives.
    private var shortEntries: [ShortEntry] = []
    /// A slot packs, from the high bits: a 24-bit tag of the word's hash (never 0: 0 is an empty slot),
    /// the 26-bit offset of the word and then its stem in `store`, and their 7-bit lengths.
    /// Empty until the first word arrives, so that an unused buffer costs nothing.
    private var slots: [UInt64] = []
    private var store: [UInt8] = []
    private var used = 0
    /// Words stemmed so far while the tables are still unmade.
    private var uncached = 0

    /// Words stemmed without the tables first: a query's few words would not repay filling their pages.
    static var wordsBeforeTables: Int { 64 }

    /// Entries of the short-word table: 64 KB.
    static var shortEntryBits: Int { 12 }
    /// Slots when the table is full-grown: 32,768 words at half load, 512 KB, plus at most 8 MB of bytes.
    static var maximumSlots: Int { 1 << 16 }
    static var initialSlots: Int { 1 << 12 }
    /// The longest word the cache takes (7-bit lengths).
    static var maximumWordLength: Int { 127 }

    /// Stems the `count` bytes at `word` in place through the cache, returning the stem's length.
    ///
    /// - Precondition: the bytes are what ``EnglishStemmer`` accepts, and 8 bytes are readable and
    ///   writable at `word` (the tokenizer's scratch buffer).
    mutating func stem(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        if uncached < StemCache.wordsBeforeTables {
            uncached += 1
            return EnglishStemmer.stem(in: word, count: count)
        }
        guard count <= 8 else { return stemThroughTable(word, count: count) }
        if shortEntries.isEmpty { shortEntries = Array(repeating: ShortEntry(), count: 1 << StemCache.shortEntryBits) }
        let raw = UnsafeMutableRawPointer(word)
        let key = raw.loadUnaligned(as: UInt64.self) & (~UInt64(0) &>> (64 - 8 * UInt64(count)))
        let index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> (64 - UInt64(StemCache.shortEntryBits)))
        let entry = shortEntries[index]
        if entry.word == key {
            raw.storeBytes(of: entry.stem, as: UInt64.self)
            return (64 - entry.stem.leadingZeroBitCount + 7) / 8
        }
        let stemLength = stemThroughTable(word, count: count)
        let stem = raw.loadUnaligned(as: UInt64.self) & (~UInt64(0) &>> (64 - 8 * UInt64(stemLength)))
        shortEntries[index] = ShortEntry(word: key, stem: stem)
        return stemLength
    }

    /// The second level: the open-addressing table, then the stemmer.
    private mutating func stemThroughTable(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        guard count <= StemCache.maximumWordLength else { return EnglishStemmer.stem(in: word, count: count) }
        if slots.isEmpty { slots = Array(repeating: 0, count: StemCache.initialSlots) }
        let hash = StemCache.hash(word, count)
        let tag = (hash &>> 40) | 1
        let (hitLength, freeSlot) = lookUp(word, count: count, hash: hash, tag: tag)
        if let hitLength { return hitLength }

        let offset = store.count
        if offset + 2 * count >= 1 << 26 {
            clear()
            return stemThroughTable(word, count: count)
        }
        store.append(contentsOf: UnsafeBufferPointer(start: word, count: count))
        let stemLength = EnglishStemmer.stem(in: word, count: count)
        store.append(contentsOf: UnsafeBufferPointer(start: word, count: stemLength))
        slots[freeSlot] = tag << 40 | UInt64(offset) << 14 | UInt64(count) << 7 | UInt64(stemLength)
        used += 1
        if used * 2 > slots.count { makeRoom() }
        return stemLength
    }

    /// Finds `word`: on a hit, copies its stem over it and returns the stem's length; on a miss, returns
    /// the free slot where it belongs.
    @inline(__always)
    private func lookUp(_ word: UnsafeMutablePointer<UInt8>, count: Int, hash: UInt64, tag: UInt64) -> (Int?, Int) {
        slots.withUnsafeBufferPointer { slots in
            store.withUnsafeBufferPointer { store in
                let mask = slots.count - 1
                var index = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[index]
                    if slot == 0 { return (nil, index) }
                    if slot &>> 40 == tag && Int(truncatingIfNeeded: (slot &>> 7) & 0x7F) == count {
                        let offset = Int(truncatingIfNeeded: (slot &>> 14) & 0x3FF_FFFF)
                        if memoryEqual(store.baseAddress! + offset, word, count) {
                            let stemLength = Int(truncatingIfNeeded: slot & 0x7F)
                            for k in 0..<stemLength { word[k] = store[offset + count + k] }
                            return (stemLength, index)
                        }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }

    /// Doubles the table, or empties it once it is full-grown.
    private mutating func makeRoom() {
        guard slots.count < StemCache.maximumSlots else { return clear() }
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            let offset = Int(truncatingIfNeeded: (slot &>> 14) & 0x3FF_FFFF)
            let count = Int(truncatingIfNeeded: (slot &>> 7) & 0x7F)
            let hash = store.withUnsafeBufferPointer { StemCache.hash($0.baseAddress! + offset, count) }
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    private mutating func clear() {
        slots = Array(repeating: 0, count: StemCache.initialSlots)
        store.removeAll(keepingCapacity: true)
        used = 0
    }

    /// A multiply-xorshift hash over 8-byte words.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var k = 0
        while k + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 32
            k += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while k < count {
            tail |= UInt64(bytes[k]) &<< shift
            shift &+= 8
            k += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h &>> 29)
    }
}
