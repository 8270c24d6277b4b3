import Foundation

extension SearchOptions {
    /// These options with the matches narrowed to statements whose `field` has `value` (a facet value a
    /// reader clicked, or a filter of a form): the query gains a required clause of the query language,
    /// `+speaker:"Geng Shuang"`, `+lang:zh`, `+kind:presser`, `+date:2019`.
    ///
    /// The query as typed comes first, in parentheses, so its own operators keep their meaning; quotes in
    /// `value` are dropped, since a phrase cannot hold them.
    /// - Parameters:
    ///   - field: the facet the value belongs to.
    ///   - value: the value the statements must have; an empty one changes nothing.
    /// - Returns: the narrowed options.
    public func narrowed(to field: FacetField, _ value: String) -> SearchOptions {
        let bare = value.filter { $0 != "\"" }.trimmingCharacters(in: .whitespaces)
        guard !bare.isEmpty else { return self }
        let clause: String
        switch field {
        case .speaker: clause = "+speaker:\"\(bare)\""
        case .outlet: clause = "+outlet:\"\(bare)\""
        case .language: clause = "+lang:\(bare.contains(" ") ? "\"\(bare)\"" : bare)"
        case .kind: clause = "+kind:\(bare.contains(" ") ? "\"\(bare)\"" : bare)"
        case .year: clause = "+date:\(bare)"
        }
        var narrowed = self
        if let query, !query.allSatisfy(\.isWhitespace) {
            narrowed.query = "(\(query)) \(clause)"
        } else {
            narrowed.query = clause
        }
        return narrowed
    }
}
