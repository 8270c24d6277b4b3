import Dispatch

/// The compressing half of `StoredFieldsWriter`: trains the dictionary, compresses blocks and writes them to
/// the `.sto` file on a thread of its own, so the index writer's thread (the build's critical path) only
/// gathers records.
///
/// Jobs run in the order they are submitted. At most `StoredBlockCompressor.pendingLimit` blocks wait at
/// once: a writer faster than compression blocks in `compress` rather than buffering the segment. The first
/// failure stops the work and is thrown by `finish`.
final class StoredBlockCompressor: @unchecked Sendable {
    // Everything below `queue` is touched only by jobs on `queue` (and by `finish` after draining it).
    private let queue = DispatchQueue(label: "podium.stored-fields", qos: .userInitiated)
    private let slots = DispatchSemaphore(value: StoredBlockCompressor.pendingLimit)
    private static let pendingLimit = 16
    private var sink: FileSink
    private var compressor: ZstdCompressor?
    private var compressed: [UInt8] = []
    private var index = ByteWriter()
    private var blockCount: UInt32 = 0
    private var largestPayload = 0
    private var dictionaryLength = 0
    private var failure: IndexError?

    init(sink: consuming FileSink) { self.sink = sink }

    /// Bytes the pending blocks may hold at most, for the writer's memory budget.
    static let pendingBytes = pendingLimit * IndexFormat.storedBlockBytes * 2

    /// Trains the dictionary on `samples` (records back to back, of `lengths`) and writes it at the start of
    /// the file; must come before the first block.
    ///
    /// The dictionary gets at most a sixteenth of the sample bytes, so a small segment does not carry a
    /// dictionary larger than what it saves; below 1 KiB there is none.
    func start(samples: [UInt8], lengths: [Int]) {
        queue.async { [self] in
            run { () throws(IndexError) in
                let capacity = min(IndexFormat.storedDictionaryBytes, samples.count / 16)
                let dictionary =
                    capacity >= 1024
                    ? ZstdCompressor.trainDictionary(
                        samples: samples,
                        sizes: lengths,
                        capacity: capacity,
                        level: IndexFormat.storedLevel
                    ) ?? []
                    : []
                compressor = try ZstdCompressor(level: IndexFormat.storedLevel, dictionary: dictionary)
                try sink.write(dictionary)
                dictionaryLength = dictionary.count
            }
        }
    }

    /// Compresses a block's payload (`VInt` count, `VInt` lengths, records) and appends it to the file.
    func compress(payload: [UInt8], firstDoc: UInt32) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            run { () throws(IndexError) in
                guard let compressor else { return }
                largestPayload = max(largestPayload, payload.count)
                compressed.removeAll(keepingCapacity: true)
                try payload.withBytes { (raw) throws(IndexError) in
                    try compressor.compress(raw, appendingTo: &compressed)
                }
                index.u32(firstDoc)
                index.u64(UInt64(sink.offset))
                var header = ByteWriter(capacity: 4)
                header.u32(UInt32(compressed.count))
                try sink.write(header)
                try sink.write(compressed)
                blockCount += 1
                // A very large record's compressed bytes are not kept as capacity for the blocks after it.
                if compressed.capacity > StoredBlockCompressor.pendingBytes { compressed = [] }
            }
        }
    }

    /// Waits until every block handed over so far is written.
    func drain() { queue.sync {} }

    /// Waits for the pending blocks, then writes the block index, the trailer and the footer.
    /// - Throws: the first failure of any job, or of writing the end of the file.
    func finish(docCount: UInt32) throws(IndexError) {
        queue.sync {}
        if let failure { throw failure }
        let indexOffset = sink.offset
        try sink.write(index)
        var trailer = ByteWriter(capacity: 24)
        trailer.u64(UInt64(indexOffset))
        trailer.u32(blockCount)
        trailer.u32(docCount)
        trailer.u32(UInt32(dictionaryLength))
        trailer.u32(UInt32(largestPayload))
        try sink.write(trailer)
        try sink.finish(kind: .stored)
    }

    /// Runs a job unless an earlier one failed; keeps the first failure.
    private func run(_ job: () throws(IndexError) -> Void) {
        guard failure == nil else { return }
        do throws(IndexError) { try job() } catch { failure = error }
    }
}
