/// One speaker's turn: who spoke, or that a journalist asked, and the paragraphs said.
struct SpeakerTurn: Equatable {
    var role: TurnMarker.Role
    /// The speaker as the page writes it (`"MS. JEAN-PIERRE"`); `""` for `Q`, `A:`, `问：`, `答：`.
    var label: String
    var paragraphs: [String] = []
}

/// A transcript found on a page that is not in the ministry's layout: the text before the first turn, then
/// the turns in order.
///
/// A page is a transcript by what it holds, not where it comes from: at least two questions each answered
/// by a speaker (an article quoting one `Q:` is not a transcript), or at least two turns by speakers
/// named as people or offices (`THE PRESIDENT:`, `PRIME MINISTER KISHIDA:`: remarks without questions).
/// The transcript is the smallest element that holds nine in ten of the turns' paragraphs, so a sidebar
/// quoting a question does not widen it to the whole page.
struct TranscriptBody: Equatable {
    /// Paragraphs before the first turn: a place and a time line, or a spokesperson's opening notes.
    var preamble: [String] = []
    var turns: [SpeakerTurn] = []
    /// The paragraphs of the transcript's element, for what is decided from the page's text (its language).
    var blocks: [TextBlock] = []
    /// The page's other paragraphs that are not links (a byline, "Paul Renner, Department Spokesperson"):
    /// they may name the speakers in full.
    var context: [String] = []

    /// The fewest answered questions that make a transcript.
    static let minimumAnsweredQuestions = 2
    /// The fewest turns by named speakers that make a transcript without questions.
    static let minimumNamedTurns = 2

    /// The transcript on the page `tree` holds, or `nil` when the page does not read as one.
    init?(_ tree: ArticleTree) {
        var found: [[MarkerAt]] = []
        found.reserveCapacity(tree.blocks.count)
        var answered = 0
        var named = 0
        var previous: TurnMarker.Role?
        var markedBlocks = 0
        for block in tree.blocks {
            let markers = Self.markers(in: block.text)
            found.append(markers)
            if !markers.isEmpty { markedBlocks += 1 }
            for marker in markers.map(\.marker) {
                if marker.role == .answer, previous == .question { answered += 1 }
                if marker.role == .answer, marker.namesPerson { named += 1 }
                previous = marker.role
            }
        }
        guard answered >= Self.minimumAnsweredQuestions || named >= Self.minimumNamedTurns else { return nil }
        let container = Self.container(tree, found: found, markedBlocks: markedBlocks)
        let spokenLabels = Set(found.joined().filter { $0.marker.textStart < $0.end }.map(\.marker.label))
        for (index, block) in tree.blocks.enumerated() {
            if found[index].isEmpty, block.linkCharacters * 2 >= block.characters { continue }  // a link
            guard container.contains(Int(block.node)) else {
                context.append(block.text.text)
                continue
            }
            blocks.append(block.text)
            read(block.text, markers: found[index], spokenLabels: spokenLabels)
        }
    }

    /// A marker and the end of the text it opens in its block.
    private struct MarkerAt {
        var offset: Int
        var end: Int
        var marker: TurnMarker
    }

