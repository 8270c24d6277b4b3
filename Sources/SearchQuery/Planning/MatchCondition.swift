/// The matching condition of a plan.
indirect enum MatchCondition: Hashable {
    /// The clause occurs in the statement.
    case clause(Int)
    case any([MatchCondition])
    case all([MatchCondition])
    case not(MatchCondition)
    case date(DateRange)
    case matchAll
    case matchNone

    /// Clause indexes such that any matching statement contains at least one of them, cheapest choice
    /// first; `nil` when no such set exists (negations, dates, match-all). This is what lets the search
    /// generate candidates from postings instead of scanning every statement.
    func necessaryClauses(cost: (Int) -> Int) -> [Int]? {
        switch self {
        case .clause(let index): return [index]
        case .any(let children):
            var union: [Int] = []
            for child in children {
                guard let set = child.necessaryClauses(cost: cost) else { return nil }
                union.append(contentsOf: set)
            }
            return Array(Set(union)).sorted()
        case .all(let children):
            let sets = children.compactMap { $0.necessaryClauses(cost: cost) }
            return sets.min { a, b in a.reduce(0) { $0 + cost($1) } < b.reduce(0) { $0 + cost($1) } }
        case .matchNone: return []
        case .not, .date, .matchAll: return nil
        }
    }

    /// The groups candidates must belong to: one per required part of a top-level conjunction, or one for
    /// the whole predicate. A statement matches only if it is in (the union of) every group.
    func requiredGroups(cost: (Int) -> Int) -> [[Int]] {
        if case .all(let children) = self {
            return children.compactMap { $0.necessaryClauses(cost: cost) }
        }
        return necessaryClauses(cost: cost).map { [$0] } ?? []
    }

    /// Whether the condition is exactly what ``requiredGroups(cost:)`` and ``requiredDates`` say: a clause,
    /// a union of clauses (unions nested in any depth), or a conjunction of those and dates. Then a statement in every group (and the
    /// dates) matches without evaluating the condition.
    var isPlainConjunction: Bool {
        switch self {
        case .all(let children):
            return children.allSatisfy { child in
                if case .date = child { return true }
                return child.isUnionOfClauses
            }
        default: return isUnionOfClauses
        }
    }

    private var isUnionOfClauses: Bool {
        switch self {
        case .clause: return true
        case .any(let children): return children.allSatisfy(\.isUnionOfClauses)
        default: return false
        }
    }

    /// Every date range the predicate requires at its top level, intersected: checked before scoring.
    var requiredDates: DateRange? {
        switch self {
        case .date(let range): return range
        case .all(let children):
            let ranges = children.compactMap(\.requiredDates)
            return ranges.isEmpty ? nil : ranges.dropFirst().reduce(ranges[0]) { $0.intersection($1) }
        default: return nil
        }
    }
}
