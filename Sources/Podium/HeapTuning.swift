#if os(Linux)
    /// glibc's `mallopt` (declared in `malloc.h`, which the Glibc module does not import).
    @_silgen_name("mallopt")
    private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    /// `M_MMAP_THRESHOLD` of `malloc.h`.
    private let mmapThreshold: Int32 = -3
#endif

/// Settings of the C heap for indexing.
enum HeapTuning {
    /// Makes every allocation of 256 KiB or more its own mapping, given back to the system when freed.
    ///
    /// Indexing hands large, short-lived arrays (a block's analyzed statements, a segment's postings) from
    /// reader threads to the writer. glibc raises its mapping threshold each time such a block is freed, after
    /// which they land in the threads' heaps, where freed space is rarely returned: measured on 250,000
    /// statements, resident memory was 27 MB (about a fifth) above what this setting gives. Fixing the
    /// threshold also stops its growth.
    static func returnLargeBlocksToSystem() {
        #if os(Linux)
            _ = mallopt(mmapThreshold, 256 << 10)
        #endif
    }
}
