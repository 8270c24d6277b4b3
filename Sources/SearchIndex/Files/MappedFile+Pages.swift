import CCRC32C

/// Page checksums: every `IndexFormat.pageSize` bytes of a file's data have a CRC-32C, checked the first time
/// a reader touches the page and remembered as checked for the life of the mapping.
///
/// A reader calls `check(_:_:)` on the bytes it is about to decode, once per block it decodes (a postings
/// block, a term block, a stored-fields frame), never per value; a page costs one bit test once checked.
extension MappedFile {
    /// Where the data ends and how many pages it has, from the length field before the footer; `nil` when
    /// the file's size does not fit them (the field or the size is damaged).
    static func pageLayout(base: UnsafeRawPointer, length: Int) -> (dataLength: Int, count: Int)? {
        guard length >= 8 else { return nil }
        let stored = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self))
        guard stored <= UInt64(length) else { return nil }
        let data = Int(stored)
        let count = (data + IndexFormat.pageSize - 1) >> IndexFormat.pageShift
        guard data + 4 * count + 8 == length else { return nil }
        return (data, count)
    }

    /// Verifies the pages holding `[offset, offset + count)` (clipped to the data) that no reader checked yet.
    ///
    /// - Throws: `.corrupted` naming the file when a page's bytes do not match its checksum.
    /// - Complexity: O(1) when the pages were checked before; else O(bytes of the pages not yet checked).
    @inline(__always)
    package func check(_ offset: Int, _ count: Int) throws(IndexError) {
        let end = min(offset &+ count, dataLength)
        guard offset >= 0, offset < end else { return }
        let first = offset >> IndexFormat.pageShift
        let last = (end &- 1) >> IndexFormat.pageShift
        if first == last, podium_bit_test(verifiedPages, first) != 0 { return }
        try verifyPages(first, last)
    }

    /// Whether the pages holding `[offset, offset + count)` are intact, for readers that cannot throw (a
    /// date, a delete bit, a norm): a damaged page is recorded, and `damageError` reports it afterwards.
    @inline(__always)
    package func isIntact(_ offset: Int, _ count: Int) -> Bool { pageCheck.isIntact(offset, count) }

    /// The error for a damaged page met by `isIntact(_:_:)`, if one was.
    package var damageError: IndexError? {
        podium_bit_test(damage, 0) == 0 ? nil : IndexError.corrupted(name, "a page does not match its checksum")
    }

    /// The page check of this file as a value, for the postings decoder's loops: no reference counting.
    package var pageCheck: PageCheck { PageCheck(file: self) }

    @inline(never)
    fileprivate func verifyPages(_ first: Int, _ last: Int) throws(IndexError) {
        for page in first...last where podium_bit_test(verifiedPages, page) == 0 {
            let start = page << IndexFormat.pageShift
            let length = min(IndexFormat.pageSize, dataLength - start)
            var crc = CRC32C()
            crc.update(base + start, count: length)
            let stored = UInt32(littleEndian: pageSums.loadUnaligned(fromByteOffset: 4 * page, as: UInt32.self))
            guard crc.value == stored else {
                throw IndexError.corrupted(name, "the page at byte \(start) does not match its checksum")
            }
            podium_bit_set(verifiedPages, page)
        }
    }

    /// Verifies every page (the whole data).
    package func checkAll() throws(IndexError) { try check(0, dataLength) }
}

/// `MappedFile.check(_:_:)` without touching the file's reference count: its page bits and data length as
/// plain values, and an unretained reference for the first check of a page. Valid while the file is mapped
/// (a postings cursor keeps its segment, and so its files, alive).
package struct PageCheck {
    private let verifiedPages: UnsafeMutablePointer<UInt64>
    private let damage: UnsafeMutablePointer<UInt64>
    private let dataLength: Int
    private unowned(unsafe) let file: MappedFile

    init(file: MappedFile) {
        verifiedPages = file.verifiedPages
        damage = file.damage
        dataLength = file.dataLength
        self.file = file
    }

    /// See `MappedFile.check(_:_:)`.
    @inline(__always)
    package func callAsFunction(_ offset: Int, _ count: Int) throws(IndexError) {
        let end = min(offset &+ count, dataLength)
        guard offset >= 0, offset < end else { return }
        let first = offset >> IndexFormat.pageShift
        let last = (end &- 1) >> IndexFormat.pageShift
        if first == last, podium_bit_test(verifiedPages, first) != 0 { return }
        try file.verifyPages(first, last)
    }

    /// See `MappedFile.isIntact(_:_:)`.
    @inline(__always)
    package func isIntact(_ offset: Int, _ count: Int) -> Bool {
        do throws(IndexError) {
            try self(offset, count)
            return true
        } catch {
            podium_bit_set(damage, 0)
            return false
        }
    }
}
