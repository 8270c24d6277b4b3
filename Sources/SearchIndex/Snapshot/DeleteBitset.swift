/// The deleted documents of a segment as a bitset: bit `d % 8` of byte `d / 8` is set when doc `d` is deleted.
package struct DeleteBitset: Equatable {
    package private(set) var bytes: [UInt8]
    package private(set) var count = 0

    package static func byteCount(maxDoc: Int) -> Int { (maxDoc + 7) / 8 }

    package init(maxDoc: Int) { bytes = [UInt8](repeating: 0, count: DeleteBitset.byteCount(maxDoc: maxDoc)) }

    /// A copy of the bitset of a segment's current delete generation, its pages checked.
    package init(segment: SegmentReader) throws(IndexError) {
        self.init(maxDoc: segment.maxDoc)
        if let file = segment.deletesFile {
            try file.checkAll()
            bytes = Array(UnsafeRawBufferPointer(start: file.base, count: bytes.count))
            count = bytes.reduce(0) { $0 + $1.nonzeroBitCount }
        }
    }

    package func contains(_ doc: Int32) -> Bool { bytes[Int(doc >> 3)] & (1 << UInt8(doc & 7)) != 0 }

    /// Marks `doc` deleted; returns whether it was live before.
    @discardableResult
    package mutating func insert(_ doc: Int32) -> Bool {
        let mask: UInt8 = 1 << UInt8(doc & 7)
        let k = Int(doc >> 3)
        guard bytes[k] & mask == 0 else { return false }
        bytes[k] |= mask
        count += 1
        return true
    }

    package func write(directory: String, name: String) throws(IndexError) {
        var sink = try FileSink(directory: directory, name: name)
        try sink.write(bytes)
        try sink.finish(kind: .deletes)
    }
}
