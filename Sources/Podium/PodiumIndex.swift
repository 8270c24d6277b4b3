import Foundation
import SearchIndex
import SearchQuery
import TextAnalysis

/// A search over an index: what a user types and the filters around it.
public struct SearchOptions: Sendable {
    /// The query in Podium's query language; `nil` or empty ranks by `topic` alone.
    public var query: String?
    /// A topic that reorders the matches (or, without a query, ranks statements on its own).
    public var topic: String?
    /// Only statements dated on or after the start of this date (`2019`, `2019-05`, `2019-05-09`).
    public var since: String?
    /// Only statements dated on or before the end of this date.
    public var until: String?
    /// The most hits to return, the best first.
    public var limit: Int
    /// Every word required (`--every-word`).
    public var requireAll: Bool
    /// Say which terms and topic entries made each score.
    public var explain: Bool
    /// Load each hit's statement and make its excerpt; without, a hit carries only its id (run files).
    public var excerpts: Bool = true
    /// The order of the hits.
    public var sort: SortOrder = .relevance
    /// How many hits of that order to pass over before the `limit` returned (paging).
    public var offset: Int = 0
    /// What to count over every match (each field once, in the order given).
    public var facets: [FacetField] = []
    /// Count the matches exactly even when nothing else asks for it (facets, a date sort and an offset do).
    public var exactTotal: Bool = false
    /// Give each hit its whole statement. Off, an answer of 1 MiB or more is left empty in the hit (its excerpt
    /// is still made from it, read as a stream), so output that shows excerpts only never holds it whole.
    public var wholeStatements: Bool = true
    /// Search the corrected query when the query finds little and a spelling suggestion exists (`--fuzzy`).
    public var fuzzy: Bool = false
    /// Expand words by their pairs across languages too (`--cross-language`): English finds Chinese.
    public var crossLanguage: Bool = false
    /// Look for a spelling suggestion when the query finds little. Off where nobody reads one (a batch run),
    /// since the first lookup builds the lexicon's index; `fuzzy` looks whatever this says.
    public var suggests: Bool = true
    /// A tuning knob, not a feature: BM25F's parameters as `k1=1.2,title=0.5,question=1,answer=1,b.answer=0.75`
    /// (names: `k1`, `title`, `question`, `answer`, `b`, `b.title`, `b.question`, `b.answer`, `b.other`),
    /// over the defaults; `nil` for the defaults.
    public var ranking: String?
    /// Proximity settings for tuning, `weight=0.3,window=8,phrase=1,pairs=8` or `off` (`nil`: the defaults);
    /// see ``SearchQuery/Proximity``.
    public var proximity: String? = nil

    /// A search; every filter is off unless given.
    public init(
        query: String? = nil,
        topic: String? = nil,
        since: String? = nil,
        until: String? = nil,
        limit: Int = 10,
        requireAll: Bool = false,
        explain: Bool = false,
        excerpts: Bool = true,
        sort: SortOrder = .relevance,
        offset: Int = 0,
        facets: [FacetField] = [],
        exactTotal: Bool = false
    ) {
        self.excerpts = excerpts
        self.sort = sort
        self.offset = offset
        self.facets = facets
        self.exactTotal = exactTotal
        self.query = query
        self.topic = topic
        self.since = since
        self.until = until
        self.limit = limit
        self.requireAll = requireAll
        self.explain = explain
    }
}

/// An open index, ready to search: one snapshot of the last commit (later commits are not seen) and the
/// topics it can rank by.
///
/// Opening reads the commit and maps the segment files: it costs a few system calls per segment, not a
/// read of the index.
public final class PodiumIndex: @unchecked Sendable {
    /// The index directory, as given.
    public let directory: String
    let topicSet: TopicSet
    let snapshot: IndexSnapshot
    let searcher: Searcher
    /// The copies folded into one hit each.
    let copies: StatementCopies
    /// The spelling lexicon, built when a suggestion is first needed.
    let spelling = SpellingCache()

