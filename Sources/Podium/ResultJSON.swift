/// The JSON the command line prints and the server answers with, written in one place so that both give
/// the same fields in the same order.
public enum ResultJSON {
    // MARK: - Search

    /// A hit as one JSON object: every statement field, the score and the excerpt (what `podium search
    /// --format jsonl` prints per line), and the explanation when there is one.
    public static func hit(_ hit: Hit) -> String {
        var line = Exporter(format: .jsonl, full: true).jsonLine(hit)
        if !hit.explanation.isEmpty {
            line.removeLast()
            line += ",\"explain\":[" + hit.explanation.map(JSONText.quoted).joined(separator: ",") + "]}"
        }
        return line
    }

    /// A page of results with its totals and facets: what `podium search --format json` prints.
    /// - Parameters:
    ///   - outcome: the search's outcome.
    ///   - query: the query as typed (empty for a topic alone).
    ///   - topic: the topic that ranked the results, if any.
    ///   - offset: the hits passed over before this page.
    ///   - sort: the order of the hits.
    public static func search(
        _ outcome: SearchOutcome,
        query: String,
        topic: String?,
        offset: Int,
        sort: SortOrder
    ) -> String {
        var o = JSONObjectWriter()
        o.add("query", query)
        if let topic { o.add("topic", topic) }
        o.add("count", outcome.hits.count)
        o.add("offset", offset)
        o.add("total", outcome.total)
        o.add("totalIsExact", outcome.totalIsExact)
        o.add("sort", sort.rawValue)
        o.add("facets", raw: facets(outcome.facets))
        o.add("notes", strings: outcome.notes)
        o.add("hits", raw: "[" + outcome.hits.map(hit).joined(separator: ",") + "]")
        return o.result
    }

    /// `{"speaker":[{"value":"Geng Shuang","count":12},…],…}`.
    public static func facets(_ facets: [FacetResult]) -> String {
        let members = facets.map { facet in
            let values = facet.values.map { value in
                var o = JSONObjectWriter()
                o.add("value", value.value)
                o.add("count", value.count)
                return o.result
            }
            return JSONText.quoted(facet.field.rawValue) + ":[" + values.joined(separator: ",") + "]"
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    // MARK: - A statement

    /// A statement with its neighbours and copies: what `podium show --format json` prints.
    public static func statement(_ found: StatementContext) -> String {
        var o = JSONObjectWriter()
        o.add("statement", raw: statementObject(found.statement))
        o.add("before", raw: "[" + found.before.map(statementObject).joined(separator: ",") + "]")
        o.add("after", raw: "[" + found.after.map(statementObject).joined(separator: ",") + "]")
        let copies = found.copies.map { copy in
            var c = JSONObjectWriter()
            c.add("id", copy.id)
            c.add("source", copy.source)
            c.add("url", copy.url)
            return c.result
        }
        o.add("copies", raw: "[" + copies.joined(separator: ",") + "]")
        return o.result
    }

    /// One statement's fields, whole.
    static func statementObject(_ s: Statement) -> String {
        var o = JSONObjectWriter()
        o.add("id", s.id)
        o.add("ordinal", s.ordinal)
        o.add("date", s.date)
        o.add("spokesperson", s.spokesperson)
        o.add("outlet", s.outlet)
        o.add("title", s.title)
        o.add("question", s.question)
        o.add("answer", s.answer)
        o.add("language", s.language)
        o.add("kind", s.kind)
        o.add("source", s.source)
        o.add("url", s.url)
        o.add("followUp", s.followUp)
        return o.result
    }

    // MARK: - The index

    /// What `podium index stats --format json` prints.
    public static func statistics(_ stats: IndexStatistics) -> String {
        var o = JSONObjectWriter()
        o.add("index", stats.directory)
        o.add("generation", stats.generation)
        o.add("sources", stats.sources)
        o.add("skipped_sources", stats.skippedSources)
        o.add("statements", stats.statements)
        o.add("folded_duplicates", stats.foldedDuplicates)
        o.add("segments", stats.segments)
        o.add("terms", stats.terms)
        o.add("bytes", stats.bytes)
        var kinds = JSONObjectWriter()
        for (kind, bytes) in stats.bytesByKind { kinds.add(kind, bytes) }
        o.add("bytes_by_kind", raw: kinds.result)
        o.add("analyzer", stats.analyzer)
        o.add("corpus", strings: stats.corpus)
        o.add("coverage", raw: coverage(stats.coverage))
        return o.result
    }

    /// What the statements cover: dates, languages, kinds, the most frequent speakers and outlets.
    public static func coverage(_ c: IndexCoverage) -> String {
        func list(_ counts: [IndexCoverage.Count]) -> String {
            "["
                + counts.map { count in
                    var o = JSONObjectWriter()
                    o.add("value", count.value)
                    o.add("count", count.count)
                    return o.result
                }.joined(separator: ",") + "]"
        }
        var o = JSONObjectWriter()
        o.add("first_date", raw: c.firstDate.map(JSONText.quoted) ?? "null")
        o.add("last_date", raw: c.lastDate.map(JSONText.quoted) ?? "null")
        o.add("undated", c.undated)
        o.add("languages", raw: list(c.languages))
        o.add("kinds", raw: list(c.kinds))
        o.add("speaker_count", c.speakerCount)
        o.add("speakers", raw: list(c.speakers))
        o.add("outlet_count", c.outletCount)
        o.add("outlets", raw: list(c.outlets))
        return o.result
    }

    // MARK: - Topics

    /// A topic: its name, label, description and weighted entries.
    public static func topic(_ topic: TopicInfo) -> String {
        var o = JSONObjectWriter()
        o.add("name", topic.name)
        o.add("label", topic.label)
        o.add("description", topic.description)
        let entries = topic.entries.map { entry in
            var e = JSONObjectWriter()
            e.add("text", entry.text)
            e.add("weight", entry.weight)
            return e.result
        }
        o.add("entries", raw: "[" + entries.joined(separator: ",") + "]")
        return o.result
    }

    /// The topics, in the order of their file.
    public static func topics(_ topics: [TopicInfo]) -> String {
        var o = JSONObjectWriter()
        o.add("topics", raw: "[" + topics.map(topic).joined(separator: ",") + "]")
        return o.result
    }
}
