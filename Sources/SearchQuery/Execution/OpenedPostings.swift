/// The postings one search opens, kept from planning to the segment searches so that no term is looked up
/// in a dictionary twice: the plan needs each term's document frequency — its postings' lengths summed over
/// the segments — and the segment searches need the same postings.
///
/// Each opened postings list is handed out once (a cursor is single-pass); asked again, a new cursor is
/// opened from it, without a dictionary lookup.
final class OpenedPostings<Segment: QuerySegment> {
    private enum Entry {
        case absent
        case ready(Segment.Postings)
        /// Handed out: a second cursor over the same postings is opened from it.
        case handedOut(Segment.Postings)
    }

    private let segments: [Segment]
    private var opened: [FieldTerm: [Entry]] = [:]

    init(segments: [Segment]) {
        self.segments = segments
    }

    /// Documents containing `term` in `field` over all segments (deleted ones included, as the dictionary
    /// counts them); opens the term's postings in every segment and keeps them.
    func documentFrequency(field: UInt8, term: String) throws(SearchError) -> Int {
        let key = FieldTerm(field: field, term: term)
        if opened[key] == nil {
            var entries: [Entry] = []
            entries.reserveCapacity(segments.count)
            for segment in segments {
                entries.append(try segment.postings(field: field, term: term).map { .ready($0) } ?? .absent)
            }
            opened[key] = entries
        }
        var total = 0
        for entry in opened[key]! {
            switch entry {
            case .ready(let postings): total += postings.docFreq
            case .absent: break
            case .handedOut: preconditionFailure("frequencies are asked before any postings are handed out")
            }
        }
        return total
    }

    /// The postings of `term` in `field` in segment `number`: the ones opened for the plan if they are
    /// still unused, else opened now; `nil` when the segment lacks the term.
    func postings(segment number: Int, field: UInt8, term: String) throws(SearchError) -> Segment.Postings? {
        let key = FieldTerm(field: field, term: term)
        if let entry = opened[key]?[number] {
            switch entry {
            case .absent: return nil
            case .ready(let postings):
                opened[key]![number] = .handedOut(postings)
                return postings
            case .handedOut(let postings): return try postings.reopened()
            }
        }
        return try segments[number].postings(field: field, term: term)
    }
}

/// A term of a field as a dictionary key, hashed and compared by its UTF-8 bytes: the analyzer writes every
/// term the same way, and a `String` key would normalize a CJK term to hash it, at every lookup.
struct FieldTerm: Hashable {
    let field: UInt8
    let term: String

    func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        var term = term
        term.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: FieldTerm, b: FieldTerm) -> Bool {
        a.field == b.field && a.term.utf8.elementsEqual(b.term.utf8)
    }
}
