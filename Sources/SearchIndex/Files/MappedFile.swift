#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory map of one index file, with its footer checked; unmapped in `deinit`.
///
/// `data` covers the bytes before the footer. Opening checks the footer's magic, kind and version
/// (O(1)); `verifyChecksum()` reads the whole file (O(size)).
package final class MappedFile: @unchecked Sendable {
    package let name: String
    package let kind: IndexFileKind
    private let mapping: UnsafeMutableRawPointer?
    private let mappedLength: Int
    /// The first byte of the file.
    package let base: UnsafeRawPointer
    /// Bytes before the footer.
    package let dataLength: Int

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
        dataLength = length - FileFooter.size
        let footer = base + dataLength
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
    }

    deinit {
        if let mapping { munmap(mapping, mappedLength) }
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
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: dataLength + 12, as: UInt32.self))
    }

    /// Recomputes the checksum over the whole file and compares it with the footer's.
    package func verifyChecksum() throws(IndexError) {
        var crc = CRC32C()
        crc.update(base, count: dataLength + 12)
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
