/// The surface words of a segment's documents with how often each occurs: the lexicon that spelling
/// suggestions are drawn from, kept beside the term dictionary (which holds stems, not words).
///
/// A flush counts the words of the documents it holds; a merge adds up its inputs' counts. Counts are
/// occurrences, not documents, and a merge keeps the counts of documents deleted before it.
///
/// The writer's thread counts every word of every document, so the table works on bytes: words back to back
/// in one arena, an open-addressing table of entry numbers probed by an FNV-1a hash, no `String` per word.
package struct SurfaceCounts {
    private var arena: [UInt8] = []
    private var starts: [UInt32] = []
    private var lengths: [UInt16] = []
    private var hashes: [UInt32] = []
    private var counts: [UInt32] = []
    /// Entry number + 1 per slot (0: empty); a power of two, at most half full.
    private var slots: [UInt32] = Array(repeating: 0, count: 1024)

    package init() {}

    /// Distinct words counted.
    package var count: Int { counts.count }

    /// An estimate of the memory the counts hold, for the writer's budget.
    package var memoryBytes: Int { arena.capacity + counts.capacity * 14 + slots.capacity * 4 }

    /// Counts the words of `document`.
    package mutating func add(_ document: IndexDocument) {
        guard !document.surfaceEnds.isEmpty else { return }
        document.surfaceArena.withUnsafeBufferPointer { words in
            var start = 0
            for end in document.surfaceEnds {
                let word = UnsafeBufferPointer(rebasing: words[start..<Int(end)])
                if word.count <= LexiconFile.maximumWordBytes { add(word, count: 1) }
                start = Int(end)
            }
        }
    }

    /// Adds `count` occurrences of `word`, saturating.
    package mutating func add(_ word: UnsafeBufferPointer<UInt8>, count: UInt32) {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let k = entry - 1
            if hashes[k] == hash && Int(lengths[k]) == word.count && equals(k, word) {
                let (sum, overflow) = counts[k].addingReportingOverflow(count)
                counts[k] = overflow ? UInt32.max : sum
                return
            }
            slot = (slot + 1) & mask
        }
        starts.append(UInt32(arena.count))
        lengths.append(UInt16(word.count))
        hashes.append(hash)
        counts.append(count)
        arena.append(contentsOf: word)
        slots[slot] = UInt32(counts.count)
        if counts.count * 2 > slots.count { grow() }
    }

    private func equals(_ k: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[k])
        for i in 0..<word.count where arena[start + i] != word[i] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for k in hashes.indices {
            var slot = Int(hashes[k]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(k + 1)
        }
    }

    /// The words in increasing byte order, with their counts: the order of the `.lex` file.
    package func sorted() -> [(word: [UInt8], count: UInt32)] {
        counts.indices.map { k in
            let start = Int(starts[k])
            return (word: Array(arena[start..<(start + Int(lengths[k]))]), count: counts[k])
        }
        .sorted { $0.word.lexicographicallyPrecedes($1.word) }
    }
}
