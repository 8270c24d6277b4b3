#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory map of one index file, with its footer checked; unmapped in `deinit`.
///
/// `dataLength` covers the file's data, before its page checksums and footer. Opening checks the footer's
/// magic, kind and version and the size of the page checksums (O(1)); readers call `check(_:_:)` before they
/// decode bytes, which verifies each 4 KiB page the first time it is touched (`MappedFile+Pages.swift`);
/// `verifyChecksum()` reads the whole file (O(size)).
package final class MappedFile: @unchecked Sendable {
    package let name: String
    package let kind: IndexFileKind
    private let mapping: UnsafeMutableRawPointer?
    private let mappedLength: Int
    /// The first byte of the file.
    package let base: UnsafeRawPointer
    /// Bytes of data: before the page checksums.
    package let dataLength: Int
    /// The page checksums (`u32` each, one per `IndexFormat.pageSize` bytes of data, the last page shorter).
    let pageSums: UnsafeRawPointer
    /// Pages of data.
    let pageCount: Int
    /// One bit per page, set once the page's checksum matched; and bit 0 of `damage`, set once one did not
    /// (for readers that cannot throw, see `isIntact(_:_:)`). Both only ever go from 0 to 1.
    let verifiedPages: UnsafeMutablePointer<UInt64>
    let damage: UnsafeMutablePointer<UInt64>
    /// Bytes before the footer: the data, the page checksums and their length field.
    private let checkedLength: Int

    /// Maps `directory/name` and checks its footer.
    package init(directory: String, name: String, kind: IndexFileKind) throws(IndexError) {
        self.name = name
        self.kind = kind
        let path = directory + "/" + name
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw IndexError(.notFound, "index file '\(name)' is missing", file: name) }
            throw IndexError.io("opening", path, errno: code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IndexError.io("reading the size of", path, errno: errno) }
        let length = Int(info.st_size)
        guard length >= FileFooter.size else {
            throw IndexError.corrupted(name, "it is \(length) bytes long, shorter than its footer")
        }
        guard let m = mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0), m != MAP_FAILED else {
            throw IndexError.io("mapping", path, errno: errno)
        }
        mapping = m
        mappedLength = length
        base = UnsafeRawPointer(m)
        checkedLength = length - FileFooter.size
        let pages = Self.pageLayout(base: base, length: checkedLength)
        dataLength = pages?.dataLength ?? 0
        pageCount = pages?.count ?? 0
        pageSums = base + dataLength
        verifiedPages = .allocate(capacity: pageCount / 64 + 1)
        verifiedPages.initialize(repeating: 0, count: pageCount / 64 + 1)
        damage = .allocate(capacity: 1)
        damage.initialize(to: 0)
        let footer = base + checkedLength
        let magic = UInt32(littleEndian: footer.loadUnaligned(as: UInt32.self))
        let tag = UInt32(littleEndian: footer.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let version = UInt32(littleEndian: footer.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard magic == FileFooter.magic else { throw IndexError.corrupted(name, "its footer has a wrong magic number") }
        guard tag == kind.tag else {
            throw IndexError.corrupted(name, "its footer names another kind of file")
        }
        guard version == IndexFormat.version else {
            // A flipped byte in the version field is damage, not an old index: the checksum tells them apart.
            try verifyChecksum()
            throw IndexError(
                .unsupportedVersion,
                "index file '\(name)' has format version \(version); this build reads version \(IndexFormat.version)",
                file: name
            )
        }
        guard pages != nil else { throw IndexError.corrupted(name, "its page checksums do not match its size") }
    }

    deinit {
        if let mapping { munmap(mapping, mappedLength) }
        verifiedPages.deallocate()
        damage.deallocate()
    }

    /// Tells the kernel the pages before `offset` are not needed for now (`madvise(MADV_DONTNEED)`), so a
    /// merge reading a segment front to back does not keep it all in its resident memory. The data stays in
    /// the page cache and is read again on the next access.
    package func release(upTo offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = min(offset, mappedLength) / page * page
        guard let mapping, length > 0 else { return }
        _ = madvise(mapping, length, MADV_DONTNEED)
    }

    /// The CRC-32C stored in the footer.
    package var storedChecksum: UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: checkedLength + 12, as: UInt32.self))
    }

    /// Recomputes the checksum over the whole file and compares it with the footer's.
    package func verifyChecksum() throws(IndexError) {
        var crc = CRC32C()
        crc.update(base, count: checkedLength + 12)
        guard crc.value == storedChecksum else {
            throw IndexError.corrupted(name, "its checksum does not match its content")
        }
    }

    /// A bounds-checked reader over `[offset, end)` of the data region.
    ///
    /// An out-of-range `offset` or `end` (from damaged data) gives an empty reader, whose reads fail.
    package func reader(from offset: Int = 0, to end: Int? = nil) -> RawReader {
        let end = end ?? dataLength
        guard offset >= 0, end <= dataLength, offset <= end else { return RawReader(base: base, offset: 0, end: 0) }
        return RawReader(base: base, offset: offset, end: end)
    }
}