    /// Opens the index in `directory` with the topics of `topicsFile` (none when `nil`).
    ///
    /// Every page of the index a search reads is checked against its checksum when first read, so a damaged
    /// file is reported by name (`.index`) instead of giving a changed answer.
    ///
    /// - Complexity: O(number of segments).
    /// - Throws: `.index` when there is no index, it is damaged, or another analyzer built it; `.input`
    ///   when the topics file cannot be read or has a mistake (the message names the line).
    /// Searches use the synonyms of `synonymsFile`, else the index's kept copy, else none.
    public init(directory: String, topicsFile: String? = nil, synonymsFile: String? = nil) throws(PodiumError) {
        self.directory = directory
        do {
            snapshot = try IndexSnapshot.open(directory: directory, verification: .footers)
        } catch {
            throw PodiumError(error, index: directory)
        }
        guard snapshot.analyzer == StatementSchema.analyzer else {
            var error = PodiumError(
                .index,
                "the index at '\(directory)' was built with analyzer \(snapshot.analyzer.name) "
                    + "\(snapshot.analyzer.version); this podium uses \(Analyzer.name) \(Analyzer.version)",
                hint: "rebuild it with: \(PodiumError.rebuild(directory))"
            )
            error.isOutdatedIndex = true
            throw error
        }
        do { copies = try StatementCopies(folding: snapshot) } catch { throw PodiumError(error, index: directory) }
        do {
            topicSet = try Self.loadTopics(topicsFile)
        } catch  where topicsFile != nil && topicsFile == Indexer.keptTopicsFile(index: directory) {
            // The copy is part of the index: a mistake in it is damage, not the user's input.
            throw PodiumError(
                .index,
                "the topics file kept in the index is damaged: \(error.message)",
                hint:
                    "copy it again with 'podium index refresh --index \(directory) --topics FILE', or name one with --topics"
            )
        }
        let synonyms = try Self.loadSynonyms(synonymsFile ?? Indexer.keptSynonymsFile(index: directory))
        searcher = Searcher(snapshot: snapshot, topics: topicSet, synonyms: synonyms)
    }

    /// Reads a topics file; `nil` gives no topics.
    static func loadTopics(_ path: String?) throws(PodiumError) -> TopicSet {
        guard let path else { return TopicSet([]) }
        do {
            return try TopicSet.load(from: URL(fileURLWithPath: path))
        } catch {
            throw PodiumError(.input, error.description, hint: "fix the topics file, or name another with --topics")
        }
    }

    /// The names of the topics this index can rank by.
    public var topicNames: [String] { topicSet.names }

    /// A topic's human label (`Intellectual property` for `ip`); `nil` for an unknown topic or one without.
    public func topicLabel(_ name: String) -> String? {
        guard let label = topicSet[name]?.label, !label.isEmpty else { return nil }
        return label
    }

    /// Live statements in the snapshot.
    public var statementCount: Int { snapshot.liveDocCount }

