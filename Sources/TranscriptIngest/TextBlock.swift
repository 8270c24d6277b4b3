/// One paragraph (or `<br>`-separated line) of a page body, as clean UTF-8 text, with where its bold
/// lead-in ends. Speaker markers are read from it; the splitter turns blocks into statements.
struct TextBlock: Sendable, Equatable {
    /// Clean text: single spaces, no leading or trailing space, no control characters.
    var bytes: [UInt8]
    /// Whether the first character is bold (`<b>`, `<strong>`).
    var startsBold: Bool
    /// The byte offset where the leading bold run ends (0 when the block does not start bold). Whitespace
    /// between bold pieces does not end the run, so `<B>CCTV: </B><B>Could you…</B>` is bold throughout.
    var boldPrefixEnd: Int
    /// How many bytes of the text are bold, wherever they are.
    var boldByteCount: Int
    /// Where the page had a line feed or a no-break space in a run of whitespace that became one space,
    /// when the builder was asked to note them: a speaker's turn may start there inside a paragraph.
    var breaks: [TextBreak] = []

    /// Whether at least four fifths of the text is bold: a question whose lead-in lost its `<b>` to
    /// mis-nested markup (`<P>Xinhua News Agency: </SPAN></B><B>On May 25…`) still reads as bold.
    var isMostlyBold: Bool { boldByteCount * 5 >= bytes.count * 4 }

    /// Whether the whole block is bold.
    var isAllBold: Bool { startsBold && boldPrefixEnd >= bytes.count }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A place inside a block where the page's whitespace held a line feed or a no-break space.
struct TextBreak: Sendable, Equatable {
    /// The byte offset of the first character after the space.
    var offset: Int32
    /// Whether the whitespace held a no-break space (else only a line feed): transcripts that run several
    /// turns into one paragraph set each turn off with one.
    var noBreakSpace: Bool
}

/// Accumulates text nodes into clean blocks.
///
/// Whitespace (ASCII, U+00A0, U+3000, and literal `&nbsp;` left by double-escaped pages) collapses to one
/// space, and a space is written only where the page has whitespace: `warm</SPAN><SPAN>ly` stays `warmly`.
/// C1 controls (U+0080–U+009F, the mark of windows-1252 text read as Latin-1) become the characters
/// windows-1252 means by them; other control characters, zero-width spaces and byte-order marks are dropped.
struct BlockBuilder {
    private(set) var blocks: [TextBlock] = []
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    private var startsBold = false
    private var boldOpen = false
    private var boldEnd = 0
    private var boldCount = 0
    /// Whether line feeds and no-break spaces inside a block are noted as `TextBlock.breaks`.
    private let notesBreaks: Bool
    private var breaks: [TextBreak] = []
    /// What the pending whitespace held: 0 nothing to note, 1 a line feed, 2 a no-break space.
    private var pendingBreak: UInt8 = 0

    init(notingBreaks: Bool = false) {
        notesBreaks = notingBreaks
        bytes.reserveCapacity(1024)
    }

    /// Ends the current block (a `<p>`, `<div>` or `<br>` boundary). Empty blocks are dropped.
    mutating func endBlock() {
        pendingSpace = false
        guard !bytes.isEmpty else { return }
        blocks.append(
            TextBlock(
                bytes: bytes,
                startsBold: startsBold,
                boldPrefixEnd: startsBold ? boldEnd : 0,
                boldByteCount: boldCount,
                breaks: breaks
            )
        )
        bytes.removeAll(keepingCapacity: true)
        if !breaks.isEmpty { breaks.removeAll() }
        pendingBreak = 0
        startsBold = false
        boldOpen = false
        boldEnd = 0
        boldCount = 0
    }

    /// Ends the current block and hands it over instead of keeping it; `nil` when it was empty.
    mutating func takeBlock() -> TextBlock? {
        let count = blocks.count
        endBlock()
        return blocks.count > count ? blocks.popLast() : nil
    }

    /// The number of bytes of the current block written so far.
    var pendingCount: Int { bytes.count }

    /// Marks a soft boundary that separates words without ending the block (a `<td>` in a title, say).
    mutating func space() {
        pendingSpace = true
        pendingBreak = 0
    }

