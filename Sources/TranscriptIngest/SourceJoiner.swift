/// Puts the pieces of one source, read apart and handed over in order, back together into what one read
/// of the whole source gives.
///
/// For a JSONL file it numbers lines across blocks (a warning says the line of the file), drops a statement
/// whose id an earlier line already had (with a warning, wherever the two lines are), and numbers the
/// statements it keeps; a file whose every line is blank is skipped as empty. A page is one piece and
/// passes through. One joiner serves one source; it is not shared between threads.
public struct SourceJoiner {
    /// Statements kept so far.
    public private(set) var statementCount = 0
    /// Bytes of the pieces joined so far.
    public private(set) var byteCount = 0
    private var outcome: SourceResult.Outcome = .parsed
    private var newlinesBefore = 0
    private var seen: Set<String> = []
    private var isBlank = true
    private var isBlockwise = false
    /// Which reader read the source (the first piece that says).
    public private(set) var reader: ReaderKind?

    /// Creates a joiner for one source.
    public init() {}

    /// How reading the source ended, once its last piece was joined: parsed, skipped (for a JSONL file,
    /// as empty when every line is blank) or failed (when any piece failed).
    public var sourceOutcome: SourceResult.Outcome {
        if case .parsed = outcome, isBlockwise, isBlank { return .skipped(.empty) }
        return outcome
    }

    /// Settles `piece`, the next piece of the source: warnings get their line numbers in the file, a
    /// statement with an id seen before is dropped with a warning in its place, and the kept statements are
    /// numbered on from the pieces before (JSONL; a page's statements keep their own ordinals).
    ///
    /// - Returns: the positions, in the piece as read, of the statements kept, so that a caller that let
    ///   `statements` go after analyzing them knows which of its results to keep.
    @discardableResult
    public mutating func join(_ piece: inout SourcePiece) -> [Int] {
        byteCount += piece.byteCount
        if reader == nil { reader = piece.reader }
        switch piece.outcome {
        case .parsed: break
        case .skipped: if !piece.isBlock { outcome = piece.outcome }
        case .failed: outcome = piece.outcome
        }
        guard piece.isBlock else {
            statementCount += piece.keys.count
            return Array(piece.keys.indices)
        }
        isBlockwise = true
        if !piece.isBlank { isBlank = false }
        let shift = newlinesBefore + (piece.startsAfterNewline ? 1 : 0)
        newlinesBefore += piece.newlines
        var kept: [Int] = []
        kept.reserveCapacity(piece.keys.count)
        var duplicates: [StatementKey] = []
        for (position, key) in piece.keys.enumerated() {
            if seen.insert(key.id).inserted {
                kept.append(position)
            } else {
                duplicates.append(StatementKey(id: key.id, line: key.line + shift))
            }
        }
        if shift != 0 {
            for k in piece.warnings.indices { piece.warnings[k].line = piece.warnings[k].line.map { $0 + shift } }
        }
        if !duplicates.isEmpty {
            piece.warnings = Self.merging(piece.warnings, duplicates: duplicates, source: piece.unit.path)
            piece.keys = kept.map { piece.keys[$0] }
            if !piece.statements.isEmpty { piece.statements = kept.map { piece.statements[$0] } }
        }
        for k in piece.statements.indices { piece.statements[k].ordinal = statementCount + k + 1 }
        statementCount += kept.count
        return kept
    }

    /// `warnings` with a warning for each duplicate in line order, in place of any other warning of the
    /// same line (a date note: a line read whole would have been skipped before its date was looked at).
    private static func merging(
        _ warnings: [SourceWarning],
        duplicates: [StatementKey],
        source: String
    ) -> [SourceWarning] {
        let dropped = Set(duplicates.map(\.line))
        var merged: [SourceWarning] = []
        merged.reserveCapacity(warnings.count + duplicates.count)
        var next = 0
        for warning in warnings {
            let line = warning.line ?? 0
            while next < duplicates.count, duplicates[next].line < line {
                merged.append(duplicateWarning(duplicates[next], source: source))
                next += 1
            }
            if !dropped.contains(line) { merged.append(warning) }
        }
        for duplicate in duplicates[next...] { merged.append(duplicateWarning(duplicate, source: source)) }
        return merged
    }

    private static func duplicateWarning(_ key: StatementKey, source: String) -> SourceWarning {
        SourceWarning(source: source, line: key.line, message: "duplicate id '\(key.id)'; line skipped")
    }
}