    /// The search itself, without spelling suggestions (``search(_:progress:)`` adds them).
    func searchOnce(
        _ options: SearchOptions,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(PodiumError) -> SearchOutcome {
        let request = try self.request(options)
        let results: SearchResults
        do { results = try searcher.search(request) } catch {
            throw Self.translate(error, index: directory, query: options.query)
        }
        try checkDamage()
        var hits: [Hit] = []
        hits.reserveCapacity(results.hits.count)
        for (n, found) in results.hits.enumerated() {
            if n % 64 == 0 { progress?(n, results.hits.count) }
            guard options.excerpts else {
                // A run file needs only the id: the rest of the statement is not decoded.
                var statement = Statement(id: "", ordinal: 0, answer: "")
                statement.id = try storedID(at: found.address)
                hits.append(
                    Hit(statement: statement, score: Double(found.score), excerpt: Excerpt(text: "", highlights: []))
                )
                continue
            }
            var streamed = StreamedSnippet(
                maker: SnippetMaker(analyzer: Self.analyzer),
                terms: results.highlightTerms,
                phrases: results.highlightPhrases
            )
            let statement =
                options.wholeStatements
                ? try self.statement(at: found.address) : try self.statement(at: found.address, streaming: &streamed)
            let (excerpt, from) = excerpt(of: statement, streamed: &streamed, for: results)
            hits.append(
                Hit(
                    statement: statement,
                    score: Double(found.score),
                    excerpt: excerpt,
                    excerptFrom: from,
                    explanation: found.explanation.map { $0.description.split(separator: "\n").map(String.init) } ?? []
                )
            )
        }
        if options.excerpts { try addCopies(to: &hits, at: results.hits.map(\.address)) }
        // A lone Chinese character is expanded on every search: only a cut-short expansion is worth a note.
        let notes =
            results.expansions.filter { !$0.isCharacter || $0.isTruncated }.map { e in
                e.isCharacter
                    ? "\(e.prefix) matched the \(e.terms.count) most frequent words that hold it (limit reached; "
                        + "statements with only rarer ones were left out)"
                    : "\(e.prefix)* matched \(e.terms.count) term\(e.terms.count == 1 ? "" : "s")"
                        + (e.isTruncated ? " (limit reached; the rest were left out)" : "")
            } + (options.explain ? results.synonyms.map(Self.synonymNote) : [])
        return SearchOutcome(
            hits: hits,
            total: results.total,
            totalIsExact: results.totalIsExact,
            facets: zip(request.facets.isEmpty ? [] : uniqueFacets(options.facets), results.facets).map {
                FacetResult(field: $0, counts: $1)
            },
            notes: notes
        )
    }

    /// The dates (`YYYY-MM-DD`, empty when unknown) of every statement that matches, for a trend.
    public func matchingDates(_ options: SearchOptions) throws(PodiumError) -> [String] {
        let request = try self.request(options)
        let addresses: [DocumentAddress]
        do { addresses = try searcher.matches(request) } catch {
            throw Self.translate(error, index: directory, query: options.query)
        }
        let dates = addresses.map { address in
            Self.isoDate(snapshot.segments[address.segment].date(address.document))
        }
        try checkDamage()
        return dates
    }

    /// The dates of every live statement within `since` and `until` (each optional), for a trend's shares:
    /// how many statements each period holds in all.
    ///
    /// - Complexity: O(statements in the index): the date column only, no stored field is read.
    /// - Throws: `.usage` for a bad date; `.index` when the date column lies on a damaged page.
    public func statementDates(since: String? = nil, until: String? = nil) throws(PodiumError) -> [String] {
        let range: DateRange?
        do { range = try DateRange(since: since, until: until) } catch { throw Self.dateError(error) }
        var dates: [String] = []
        dates.reserveCapacity(snapshot.liveDocCount)
        for segment in snapshot.segments {
            for doc in 0..<Int32(segment.maxDoc) where !segment.isDeleted(doc) {
                let key = segment.date(doc)
                if let range, !range.contains(key) { continue }
                dates.append(Self.isoDate(key))
            }
        }
        try checkDamage()
        return dates
    }

    /// `20190509` → `2019-05-09`; `""` for an unknown date.
    private static func isoDate(_ key: Int32) -> String {
        guard key > 0 else { return "" }
        let y = key / 10000, m = key / 100 % 100, d = key % 100
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// How many statements match, without ranking them.
    public func count(_ options: SearchOptions) throws(PodiumError) -> Int {
        let request = try self.request(options)
        let count: Int
        do { count = try searcher.matches(request).count } catch {
            throw Self.translate(error, index: directory, query: options.query)
        }
        try checkDamage()
        return count
    }

    // MARK: - Helpers

    /// The passage to show for a hit, and the field it comes from: the answer when the query's words occur
    /// in it (or when they occur nowhere shown, as for a topic or a filter alone), else the question, else
    /// the title. A question's words are thus never shown as if the spokesperson had said them.
    /// Fails when a delete bit, date or norm read during the query lay on a damaged page: its answer is not
    /// to be trusted.
    func checkDamage() throws(PodiumError) {
        do { try snapshot.checkDamage() } catch { throw PodiumError(error, index: directory) }
    }

    private func request(_ options: SearchOptions) throws(PodiumError) -> SearchRequest {
        let dates: DateRange?
        do { dates = try DateRange(since: options.since, until: options.until) } catch { throw Self.dateError(error) }
        // A scan, not Foundation's trimming: that bridges through NSString on every query of a batch.
        let query = options.query.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        guard query != nil || options.topic != nil else {
            throw PodiumError(
                .usage,
                "the query is empty",
                hint: "type some words, or rank by a topic with --topic NAME"
            )
        }
        let proximity = try Self.proximity(options.proximity)
        var request = SearchRequest(
            query: query,
            mode: options.requireAll ? .all : .any,
            topic: options.topic,
            dates: dates,
            // No more results than statements: the collector reserves room for `limit` of them.
            limit: min(max(1, options.limit), max(1, snapshot.liveDocCount)),
            explain: options.explain,
            sort: options.sort.searchSort,
            offset: min(max(0, options.offset), snapshot.liveDocCount),
            facets: uniqueFacets(options.facets).map(\.facet),
            exactTotal: options.exactTotal,
            ranking: try options.ranking.map(Self.rankingParameters),
            proximity: proximity
        )
        request.crossLanguage = options.crossLanguage
        return request
    }

    /// Each field once, in the order first given.
    private func uniqueFacets(_ fields: [FacetField]) -> [FacetField] {
        var seen: Set<FacetField> = []
        return fields.filter { seen.insert($0).inserted }
    }

    private func storedID(at address: DocumentAddress) throws(PodiumError) -> String {
        do {
            return try snapshot.segments[address.segment].storedValue(address.document, field: Self.idField) ?? ""
        } catch {
            throw PodiumError(error, index: directory)
        }
    }

    private static let idField = StatementSchema.schema.storedField(named: "id")!
}
