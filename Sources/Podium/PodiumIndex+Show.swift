import SearchIndex
import SearchQuery

/// A statement opened by its id, with the statements around it in its briefing.
public struct StatementContext: Sendable {
    /// The statement asked for.
    public var statement: Statement
    /// Up to the asked number of statements of the same briefing just before it, in briefing order.
    public var before: [Statement]
    /// Up to the asked number of statements of the same briefing just after it, in briefing order.
    public var after: [Statement]
    /// The other sources that hold the same statement, in index order.
    public var copies: [StatementCopy] = []
}

extension PodiumIndex {
    /// The statement whose id is `id` (any id `search` prints), with `context` statements before and after
    /// it in its briefing; `nil` when no live statement has that id.
    ///
    /// A briefing is the statements of one source with the same date and title, in the order of their
    /// ordinals: a page's statements, or, in a JSONL file that holds many briefings, the lines of one of them.
    ///
    /// - Complexity: one term lookup per segment for the id, then one for the source; only the source's
    ///   statements of the same date are read from the store.
    /// - Throws: `.index` when a file of the index turns out damaged.
    public func statement(id: String, context: Int = 0) throws(PodiumError) -> StatementContext? {
        guard let address = try address(keyword: StatementSchema.id, term: id).first else { return nil }
        let statement = try self.statement(at: address)
        let copies = try otherCopies(of: address)
        guard context > 0 else {
            return StatementContext(statement: statement, before: [], after: [], copies: copies)
        }
        let dateKey = StatementSchema.dateKey(statement.date)
        var briefing: [Statement] = []
        for other in try self.address(keyword: StatementSchema.source, term: statement.source)
        where snapshot.segments[other.segment].date(other.document) == dateKey {
            let s = try self.statement(at: other)
            if s.title == statement.title { briefing.append(s) }
        }
        try checkDamage()
        briefing.sort { ($0.ordinal, $0.id) < ($1.ordinal, $1.id) }
        guard let at = briefing.firstIndex(where: { $0.id == statement.id }) else {
            return StatementContext(statement: statement, before: [], after: [], copies: copies)
        }
        return StatementContext(
            statement: statement,
            before: Array(briefing[max(0, at - context)..<at]),
            after: Array(briefing[min(briefing.count, at + 1)..<min(briefing.count, at + 1 + context)]),
            copies: copies
        )
    }

    /// The live statements (folded copies included) that hold `term` in the keyword field `field`, in
    /// address order.
    private func address(keyword field: FieldID, term: String) throws(PodiumError) -> [DocumentAddress] {
        var found: [DocumentAddress] = []
        do throws(IndexError) {
            for (n, segment) in snapshot.segments.enumerated() {
                guard let cursor = try segment.postings(field: field, term: term) else { continue }
                var doc = cursor.next()
                while doc != PostingsCursor.noMoreDocs {
                    if !segment.isDeleted(doc) || segment.isFolded(doc) {
                        found.append(DocumentAddress(segment: n, document: doc))
                    }
                    doc = cursor.next()
                }
                if let error = cursor.error { throw error }
            }
        } catch {
            throw PodiumError(error, index: directory)
        }
        return found
    }
}