    /// The markers of a block: one opening it, and any inside it after a no-break space, after a line feed
    /// that ends a sentence (`…the President has said?⏎MS. PSAKI:  This is…`), or after any space when the
    /// marker is a person's title and name or `MODERATOR:` (`5:19 P.M. EDT MODERATOR:  Thanks…`).
    private static func markers(in block: TextBlock) -> [MarkerAt] {
        let bytes = block.bytes
        var markers: [MarkerAt] = []
        if let marker = TurnMarker(bytes, at: 0), !(block.startsBold && !marker.namesPerson && marker.role == .answer) {
            markers.append(MarkerAt(offset: 0, end: bytes.count, marker: marker))
        }
        var breaks = block.breaks[...]
        var i = 1
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x20, i + 1 < bytes.count else { continue }
            let offset = i + 1
            while let next = breaks.first, Int(next.offset) < offset { breaks.removeFirst() }
            let textBreak = breaks.first.flatMap { Int($0.offset) == offset ? $0 : nil }
            let first = bytes[offset]
            guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") || first >= 0xC3 else { continue }
            if let last = markers.last, offset < last.marker.textStart { continue }
            let sentenceEnds = endsSentence(bytes, before: i)
            let honorific = first == UInt8(ascii: "M") || first == UInt8(ascii: "D")  // `…that MS. PSAKI:  Well…`
            guard textBreak != nil || sentenceEnds || honorific, let marker = TurnMarker(bytes, at: offset) else {
                continue
            }
            let accepted =
                textBreak?.noBreakSpace == true || textBreak != nil && sentenceEnds
                || marker.isDistinctive
                    && (textBreak != nil || sentenceEnds || marker.opensWithHonorific || marker.role == .moderator)
            guard accepted else { continue }
            if !markers.isEmpty { markers[markers.count - 1].end = i }
            markers.append(MarkerAt(offset: offset, end: bytes.count, marker: marker))
        }
        return markers
    }

    /// Whether the character before the space at `space` ends a sentence or a turn cut short.
    private static func endsSentence(_ bytes: [UInt8], before space: Int) -> Bool {
        let last = bytes[space - 1]
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ")"), UInt8(ascii: "\""):
            return true
        case 0x94, 0x93, 0x9D, 0xA6:  // —, –, ”, …
            return space >= 3 && bytes[space - 3] == 0xE2 && bytes[space - 2] == 0x80
        default:
            return false
        }
    }

    /// The nodes of the smallest element holding nine in ten of the marked blocks.
    private static func container(_ tree: ArticleTree, found: [[MarkerAt]], markedBlocks: Int) -> Range<Int> {
        let nodes = tree.nodes
        var counts = [Int](repeating: 0, count: nodes.count)
        for (index, block) in tree.blocks.enumerated() where !found[index].isEmpty {
            var node = Int(block.node)
            while node >= 0 {
                counts[node] += 1
                node = Int(nodes[node].parent)
            }
        }
        let needed = (markedBlocks * 9 + 9) / 10
        var depth = [Int](repeating: 0, count: nodes.count)
        var chosen = 0
        for i in 1..<nodes.count {
            depth[i] = depth[Int(nodes[i].parent)] + 1
            if counts[i] >= needed, depth[i] > depth[chosen] { chosen = i }
        }
        var end = chosen + 1
        while end < nodes.count, depth[end] > depth[chosen] { end += 1 }
        return chosen..<end
    }

    /// Files a block's text: before its first marker into the turn going on (or the preamble), then each
    /// marker's text into a turn of its own.
    private mutating func read(_ block: TextBlock, markers: [MarkerAt], spokenLabels: Set<String>) {
        let bytes = block.bytes
        let lead = markers.first?.offset ?? bytes.count
        if lead > 0 { append(Self.text(bytes, lead == bytes.count ? 0..<lead : 0..<(lead - 1))) }
        for found in markers {
            let marker = found.marker
            let text = Self.text(bytes, min(marker.textStart, found.end)..<found.end)
            // A label alone in its paragraph that no one speaks under elsewhere is a heading
            // (`NOMINATIONS SENT TO THE SENATE:`), as is one in bold capitals.
            if text.isEmpty, markers.count == 1, marker.role == .answer,
                block.isAllBold || !spokenLabels.contains(marker.label)
            {
                append(block.text)
                continue
            }
            turns.append(SpeakerTurn(role: marker.role, label: marker.label))
            append(text)
        }
    }

    private mutating func append(_ paragraph: String) {
        guard !paragraph.isEmpty else { return }
        if turns.isEmpty {
            preamble.append(paragraph)
        } else {
            turns[turns.count - 1].paragraphs.append(paragraph)
        }
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var range = range
        while !range.isEmpty, bytes[range.upperBound - 1] == 0x20 { range = range.lowerBound..<(range.upperBound - 1) }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
