import Hummingbird
import Podium

extension APIRoutes {
    /// The topics file the index answers with: `--topics`, else the copy the index keeps.
    var topicsFile: String? { holder.topicsFile ?? Indexer.keptTopicsFile(index: holder.directory) }

    /// The topics of the topics file; none when there is no file.
    func loadTopics() throws(PodiumError) -> [TopicInfo] {
        guard let topicsFile else { return [] }
        return try TopicCatalog.load(topicsFile)
    }

    /// `GET /api/topics`: every topic with its label, description and entries.
    func topics() async throws -> Response {
        JSONResponse.ok(ResultJSON.topics(try loadTopics()))
    }

    /// `GET /api/topics/{name}`: one topic, or a 404.
    func topic(_ name: String) async throws -> Response {
        JSONResponse.ok(ResultJSON.topic(try known(name)))
    }

    /// The topic called `name`.
    /// - Throws: a 404 `unknown_topic` listing the topics.
    func known(_ name: String) throws -> TopicInfo {
        let topics = try loadTopics()
        guard let topic = topics.first(where: { $0.name == name }) else {
            let names = topics.map(\.name).joined(separator: ", ")
            throw APIError(.notFound, "unknown_topic", "no topic named '\(name)'; the topics are: \(names)")
        }
        return topic
    }

    /// `GET /api/topics/{name}/rank`: the statements most about a topic, as `podium topics rank` ranks
    /// them (`language` keeps the topic deciding the matches, not merely reordering the language's).
    func rank(_ name: String, _ parameters: APIParameters) async throws -> Response {
        _ = try known(name)
        var search = SearchOptions(topic: name, since: parameters.string("since"), until: parameters.string("until"))
        search.limit = try parameters.integer("limit", in: 1...options.maxLimit, default: 10)
        search.sort = try parameters.choice("sort", default: SortOrder.relevance)
        search.offset = try parameters.integer("offset", in: 0...options.maxOffset, default: 0)
        search.facets = try parameters.facets()
        search.explain = parameters.flag("explain")
        search.wholeStatements = true
        if let language = parameters.string("language") {
            try APIParameters.check(language, limit: options.maxQueryLength)
            search.query = "+topic:\(name)"
            search = search.narrowed(to: .language, language)
        }
        let index = try holder.current()
        let query = search.query ?? ""
        let text = try await timeLimit.run { [search] () throws(PodiumError) in
            let outcome = try index.search(search)
            return ResultJSON.search(outcome, query: query, topic: name, offset: search.offset, sort: search.sort)
        }
        return JSONResponse.ok(text)
    }

    /// `GET /api/trend` and `/api/trend.svg`: counts per period of each `topic` and each query `q`, as
    /// `podium trend --format json` prints them or as its SVG chart.
    func trend(_ parameters: APIParameters, svg: Bool) async throws -> Response {
        let topics = parameters.all("topic")
        let queries = parameters.all("q")
        guard !topics.isEmpty || !queries.isEmpty else {
            throw APIError(.badRequest, "bad_parameter", "give a topic (topic) or a query (q)")
        }
        guard topics.count + queries.count <= 8 else {
            throw APIError(.badRequest, "bad_parameter", "at most 8 series (topic and q) in one trend")
        }
        for name in topics { _ = try known(name) }
        for query in queries { try APIParameters.check(query, limit: options.maxQueryLength) }
        let by = try parameters.choice("by", default: TrendGranularity.month)
        let since = parameters.string("since")
        let until = parameters.string("until")
        let share = parameters.flag("share")
        let index = try holder.current()
        let text = try await timeLimit.run { () throws(PodiumError) in
            let asked = topics.map { TrendQuery($0, in: index) } + queries.map { TrendQuery($0, in: index) }
            let report = try TrendReport(asked, in: index, by: by, since: since, until: until, share: share)
            return svg ? report.chart(index: index.directory).svg() : report.json
        }
        guard svg else { return JSONResponse.ok(text) }
        var headers = HTTPFields()
        headers[.contentType] = "image/svg+xml; charset=utf-8"
        // The chart is an image: it may style itself but run nothing.
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
