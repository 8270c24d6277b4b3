#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A new index file being written: buffered appends, a running CRC-32C and one per page, then the page
/// checksums, footer, fsync and close.
///
/// Files are created with `O_EXCL` and never reopened for writing: nothing in an index is modified in place.
/// A noncopyable value, owned by the writer of the file (the postings encoder, the dictionary writer...), so
/// that appending touches no class state; dropping it unfinished closes the descriptor.
package struct FileSink: ~Copyable {
    package let path: String
    /// The name relative to the index directory, for error messages.
    package let name: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var crc = CRC32C()
    /// The checksum of the page being filled, its bytes so far, and the checksums of the full pages.
    private var pageCRC = CRC32C()
    private var pageFill = 0
    private var pageSums: [UInt32] = []
    /// Bytes appended so far (the offset the next byte will have).
    package private(set) var offset: Int = 0
    private static let bufferSize = 1 << 16

    package init(directory: String, name: String) throws(IndexError) {
        self.path = directory + "/" + name
        self.name = name
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.io("creating", path, errno: errno) }
        buffer.reserveCapacity(FileSink.bufferSize)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    package mutating func write(_ bytes: [UInt8]) throws(IndexError) {
        try bytes.withBytes { (raw) throws(IndexError) in try write(raw) }
    }

    package mutating func write(_ raw: UnsafeRawBufferPointer) throws(IndexError) {
        updatePages(raw)
        try append(raw)
    }

    /// Feeds the page checksums, closing each page at `IndexFormat.pageSize` bytes.
    private mutating func updatePages(_ raw: UnsafeRawBufferPointer) {
        guard var p = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = min(left, IndexFormat.pageSize - pageFill)
            pageCRC.update(p, count: n)
            pageFill += n
            p += n
            left -= n
            if pageFill == IndexFormat.pageSize {
                pageSums.append(pageCRC.value)
                pageCRC = CRC32C()
                pageFill = 0
            }
        }
    }

    /// Appends bytes covered by the footer's checksum only (the data's are fed to the page checksums too).
    private mutating func append(_ raw: UnsafeRawBufferPointer) throws(IndexError) {
        offset += raw.count
        if buffer.count + raw.count > FileSink.bufferSize {
            try drain()
            if raw.count >= FileSink.bufferSize {
                crc.update(raw)
                try writeFully(raw)
                return
            }
        }
        buffer.append(contentsOf: raw)
    }

    package mutating func write(_ writer: ByteWriter) throws(IndexError) { try write(writer.bytes) }

    /// Appends the footer, flushes, fsyncs and closes. The file is complete and durable when this returns.
    package mutating func finish(kind: IndexFileKind) throws(IndexError) {
        if pageFill > 0 { pageSums.append(pageCRC.value) }
        var footer = ByteWriter(capacity: 4 * pageSums.count + 8 + FileFooter.size)
        for sum in pageSums { footer.u32(sum) }
        footer.u64(UInt64(offset))
        footer.u32(FileFooter.magic)
        footer.u32(kind.tag)
        footer.u32(IndexFormat.version)
        try footer.bytes.withBytes { (raw) throws(IndexError) in try append(raw) }
        try drain()
        let sum = crc.value
        var tail = ByteWriter(capacity: 4)
        tail.u32(sum)
        try tail.bytes.withBytes { (raw) throws(IndexError) in try writeFully(raw) }
        offset += 4
        guard fsync(fd) == 0 else { throw IndexError.io("syncing", path, errno: errno) }
        guard close(fd) == 0 else {
            fd = -1
            throw IndexError.io("closing", path, errno: errno)
        }
        fd = -1
    }

    private mutating func drain() throws(IndexError) {
        guard !buffer.isEmpty else { return }
        try buffer.withBytes { (raw) throws(IndexError) in
            crc.update(raw)
            try writeFully(raw)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ raw: UnsafeRawBufferPointer) throws(IndexError) {
        guard var p = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = Glibc.write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw IndexError.io("writing", path, errno: errno)
            }
            p += n
            left -= n
        }
    }
}
