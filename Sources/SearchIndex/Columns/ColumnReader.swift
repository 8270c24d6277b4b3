/// Reads one column of a segment's `.col` file: a keyword column's ordinal for a document and the values
/// its ordinals name, or an `int64` column's value.
///
/// A value type over the mapping, valid while its segment is open: the loops that read a column for every
/// match pay no reference counting. Ordinals and numbers are read by loops that cannot throw; their page is
/// checked first and a damaged one is recorded for `IndexSnapshot.checkDamage()`, as dates are.
public struct ColumnReader {
    /// What the column holds.
    public let kind: ColumnField.Kind
    /// Keyword columns: the number of distinct values in this segment; ordinals run `1...valueCount`.
    public let valueCount: Int
    private let width: Int
    private let base: UnsafeRawPointer
    private let section: Int
    private let endsOffset: Int
    private let valuesOffset: Int
    private let valuesLength: Int
    private let pages: PageCheck
    /// The file, for error messages: not retained (the segment keeps it mapped), so that the reader is a
    /// plain value that copies without reference counting in the loops that read it per match.
    private unowned(unsafe) let file: MappedFile

    /// Reads entry `index` of the header of `file` (`maxDoc` documents) and checks that its section fits.
    init(file: MappedFile, index: Int, field: ColumnField, maxDoc: Int) throws(IndexError) {
        let entry = ColumnFile.headerSize + ColumnFile.entrySize * index
        try file.check(entry, ColumnFile.entrySize)
        let base = file.base
        let code = base.load(fromByteOffset: entry, as: UInt8.self)
        let width = Int(base.load(fromByteOffset: entry + 1, as: UInt8.self))
        let count = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: entry + 4, as: UInt32.self)))
        let offset = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self))
        let length = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: entry + 16, as: UInt64.self))
        let damaged = IndexError.corrupted(file.name, "column '\(field.name)' is described inconsistently")
        guard code == ColumnFile.code(field.kind), offset <= UInt64(file.dataLength),
            length <= UInt64(file.dataLength) - offset
        else { throw damaged }
        let fixed: Int
        if field.kind == .keyword {
            guard width == 1 || width == 2 || width == 4, count < Int(UInt32.max) else { throw damaged }
            fixed = maxDoc * width + 4 * count
        } else {
            guard width == 8, count == 0 else { throw damaged }
            fixed = maxDoc * 8
        }
        guard UInt64(fixed) <= length, field.kind == .keyword || UInt64(fixed) == length else { throw damaged }
        kind = field.kind
        valueCount = count
        self.width = width
        self.base = base
        section = Int(offset)
        endsOffset = Int(offset) + maxDoc * width
        valuesOffset = endsOffset + 4 * count
        valuesLength = Int(length) - fixed
        pages = file.pageCheck
        self.file = file
    }

    /// A keyword column's ordinal for `doc`: 0 when it has no value, else `1...valueCount`.
    @inline(__always)
    public func ordinal(_ doc: Int32) -> UInt32 {
        let at = section &+ Int(doc) &* width
        _ = pages.isIntact(at, width)
        switch width {
        case 1: return UInt32(base.load(fromByteOffset: at, as: UInt8.self))
        case 2: return UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
        default: return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
    }

    /// Adds one to `counts[ordinal(doc)]` for every document of `docs`: a facet's count over a segment's
    /// matches in one call, the loop inlined. `counts` must hold `valueCount + 1` entries.
    public func countOrdinals(of docs: UnsafeBufferPointer<Int32>, into counts: UnsafeMutableBufferPointer<Int>) {
        precondition(counts.count > valueCount, "one count per ordinal and one for none")
        for doc in docs {
            let ordinal = Int(self.ordinal(doc))
            if ordinal < counts.count { counts[ordinal] &+= 1 }
        }
    }

    /// A keyword column's value named by `ordinal` (`1...valueCount`).
    ///
    /// - Throws: `.corrupted` when the value's bytes are damaged or out of place.
    public func value(ofOrdinal ordinal: UInt32) throws(IndexError) -> String {
        let k = Int(ordinal)
        guard k >= 1, k <= valueCount else {
            throw IndexError.corrupted(file.name, "an ordinal names no value")
        }
        let endAt = endsOffset + 4 * (k - 1)
        try pages(endAt - 4 * (k > 1 ? 1 : 0), k > 1 ? 8 : 4)
        let end = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: endAt, as: UInt32.self)))
        let start =
            k > 1 ? Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: endAt - 4, as: UInt32.self))) : 0
        guard start <= end, end <= valuesLength else {
            throw IndexError.corrupted(file.name, "a column value is out of place")
        }
        try pages(valuesOffset + start, end - start)
        let bytes = UnsafeRawBufferPointer(start: base + valuesOffset + start, count: end - start)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An `int64` column's value for `doc`.
    @inline(__always)
    public func int64(_ doc: Int32) -> Int64 {
        let at = section &+ Int(doc) &* 8
        _ = pages.isIntact(at, 8)
        return Int64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: Int64.self))
    }

    /// Whether an `int64` column holds any value but 0 (`false` for a keyword column), its pages checked
    /// once: a whole column read in a few instructions per document, not a page check per value.
    ///
    /// - Throws: `.corrupted` when a page of the column is damaged.
    public func containsNonzero() throws(IndexError) -> Bool {
        guard kind == .int64, endsOffset > section else { return false }
        guard pages.isIntact(section, endsOffset - section) else {
            throw IndexError.corrupted(file.name, "a page does not match its checksum")
        }
        var at = section
        var any: UInt64 = 0
        while at < endsOffset {
            any |= base.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            at += 8
        }
        return any != 0
    }

    /// Checks that every value of a keyword column lies in place and the ordinals name values.
    func validate(maxDoc: Int) throws(IndexError) {
        guard kind == .keyword else { return }
        var previous: UInt32 = 0
        for k in 0..<valueCount {
            let end = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: endsOffset + 4 * k, as: UInt32.self))
            guard end >= previous, Int(end) <= valuesLength else {
                throw IndexError.corrupted(file.name, "a column's value offsets are out of order")
            }
            previous = end
        }
        guard Int(previous) == valuesLength else {
            throw IndexError.corrupted(file.name, "a column's values do not fill its section")
        }
        for doc in 0..<maxDoc where ordinal(Int32(doc)) > UInt32(valueCount) {
            throw IndexError.corrupted(file.name, "an ordinal names no value")
        }
    }
}
