import TextAnalysis

/// Parses, plans and runs searches over one index snapshot. Generic over the index so that the scoring
/// loop is specialized for the concrete postings type; ``Searcher`` is the public face for Podium's index.
package final class SearchEngine<Index: QueryIndex> {
    package let index: Index
    package let analyzer: Analyzer
    package let topics: TopicSet
    package let weights: FieldWeights
    private let lengthFactors: LengthFactors
    /// How many postings of the other clauses a window may hold per candidate and still be read whole
    /// instead of probed per candidate (see ``SegmentSearch``); tests set 0 (always probe) and infinity.
    var scanPerProbe: Double = 32
    /// The fewest statements a window of the search spans where the postings last (whole blocks are added
    /// until it does; see ``SegmentSearch``). Tests set 1 (a block at a time) to meet many block edges.
    var windowLength = WindowScores.capacity

    package init(
        index: Index,
        analyzer: Analyzer = Analyzer(),
        topics: TopicSet = TopicSet([]),
        weights: FieldWeights = FieldWeights(),
        bm25: BM25 = BM25()
    ) {
        self.index = index
        self.analyzer = analyzer
        self.topics = topics
        self.weights = weights
        lengthFactors = LengthFactors(
            fieldCount: 256,
            bm25: bm25,
            averageLength: { field in
                let stats = index.lengthStatistics(field: field)
                return stats.docCount > 0 ? Float(Double(stats.sumLength) / Double(stats.docCount)) : 0
            },
            decode: { index.length(ofNorm: $0) }
        )
    }

    /// Plans a request: parse, analyze, expand, look up statistics. The postings opened for the statistics
    /// stay in `opened` for the search (if given).
    func plan(
        _ request: SearchRequest,
        opened: OpenedPostings<Index.Segment>? = nil
    ) throws(SearchError) -> QueryPlan {
        var node: QueryNode? = nil
        if let query = request.query {
            do {
                node = try QueryParser.parse(query, defaultMode: request.mode)
            } catch {
                throw .syntax(error)
            }
        }
        var topic: Topic? = nil
        if let name = request.topic {
            guard let found = topics[name] else { throw .unknownTopic(name, known: topics.names) }
            topic = found
        }
        return try QueryPlanner.plan(
            node,
            topic: topic,
            dates: request.dates,
            index: index,
            analyzer: analyzer,
            topics: topics,
            weights: weights,
            query: request.query ?? "",
            opened: opened ?? OpenedPostings(segments: index.querySegments)
        )
    }

    /// The statements `request.offset ..< request.offset + request.limit` in the request's order, the total
    /// and the facets.
    /// - Throws: ``SearchError`` for a query without a reading, an unknown topic or facet, or a damaged index.
    /// - Complexity: a ranked search is pruned: statements that cannot enter the top k are mostly skipped
    ///   block by block. Facets, a date sort, an offset or an exact total add one pass over every match.
    package func search(_ request: SearchRequest) throws(SearchError) -> SearchResults {
        let opened = OpenedPostings(segments: index.querySegments)
        let plan = try self.plan(request, opened: opened)
        let columns = try facetColumns(request.facets)
        let wanted = request.offset > Int.max - request.limit ? Int.max : request.offset + request.limit
        let counts =
            request.exactTotal || !request.facets.isEmpty || request.sort != .relevance || request.offset > 0
        var entries: [(score: Float, address: DocumentAddress)]
        var tally: Tally? = nil
        var total: Int
        var totalIsExact = true
        if request.sort == .relevance {
            var collector = TopKCollector(capacity: wanted)
            var bound = 0
            var boundIsExact = true
            try forEachSegment(plan, opened: opened) { run in
                run.collect(into: &collector)
                let segmentBound = run.matchCountBound()
                bound += segmentBound.count
                boundIsExact = boundIsExact && segmentBound.isExact
            }
            entries = collector.sorted().map { ($0.score, $0.address) }
            if counts {
                tally = try self.tally(plan, facets: request.facets, columns: columns, order: nil)
                total = tally!.total
            } else if boundIsExact {
                total = bound
            } else if collector.heap.count < collector.capacity {
                // Never full, the collector never pruned: it was offered every match.
                total = collector.heap.count
            } else {
                total = max(collector.heap.count, bound)
                totalIsExact = false
            }
        } else {
            let order = DateOrderCollector(capacity: wanted, newestFirst: request.sort == .newestFirst)
            tally = try self.tally(plan, facets: request.facets, columns: columns, order: order)
            entries = tally!.order!.sorted().map { ($0.score, $0.address) }
            total = tally!.total
        }
        var hits = entries.dropFirst(request.offset).map {
            SearchHit(address: $0.address, score: $0.score, explanation: nil)
        }
        if request.explain {
            for position in hits.indices {
                hits[position].explanation = try explain(hits[position], plan: plan)
            }
        }
        // Single terms light up anywhere; a phrase's words only where the whole phrase is, so that "new
        // energy" does not mark every "new" of a passage.
        let scoring = plan.clauses.filter { $0.boost > 0 }
        let terms = Set(scoring.filter { !$0.isPhrase }.map { $0.key.terms[0] })
        var phrases: [PhrasePattern] = []
        for clause in scoring where clause.isPhrase {
            let pattern = PhrasePattern(terms: clause.key.terms, offsets: clause.key.offsets.map { Int($0) })
            if !phrases.contains(pattern) { phrases.append(pattern) }
        }
        var characters: [String: String] = [:]
        for expansion in plan.expansions where expansion.isCharacter {
            for term in expansion.terms where term != expansion.prefix { characters[term] = expansion.prefix }
        }
        return SearchResults(
            hits: hits,
            expansions: plan.expansions,
            highlightTerms: terms,
            highlightPhrases: phrases,
            total: total,
            totalIsExact: totalIsExact,
            facets: tally?.facets ?? [],
            highlightCharacters: characters
        )
    }

    /// Every statement that matches, in address order, found without pruning: what `count` reports and
    /// what tests compare with a scan.
    package func matches(_ request: SearchRequest) throws(SearchError) -> [DocumentAddress] {
        let opened = OpenedPostings(segments: index.querySegments)
        let plan = try self.plan(request, opened: opened)
        var result: [DocumentAddress] = []
        try forEachSegment(plan, opened: opened) { run in run.allMatches(into: &result) }
        return result
    }

    /// Runs `body` on a search of `plan` over each segment in turn, then reports the first read error.
    func forEachSegment(
        _ plan: QueryPlan,
        opened: OpenedPostings<Index.Segment>,
        _ body: (inout SegmentSearch<Index.Segment>) -> Void
    ) throws(SearchError) {
        for number in index.querySegments.indices {
            var run = try segmentSearch(plan, segment: number, opened: opened)
            body(&run)
            if let failure = run.failure { throw .index(failure) }
            if Task.isCancelled { throw .cancelled }
        }
    }

    /// A search of `plan` over segment `number`.
    func segmentSearch(
        _ plan: QueryPlan,
        segment number: Int,
        opened: OpenedPostings<Index.Segment>
    ) throws(SearchError) -> SegmentSearch<Index.Segment> {
        try SegmentSearch(
            plan: plan,
            segment: index.querySegments[number],
            number: number,
            lengthFactors: lengthFactors,
            opened: opened,
            scanPerProbe: scanPerProbe,
            windowLength: windowLength
        )
    }

    private func explain(_ hit: SearchHit, plan: QueryPlan) throws(SearchError) -> Explanation {
        let segment = index.querySegments[hit.address.segment]
        var run = try SegmentSearch(
            plan: plan,
            segment: segment,
            number: hit.address.segment,
            lengthFactors: lengthFactors,
            opened: OpenedPostings(segments: index.querySegments),
            scanPerProbe: scanPerProbe,
            windowLength: windowLength
        )
        let parts = run.contributions(at: hit.address.document).map { item in
            let clause = plan.clauses[item.clause]
            return Explanation.Part(
                clause: clause.label,
                origins: clause.origins,
                frequency: item.frequency,
                idf: clause.idf,
                boost: clause.boost,
                score: item.score
            )
        }
        return Explanation(score: hit.score, parts: parts.sorted { $0.score > $1.score })
    }
}
