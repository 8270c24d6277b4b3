/// Where a term's postings are, as the term dictionary records it.
public struct TermInfo: Sendable, Equatable {
    /// Documents containing the term in this segment (deleted ones included).
    public var docFreq: Int
    package var docStart: Int
    package var posStart: Int
}

/// Reads a `.tim` file in place: binary search over the block index, then a scan of one front-coded block.
package final class TermDictionary: @unchecked Sendable {
    package let file: MappedFile
    /// The file's page check, retaining nothing in the binary search.
    private let pages: PageCheck
    private let indexStart: Int
    private let keysStart: Int
    private let keysEnd: Int
    package let blockCount: Int
    package let termCount: Int
    private static let trailerSize = 28
    private static let entrySize = 16

    package init(file: MappedFile) throws(IndexError) {
        self.file = file
        pages = file.pageCheck
        let end = file.dataLength
        guard end >= TermDictionary.trailerSize else { throw IndexError.corrupted(file.name, "it has no trailer") }
        try pages(end - TermDictionary.trailerSize, TermDictionary.trailerSize)
        var r = file.reader(from: end - TermDictionary.trailerSize)
        do throws(DecodeFailure) {
            indexStart = Int(try r.u64())
            keysStart = Int(try r.u64())
            blockCount = Int(try r.u32())
            termCount = Int(try r.u64())
        } catch { throw IndexError.corrupted(file.name, error.detail) }
        keysEnd = end - TermDictionary.trailerSize
        guard indexStart >= 0, indexStart <= keysStart, keysStart <= keysEnd,
            keysStart - indexStart == blockCount * TermDictionary.entrySize,
            termCount >= blockCount, blockCount > 0 || termCount == 0
        else { throw IndexError.corrupted(file.name, "its block index is inconsistent") }
    }

    private func entryField(_ block: Int, _ byte: Int, as: UInt32.Type) -> Int {
        Int(
            UInt32(
                littleEndian: file.base.loadUnaligned(
                    fromByteOffset: indexStart + block * TermDictionary.entrySize + byte,
                    as: UInt32.self
                )
            )
        )
    }

    private func blockStart(_ block: Int) -> Int {
        Int(
            truncatingIfNeeded: UInt64(
                littleEndian: file.base.loadUnaligned(
                    fromByteOffset: indexStart + block * TermDictionary.entrySize,
                    as: UInt64.self
                )
            )
        )
    }

    private func blockEnd(_ block: Int) -> Int { block + 1 < blockCount ? blockStart(block + 1) : indexStart }

    /// Checks the pages of block `block`'s entry in the block index before it is read.
    @inline(__always)
    private func checkEntry(_ block: Int) throws(IndexError) {
        try pages(indexStart + block * TermDictionary.entrySize, TermDictionary.entrySize)
    }

    private func firstKey(_ block: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        try checkEntry(block)
        let offset = entryField(block, 8, as: UInt32.self)
        let length = entryField(block, 12, as: UInt32.self)
        guard keysStart + offset + length <= keysEnd else {
            throw IndexError.corrupted(file.name, "a block's first key lies outside the file")
        }
        try pages(keysStart + offset, length)
        return UnsafeRawBufferPointer(start: file.base + keysStart + offset, count: length)
    }

    /// The last block whose first key is ≤ `key`, or `nil` if `key` sorts before every term.
    private func findBlock(_ key: UnsafeRawBufferPointer) throws(IndexError) -> Int? {
        var low = 0
        var high = blockCount - 1
        var found: Int? = nil
        while low <= high {
            let mid = (low + high) / 2
            if TermDictionary.compare(try firstKey(mid), key) <= 0 {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return found
    }

    package static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// The term's postings location, or `nil` when the segment does not have it.
    ///
    /// - Parameter key: the field byte followed by the term bytes.
    /// - Complexity: O(log blocks + 32).
    package func lookup(_ key: UnsafeRawBufferPointer) throws(IndexError) -> TermInfo? {
        guard termCount > 0, let block = try findBlock(key) else { return nil }
        var iterator = try TermIterator(dictionary: self, block: block)
        while try iterator.next() {
            let c = iterator.key.withUnsafeBytes { TermDictionary.compare($0, key) }
            if c == 0 { return iterator.info }
            if c > 0 { return nil }
        }
        return nil
    }

    /// An iterator positioned before the first term ≥ `key` could be (the start of its block).
    package func iterator(from key: UnsafeRawBufferPointer) throws(IndexError) -> TermIterator {
        try TermIterator(dictionary: self, block: termCount == 0 ? blockCount : (try findBlock(key) ?? 0))
    }

    /// An iterator over every term in order.
    package func iterator() throws(IndexError) -> TermIterator {
        try TermIterator(dictionary: self, block: 0)
    }

    /// Walks terms in key order, block by block.
    package struct TermIterator {
        private let dictionary: TermDictionary
        private var block: Int
        private var reader: RawReader
        private var left = 0
        private var docStart = 0
        private var posStart = 0
        /// The current key (field byte + term bytes).
        package private(set) var key: [UInt8] = []
        package private(set) var info = TermInfo(docFreq: 0, docStart: 0, posStart: 0)

        init(dictionary: TermDictionary, block: Int) throws(IndexError) {
            self.dictionary = dictionary
            self.block = block
            reader = dictionary.file.reader(from: 0, to: 0)
            try openBlock()
        }

        private mutating func openBlock() throws(IndexError) {
            guard block < dictionary.blockCount else {
                left = 0
                return
            }
            try dictionary.checkEntry(block)
            if block + 1 < dictionary.blockCount { try dictionary.checkEntry(block + 1) }
            let start = dictionary.blockStart(block)
            let end = dictionary.blockEnd(block)
            guard start >= 0, start <= end, end <= dictionary.indexStart else {
                throw IndexError.corrupted(dictionary.file.name, "a term block lies outside the file")
            }
            try dictionary.pages(start, end - start)
            reader = dictionary.file.reader(from: start, to: end)
            do throws(DecodeFailure) {
                left = try reader.vint(max: 1 << 20)
                docStart = try reader.vint(max: Int(Int32.max) * 256)
                posStart = try reader.vint(max: Int(Int32.max) * 256)
            } catch { throw IndexError.corrupted(dictionary.file.name, error.detail) }
            key.removeAll(keepingCapacity: true)
            guard left > 0 else { throw IndexError.corrupted(dictionary.file.name, "a term block is empty") }
        }

        /// Moves to the next term; `false` at the end of the dictionary.
        package mutating func next() throws(IndexError) -> Bool {
            while left == 0 {
                guard block < dictionary.blockCount else { return false }
                block += 1
                guard block < dictionary.blockCount else { return false }
                try openBlock()
            }
            do throws(DecodeFailure) {
                let shared = try reader.vint(max: key.count)
                let suffix = try reader.vint(max: IndexFormat.maxTermLength + 1)
                let bytes = try reader.bytes(suffix)
                // Byte by byte: terms are short, and the generic range calls cost more than the copy (a scan of
                // every CJK term for the bigrams that end with a character spends its time here).
                key.removeLast(key.count - shared)
                for byte in bytes { key.append(byte) }
                let docFreq = try reader.vint(max: Int(Int32.max))
                docStart += try reader.vint(max: Int(Int32.max) * 256)
                posStart += try reader.vint(max: Int(Int32.max) * 256)
                guard docFreq > 0 else { throw DecodeFailure.malformed("a term has no documents") }
                info = TermInfo(docFreq: docFreq, docStart: docStart, posStart: posStart)
            } catch { throw IndexError.corrupted(dictionary.file.name, error.detail) }
            left -= 1
            return true
        }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
