/// One pass over UTF-8 bytes that appends tokens to a ``TokenBuffer``, following the grammar described
/// on ``Analyzer``.
///
/// Bytes are decoded one scalar at a time (ASCII letters and digits in a tight loop); a word's term is
/// built in `scratch`, stemmed there through the buffer's stem cache, and copied to the arena once. A word
/// longer than ``maximumWordBytes`` is cut into pieces of at most that length, and an acronym stops at
/// ``maximumAcronymLetters``, so every token is bounded and a 10 MB text without spaces costs one linear pass.
struct Tokenizer {
    /// The longest surface a word token may have, in bytes.
    static let maximumWordBytes = 64
    /// The most letters a dotted acronym may have.
    static let maximumAcronymLetters = 16

    let p: UnsafePointer<UInt8>
    let n: Int
    let stems: Bool
    /// Where a word's term is built before it goes to the arena; ``scratchCapacity`` bytes.
    let scratch: UnsafeMutablePointer<UInt8>
    var out: TokenBuffer
    /// The position the next token takes.
    var position = 0
    /// Whether nothing but joiners stands between the last token and the scan point.
    var joined = false

    /// Room for the longest term a word of ``maximumWordBytes`` can fold to.
    static let scratchCapacity = 1024

    init(bytes: UnsafePointer<UInt8>, count: Int, stems: Bool, scratch: UnsafeMutablePointer<UInt8>, out: TokenBuffer) {
        self.p = bytes
        self.n = count
        self.stems = stems
        self.scratch = scratch
        self.out = out
    }

    /// Tokenizes the whole input.
    mutating func run() {
        var i = 0
        while i < n {
            let d = ScalarClassifier.decode(p, i, n)
            switch d.kind {
            case .letter, .digit:
                i = scanWord(from: i)
            case .cjk:
                i = scanCJK(from: i)
            case .hyphen where joined && startsWord(at: i + d.length):
                // The hyphen of a compound: the next word stays joined to the last one.
                i += d.length
            default:
                i += d.length
                joined = false
            }
        }
    }

    // MARK: - Emitting

    /// Appends a token whose term is `arena[termStart...]` and advances the position.
    @inline(__always)
    mutating func emit(termStart: Int, start: Int, end: Int) {
        out.entries.append(
            TokenBuffer.Entry(
                termStart: termStart,
                termLength: Int32(out.arena.count - termStart),
                isJoinedToPrevious: joined,
                position: position,
                start: start,
                end: end
            )
        )
        position += 1
        joined = true
    }

    // MARK: - Lookahead

    /// Whether a letter or digit (not CJK) starts at `i`.
    @inline(__always)
    func startsWord(at i: Int) -> Bool {
        guard i < n else { return false }
        let kind = ScalarClassifier.decode(p, i, n).kind
        return kind == .letter || kind == .digit
    }

    /// Whether a letter, digit or combining mark starts at `i`: something that would continue a word.
    @inline(__always)
    func continuesWord(at i: Int) -> Bool {
        guard i < n else { return false }
        let kind = ScalarClassifier.decode(p, i, n).kind
        return kind == .letter || kind == .digit || kind == .mark
    }

    @inline(__always)
    func isASCIILetter(_ i: Int) -> Bool {
        i < n && (p[i] | 0x20) >= 0x61 && (p[i] | 0x20) <= 0x7A
    }

    // MARK: - CJK

    /// Emits the bigrams of the CJK run at `s` and returns where the run ends.
    mutating func scanCJK(from s: Int) -> Int {
        var previous = s
        var i = s + ScalarClassifier.decode(p, s, n).length
        var characters = 1
        while i < n {
            let d = ScalarClassifier.decode(p, i, n)
            guard d.kind == .cjk else { break }
            let termStart = out.arena.count
            out.arena.append(contentsOf: UnsafeBufferPointer(start: p + previous, count: i + d.length - previous))
            emit(termStart: termStart, start: previous, end: i + d.length)
            previous = i
            i += d.length
            characters += 1
        }
        if characters == 1 {
            let termStart = out.arena.count
            out.arena.append(contentsOf: UnsafeBufferPointer(start: p + s, count: i - s))
            emit(termStart: termStart, start: s, end: i)
        }
        return i
    }
}
