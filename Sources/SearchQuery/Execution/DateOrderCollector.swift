/// Keeps the first `k` matches in date order (newest or oldest first, undated last), equal dates ordered
/// by score then address, in a min-heap of the worst kept entry. Offered only the matches that ``KeyFloor``
/// let through, so that few are scored.
struct DateOrderCollector {
    struct Entry {
        /// The date as a key where larger comes first: the date (newest first) or its negation (oldest first);
        /// `Int32.min` for an undated statement either way.
        var key: Int32
        var score: Float
        var address: DocumentAddress
    }

    let capacity: Int
    let newestFirst: Bool
    private(set) var heap: [Entry] = []

    init(capacity: Int, newestFirst: Bool) {
        self.capacity = max(0, capacity)
        self.newestFirst = newestFirst
        heap.reserveCapacity(min(self.capacity, 1 << 16))
    }

    /// The order key of a date.
    @inline(__always)
    func key(of date: Int32) -> Int32 {
        if date <= 0 { return Int32.min }
        return newestFirst ? date : -date
    }

    /// Offers a match (its key admitted, its score computed).
    mutating func offer(_ entry: Entry) {
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if capacity > 0, isBetter(entry, than: heap[0]) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The kept entries, first first.
    func sorted() -> [Entry] { heap.sorted { isBetter($0, than: $1) } }

    private func isBetter(_ a: Entry, than b: Entry) -> Bool {
        if a.key != b.key { return a.key > b.key }
        if a.score != b.score { return a.score > b.score }
        return a.address < b.address
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBetter(heap[parent], than: heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var worst = left
            if left + 1 < heap.count, isBetter(heap[left], than: heap[left + 1]) { worst = left + 1 }
            guard isBetter(heap[parent], than: heap[worst]) else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}

/// The smallest of the `capacity` largest date keys seen (a min-heap of keys): a match whose key is below
/// it cannot be among the first `capacity` in date order, whatever its score.
struct KeyFloor {
    let capacity: Int
    private var heap: [Int32] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 1 << 16))
    }

    /// The floor: `Int32.min` until `capacity` keys were seen.
    var floor: Int32 { heap.count < capacity || capacity == 0 ? Int32.min : heap[0] }

    /// Whether a key may be among the first: no worse than the floor (an equal key may win on its score).
    @inline(__always)
    func admits(_ key: Int32) -> Bool { capacity > 0 && (heap.count < capacity || key >= heap[0]) }

    /// Adds a key.
    @inline(__always)
    mutating func add(_ key: Int32) {
        if heap.count < capacity {
            heap.append(key)
            var child = heap.count - 1
            while child > 0, heap[(child - 1) / 2] > heap[child] {
                heap.swapAt((child - 1) / 2, child)
                child = (child - 1) / 2
            }
        } else if capacity > 0, key > heap[0] {
            heap[0] = key
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                let smaller = left + 1 < heap.count && heap[left + 1] < heap[left] ? left + 1 : left
                guard heap[smaller] < heap[parent] else { return }
                heap.swapAt(parent, smaller)
                parent = smaller
            }
        }
    }
}
