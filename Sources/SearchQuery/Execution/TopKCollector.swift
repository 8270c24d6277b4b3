/// Keeps the `k` best (score, address) pairs seen so far in a min-heap.
///
/// Ties go to the earlier address. Since statements are visited in address order, a newcomer must beat
/// the current minimum strictly; that makes ``threshold`` a safe bound for pruning: a statement whose
/// score cannot exceed it cannot enter.
struct TopKCollector {
    struct Entry {
        var score: Float
        var address: DocumentAddress
    }

    let capacity: Int
    private(set) var heap: [Entry] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(self.capacity)
    }

    /// The score to beat: `-infinity` until the heap is full.
    var threshold: Float {
        heap.count < capacity ? -Float.infinity : (capacity == 0 ? Float.infinity : heap[0].score)
    }

    /// Offers a statement; keeps it when it belongs among the best `k`.
    @inline(__always)
    mutating func offer(score: Float, address: DocumentAddress) {
        if heap.count < capacity {
            heap.append(Entry(score: score, address: address))
            siftUp(heap.count - 1)
        } else if capacity > 0, isBetter(Entry(score: score, address: address), than: heap[0]) {
            heap[0] = Entry(score: score, address: address)
            siftDown(0)
        }
    }

    /// The kept entries, best first.
    func sorted() -> [Entry] {
        heap.sorted { isBetter($0, than: $1) }
    }

    private func isBetter(_ a: Entry, than b: Entry) -> Bool {
        a.score != b.score ? a.score > b.score : a.address < b.address
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
