/// A piece of a source that one thread reads on its own: a whole page, or one block of a JSONL file
/// together with the lines that start in it.
///
/// `TranscriptReader.units(ofSource:size:)` cuts a source into units; `TranscriptReader.read(_:bytes:)`
/// reads one on any thread; a `SourceJoiner` puts the pieces back together in order.
public struct SourceUnit: Sendable, Hashable {
    /// The source's path.
    public var path: String
    /// The block of a JSONL file, counted from 0; `nil` for a file read whole (a page).
    public var block: Int?
    /// Whether this is the last unit of its source.
    public var isLast: Bool

    /// Creates a unit.
    public init(path: String, block: Int?, isLast: Bool) {
        self.path = path
        self.block = block
        self.isLast = isLast
    }

    /// Whether this is the first unit of its source.
    public var isFirst: Bool { (block ?? 0) == 0 }
}

/// What reading one `SourceUnit` gave, before it is joined with the pieces read before it.
///
/// A JSONL block's warnings count lines from the block's first line, its statements have no ordinals yet
/// and their ids are not yet checked against earlier blocks: `SourceJoiner.join(_:)` settles all three.
public struct SourcePiece: Sendable {
    /// The unit read.
    public var unit: SourceUnit
    /// The statements, in source order.
    public var statements: [Statement]
    /// What did not stop the piece from being read.
    public var warnings: [SourceWarning]
    /// Parsed, skipped or failed; for a JSONL block, only a failure says something about the source.
    public var outcome: SourceResult.Outcome
    /// The bytes the unit owns: the whole file, or the block's bytes.
    public var byteCount: Int
    /// Which reader read the unit; `nil` when none did.
    public var reader: ReaderKind?
    /// A page's metadata with where each value came from; `nil` for JSONL blocks.
    public var metadata: PageMetadata?

    /// Each statement's id and line (0 on a page), in the order of `statements`. The joiner reads these,
    /// so a caller may take `statements` away (once analyzed) before the piece is joined.
    package var keys: [StatementKey] = []
    /// JSONL: line breaks in the block's own bytes.
    package var newlines = 0
    /// JSONL: whether the block's first line starts after a line break inside the block (it then is
    /// line breaks-before-block + 2) rather than right at the block (+ 1).
    package var startsAfterNewline = false
    /// Whether the lines that start in the block are only whitespace.
    package var isBlank = false

    /// Creates a piece with no statements.
    public init(unit: SourceUnit, outcome: SourceResult.Outcome = .parsed, byteCount: Int = 0) {
        self.unit = unit
        self.statements = []
        self.warnings = []
        self.outcome = outcome
        self.byteCount = byteCount
    }

    /// Moves the statements out of the piece, leaving their keys for the joiner: what a caller does that
    /// keeps only what it made of them (an index build keeps analyzed documents).
    package mutating func takeStatements() -> [Statement] {
        var taken: [Statement] = []
        swap(&taken, &statements)
        return taken
    }

    /// Whether the piece is line-numbered (a JSONL block), as opposed to a page.
    package var isBlock: Bool { unit.block != nil }
}

/// A JSONL statement's id and the line it was read from (in its block until joined).
package struct StatementKey: Sendable, Hashable {
    package var id: String
    package var line: Int
}