    /// Appends the NUL-terminated UTF-8 text of one text node.
    mutating func append(_ text: UnsafePointer<UInt8>, bold: Bool) {
        var i = 0
        while true {
            let b = text[i]
            if b == 0 { return }
            if b < 0x80 {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                    pendingSpace = true
                    if b == 0x0A, notesBreaks, pendingBreak == 0 { pendingBreak = 1 }
                    i &+= 1
                    continue
                }
                if b < 0x20 || b == 0x7F {
                    i &+= 1
                    continue
                }
                if b == UInt8(ascii: "&"), isNBSPEntity(text, at: i) {
                    pendingSpace = true
                    if notesBreaks { pendingBreak = 2 }
                    i &+= 6
                    continue
                }
                emit(bold: bold)
                // The visible ASCII that follows needs nothing but copying: once emitted, a run is one append.
                var end = i &+ 1
                while text[end] > 0x20, text[end] < 0x7F, text[end] != UInt8(ascii: "&") { end &+= 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(start: text + i, count: end &- i))
                if bold {
                    boldCount &+= end &- i
                    if boldOpen { boldEnd = bytes.count }
                }
                i = end
                continue
            }
            // Multi-byte UTF-8 (libxml2 hands out valid UTF-8).
            let length: Int = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            for k in 1..<length where text[i + k] == 0 { return }  // truncated sequence: stop at the NUL
            if b == 0xC2, text[i + 1] == 0xA0 {
                pendingSpace = true
                if notesBreaks { pendingBreak = 2 }
            } else if b == 0xC2, text[i + 1] < 0xA0 {
                let scalar = ByteText.windows1252Scalar(text[i + 1])
                if scalar != 0xFFFD {
                    emit(bold: bold)
                    ByteText.appendUTF8(of: scalar, to: &bytes)
                    if bold {
                        boldCount &+= 2
                        if boldOpen { boldEnd = bytes.count }
                    }
                }
            } else if b == 0xE3, text[i + 1] == 0x80, text[i + 2] == 0x80 {
                pendingSpace = true
            } else if b == 0xE2, text[i + 1] == 0x80, text[i + 2] <= 0x8A || text[i + 2] == 0xAF {
                pendingSpace = true  // U+2000…U+200A en, em, thin spaces; U+202F narrow no-break space
            } else if b == 0xE2, text[i + 1] == 0x81, text[i + 2] == 0x9F {
                pendingSpace = true  // U+205F medium mathematical space
            } else if b == 0xE2, text[i + 1] == 0x80, text[i + 2] >= 0x8B, text[i + 2] <= 0x8D {
                // U+200B…U+200D zero-width characters: nothing to show, nothing to index.
            } else if b == 0xEF, text[i + 1] == 0xBB, text[i + 2] == 0xBF {
                // U+FEFF byte-order mark inside text.
            } else if b == 0xE2, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
                pendingSpace = true  // U+2028/U+2029 line and paragraph separators
            } else {
                emit(bold: bold)
                for k in 0..<length { bytes.append(text[i + k]) }
                if bold {
                    boldCount &+= length
                    if boldOpen { boldEnd = bytes.count }
                }
            }
            i &+= length
        }
    }

    /// Writes the pending space, if any, and tracks the bold lead-in before a visible character.
    @inline(__always)
    private mutating func emit(bold: Bool) {
        if bytes.isEmpty {
            startsBold = bold
            boldOpen = bold
            pendingSpace = false
            pendingBreak = 0
            return
        }
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
            if pendingBreak != 0 {
                breaks.append(TextBreak(offset: Int32(bytes.count), noBreakSpace: pendingBreak == 2))
                pendingBreak = 0
            }
        }
        if boldOpen, !bold {
            boldOpen = false
            // The run ends before this character; a space written just now belongs to neither side.
        }
    }

    @inline(__always)
    private func isNBSPEntity(_ text: UnsafePointer<UInt8>, at i: Int) -> Bool {
        text[i + 1] == UInt8(ascii: "n") && text[i + 2] == UInt8(ascii: "b") && text[i + 3] == UInt8(ascii: "s")
            && text[i + 4] == UInt8(ascii: "p") && text[i + 5] == UInt8(ascii: ";")
    }

    /// All blocks' text joined by single spaces: for titles, dates and breadcrumbs.
    var joinedText: String {
        var all: [UInt8] = []
        for block in blocks {
            if !all.isEmpty { all.append(0x20) }
            all.append(contentsOf: block.bytes)
        }
        if !bytes.isEmpty {
            if !all.isEmpty { all.append(0x20) }
            all.append(contentsOf: bytes)
        }
        return String(decoding: all, as: UTF8.self)
    }
}
