/// Owns the memory of a segment search's cursors.
///
/// ``SegmentSearch`` reaches its cursors through `base`: mutating one in place through a pointer costs no
/// uniqueness or exclusivity check, as an element of an array would.
final class CursorStorage<Cursor> {
    let base: UnsafeMutablePointer<Cursor>
    private let count: Int

    init(_ cursors: [Cursor]) {
        count = cursors.count
        base = .allocate(capacity: max(1, count))
        base.initialize(from: cursors, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
