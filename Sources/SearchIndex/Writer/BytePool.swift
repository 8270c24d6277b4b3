/// Memory for the in-memory segment: many small byte streams (one per term for doc ids, one for positions)
/// interleaved in 64 KiB pages, each stream a chain of slices of growing size.
///
/// A slice of size `s` holds `s - 4` bytes of data then the 4-byte address of the next slice, written when
/// the slice fills. Streams start at 8 bytes, so a rare term costs little, and double up to 4 KiB.
///
/// A value type over raw pages so the indexing loop runs without reference counting or exclusivity checks;
/// its owner calls `deallocate()` once.
package struct BytePool {
    package static let pageShift: UInt32 = 16
    package static let pageSize = 1 << 16
    package static let maxLevel: UInt8 = 9

    private var pages: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>
    private var pageCount = 0
    private var pageCapacity = 16
    private var used = BytePool.pageSize

    package init() {
        pages = .allocate(capacity: pageCapacity)
    }

    package func deallocate() {
        for k in 0..<pageCount { pages[k].deallocate() }
        pages.deallocate()
    }

    /// Bytes held by the pool.
    package var allocatedBytes: Int { pageCount * BytePool.pageSize }

    @inline(__always)
    package func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        pages[Int(address >> BytePool.pageShift)] + Int(address & 0xFFFF)
    }

    /// Slice sizes 8, 16, 32, ... 4096 bytes.
    @inline(__always)
    static func sliceSize(_ level: UInt8) -> UInt32 { 8 << UInt32(level) }

    /// Reserves `size` contiguous bytes and returns their address.
    private mutating func allocate(_ size: UInt32) -> UInt32 {
        if used + Int(size) > BytePool.pageSize {
            if pageCount == pageCapacity {
                let bigger = UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>.allocate(capacity: pageCapacity * 2)
                bigger.moveInitialize(from: pages, count: pageCount)
                pages.deallocate()
                pages = bigger
                pageCapacity *= 2
            }
            (pages + pageCount).initialize(to: .allocate(capacity: BytePool.pageSize))
            pageCount += 1
            used = 0
        }
        let address = UInt32(pageCount - 1) << BytePool.pageShift | UInt32(used)
        used += Int(size)
        return address
    }

    /// Starts a new stream; its first slice's address (`start`) is what a `Reader` needs later.
    package mutating func newStream() -> (stream: Stream, start: UInt32) {
        let start = allocate(BytePool.sliceSize(0))
        return (Stream(write: start, end: start + BytePool.sliceSize(0) - 4, level: 0), start)
    }

    /// The writing state of one stream: where the next byte goes, where the current slice's data ends.
    /// (Where it began is kept apart by the owner: it is only needed to read the stream back.)
    package struct Stream {
        package var write: UInt32
        package var end: UInt32
        package var level: UInt8
    }

    @inline(__always)
    package mutating func append(_ byte: UInt8, to stream: inout Stream) {
        if stream.write == stream.end { grow(&stream) }
        pointer(stream.write).pointee = byte
        stream.write &+= 1
    }

    @inline(__always)
    package mutating func appendVInt(_ value: UInt32, to stream: inout Stream) {
        // Fast path: the whole VInt fits in the current slice.
        if stream.end &- stream.write >= 5 {
            var p = pointer(stream.write)
            var v = value
            while v >= 0x80 {
                p.pointee = UInt8(truncatingIfNeeded: v) | 0x80
                p += 1
                v >>= 7
            }
            p.pointee = UInt8(truncatingIfNeeded: v)
            stream.write &+= UInt32(p - pointer(stream.write)) &+ 1
            return
        }
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80, to: &stream)
            v >>= 7
        }
        append(UInt8(truncatingIfNeeded: v), to: &stream)
    }

    private mutating func grow(_ stream: inout Stream) {
        let level = min(stream.level + 1, BytePool.maxLevel)
        let size = BytePool.sliceSize(level)
        let next = allocate(size)
        let link = UnsafeMutableRawPointer(pointer(stream.end))
        link.storeBytes(of: next.littleEndian, as: UInt32.self)
        stream = Stream(write: next, end: next + size - 4, level: level)
    }

    /// Reads a stream back from its start to the write position it had when the reader was made.
    package struct Reader {
        private let pool: BytePool
        private var at: UInt32
        private var end: UInt32
        private var level: UInt8
        private let stop: UInt32

        package init(pool: BytePool, start: UInt32, stream: Stream) {
            self.pool = pool
            at = start
            end = start + BytePool.sliceSize(0) - 4
            level = 0
            stop = stream.write
        }

        package var isAtEnd: Bool { at == stop }

        @inline(__always)
        package mutating func byte() -> UInt8 {
            if at == end {
                let link = UnsafeRawPointer(pool.pointer(end))
                at = UInt32(littleEndian: link.loadUnaligned(as: UInt32.self))
                level = min(level + 1, BytePool.maxLevel)
                end = at + BytePool.sliceSize(level) - 4
            }
            let b = pool.pointer(at).pointee
            at &+= 1
            return b
        }

        @inline(__always)
        package mutating func vint() -> UInt32 {
            var b = byte()
            var v = UInt32(b & 0x7F)
            var shift: UInt32 = 7
            while b >= 0x80 {
                b = byte()
                v |= UInt32(b & 0x7F) << shift
                shift += 7
            }
            return v
        }
    }
}
