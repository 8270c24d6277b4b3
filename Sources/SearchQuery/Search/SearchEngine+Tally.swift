/// The pass over every match that exact totals, facets and date sorts need.
extension SearchEngine {
    /// What a pass over every match found.
    struct Tally {
        /// Matching statements.
        var total = 0
        /// The requested facets' counts.
        var facets: [FacetCounts] = []
        /// The first matches in date order, for a date sort.
        var order: DateOrderCollector?
    }

    /// The column number of each facet (`nil` for the year).
    /// - Throws: ``SearchError/unknownFacet(_:known:)`` for a column the index lacks.
    func facetColumns(_ facets: [Facet]) throws(SearchError) -> [Int?] {
        var result: [Int?] = []
        for facet in facets {
            switch facet {
            case .year: result.append(nil)
            case .column(let name):
                guard let number = index.columnNumber(named: name) else {
                    throw .unknownFacet(name, known: index.keywordColumnNames)
                }
                result.append(number)
            }
        }
        return result
    }

    /// Counts every match of `plan`, each facet's values, and keeps the first matches by date when `order`
    /// is given. Column facets count ordinals per segment and turn each segment's ordinals into strings once.
    ///
    /// A date order is found in two steps: the pass keeps the `capacity` best date keys seen (a heap of
    /// keys, no scores) and notes the matches whose key reached that floor when they came; then only the
    /// noted matches at or above the final floor — the first ones and the ties at the edge — are scored, by
    /// fresh cursors probed in address order, so that a sort over matches that arrive in date order does
    /// not score them all.
    ///
    /// - Complexity: O(matches × facets), plus a score for each match whose date reaches the final floor.
    func tally(
        _ plan: QueryPlan,
        facets: [Facet],
        columns: [Int?],
        order: DateOrderCollector?,
        lengthFactors: LengthFactors
    ) throws(SearchError) -> Tally {
        var tally = Tally(order: order)
        var floor = order.map { KeyFloor(capacity: $0.capacity) }
        var noted: [[(doc: Int32, key: Int32)]] = []
        let columnSlots = columns.compactMap { $0 }
        let countsYears = columns.contains { $0 == nil }
        // Years 0...9999 by their number, 0 for undated (and any date out of the yyyymmdd range).
        var years = countsYears ? [Int](repeating: 0, count: 10_000) : []
        var values = [[String?: Int]](repeating: [:], count: columnSlots.count)
        var failure: SearchError? = nil
        let keepsDocs = !facets.isEmpty
        var docs: [Int32] = []
        try forEachSegment(plan, opened: OpenedPostings(segments: index.querySegments), lengthFactors: lengthFactors) {
            run in
            let segment = run.segment
            var ordinals = columnSlots.map { [Int](repeating: 0, count: segment.columnValueCount($0) + 1) }
            var total = 0
            var notes: [(doc: Int32, key: Int32)] = []
            docs.removeAll(keepingCapacity: true)
            run.forEachMatch { run, doc in
                total &+= 1
                if keepsDocs { docs.append(doc) }
                if let order, floor != nil {
                    let key = order.key(of: segment.date(doc))
                    guard floor!.admits(key) else { return }
                    floor!.add(key)
                    notes.append((doc, key))
                }
            }
            tally.total += total
            noted.append(notes)
            // Counted a segment at a time, each column in one call: no call per match and column.
            for k in columnSlots.indices { segment.countColumn(columnSlots[k], docs: docs, into: &ordinals[k]) }
            if countsYears { segment.countYears(docs: docs, into: &years) }
            for k in columnSlots.indices {
                for (ordinal, count) in ordinals[k].enumerated() where count > 0 {
                    do throws(SearchError) {
                        let value =
                            ordinal == 0 ? nil : try segment.columnValue(columnSlots[k], ordinal: UInt32(ordinal))
                        values[k][value, default: 0] += count
                    } catch {
                        failure = failure ?? error
                    }
                }
            }
        }
        if let failure { throw failure }
        if let floor, var collector = order {
            let opened = OpenedPostings(segments: index.querySegments)
            for (number, notes) in noted.enumerated() {
                let needed = notes.filter { $0.key >= floor.floor }
                guard !needed.isEmpty else { continue }
                var run = try segmentSearch(plan, segment: number, opened: opened, lengthFactors: lengthFactors)
                for note in needed {
                    let address = DocumentAddress(segment: number, document: note.doc)
                    collector.offer(.init(key: note.key, score: run.score(of: note.doc), address: address))
                }
                if let failure = run.failure { throw .index(failure) }
            }
            tally.order = collector
        }
        tally.facets = Self.facetCounts(facets, columns: columns, years: years, values: values)
        return tally
    }

    /// Each facet's counts, named and ordered: years in order (none last), other values by count.
    private static func facetCounts(
        _ facets: [Facet],
        columns: [Int?],
        years: [Int],
        values: [[String?: Int]]
    ) -> [FacetCounts] {
        var result: [FacetCounts] = []
        var next = 0
        for (facet, column) in zip(facets, columns) {
            if column == nil {
                var counted: [FacetCounts.Value] = []
                for year in 1..<years.count where years[year] > 0 {
                    let digits = String(year)
                    counted.append(
                        .init(value: String(repeating: "0", count: 4 - digits.count) + digits, count: years[year])
                    )
                }
                if years[0] > 0 { counted.append(.init(value: nil, count: years[0])) }
                result.append(FacetCounts(facet: facet, values: counted))
            } else {
                let counted = values[next].map { FacetCounts.Value(value: $0.key, count: $0.value) }.sorted { a, b in
                    if a.count != b.count { return a.count > b.count }
                    return (a.value ?? "").utf8.lexicographicallyPrecedes((b.value ?? "").utf8)
                }
                result.append(FacetCounts(facet: facet, values: counted))
                next += 1
            }
        }
        return result
    }
}
