import Testing

@testable import SearchQuery

@Suite("Query parser")
struct QueryParserTests {
    private func parse(_ text: String, _ mode: DefaultMode = .any) throws -> QueryNode {
        try QueryParser.parse(text, defaultMode: mode)
    }

    /// The words of a tree in order, each with the occur of its nearest clause, for compact assertions.
    private func shape(_ node: QueryNode) -> String {
        switch node {
        case .word(let text, let field, let prefix, _):
            return (field.map { "\($0.rawValue):" } ?? "") + text + (prefix ? "*" : "")
        case .phrase(let text, let field, _): return (field.map { "\($0.rawValue):" } ?? "") + "\"\(text)\""
        case .keyword(let field, let value, _): return "\(field.rawValue)=\(value)"
        case .date(let range, _): return "date[\(range.lower)-\(range.upper)]"
        case .topic(let name, _): return "topic=\(name)"
        case .boolean(let clauses):
            let inner = clauses.map { clause -> String in
                let sign = clause.occur == .must ? "+" : clause.occur == .mustNot ? "-" : ""
                return sign + shape(clause.node)
            }
            return "(" + inner.joined(separator: " ") + ")"
        }
    }

    @Test(arguments: [
        ("patent", "patent"),
        ("patent trademark", "(patent trademark)"),
        ("+patent -trademark copyright", "(+patent -trademark copyright)"),
        ("china patent OR trademark", "(china (patent trademark))"),
        ("a OR b AND c", "(a (+b +c))"),
        ("a AND NOT b", "(+a -b)"),
        ("NOT NOT a", "a"),
        ("\"new energy\" vehicles", "(\"new energy\" vehicles)"),
        ("pat*", "pat*"),
        ("title:(trade war)", "(title:trade title:war)"),
        ("speaker:\"Hua Chunying\" trade", "(+speaker:\"Hua Chunying\" trade)"),
        ("lang:EN kind:release", "(+language=en +kind=release)"),
        ("date:2019-05", "date[20190500-20190599]"),
        ("date:2019-01-01..2019-06-30", "date[20190101-20190630]"),
        ("date:..2018", "date[1-20189999]"),
        ("topic:IP china", "(topic=ip china)"),
        ("a OR -b", "(a (-b))"),
    ])
    func readsTheLanguage(query: String, expected: String) throws {
        #expect(shape(try parse(query)) == expected)
    }

    @Test func allModeRequiresEveryWordButKeepsOr() throws {
        #expect(shape(try parse("tariff soybean OR corn", .all)) == "(+tariff +(soybean corn))")
        #expect(shape(try parse("tariff -soybean", .all)) == "(+tariff -soybean)")
    }

    @Test(arguments: [
        ("what's the U.S. position?", "(what's the U.S. position?)"),
        ("( trade", "trade"),
        ("trade )", "trade"),
        ("-- trade", "(-- trade)"),
        ("\"unterminated phrase", "\"unterminated phrase\""),
        ("AND trade", "trade"),
        ("(trade AND)", "trade"),
        ("Note: trade", "(Note: trade)"),
        ("talks at 10:30 today", "(talks at 10:30 today)"),
        ("Beijing:Washington talks", "(Beijing:Washington talks)"),
        ("see http://example.com", "(see http://example.com)"),
        ("ratio: 3", "(ratio: 3)"),
        ("q:a x:y", "(q:a x:y)"),
        ("U.S.:China", "U.S.:China"),
        ("\"spekaer:geng\"", "\"spekaer:geng\""),
        ("“知识产权” 保护", "(\"知识产权\" 保护)"),
        ("（贸易）", "贸易"),
        ("a - b", "(a - b)"),
    ])
    func readsStrayPunctuationAsText(query: String, expected: String) throws {
        #expect(shape(try parse(query)) == expected)
    }

    @Test(arguments: [
        ("date:2019-13", 5, QuerySyntaxError.Code.invalidDate, "not a date"),
        ("trade date:yesterday", 11, .invalidDate, "not a date"),
        ("date:2020..2019", 5, .reversedDateRange, "the range '2020..2019' is reversed"),
        ("date:2019-06-30..2019-06-01", 5, .reversedDateRange, "(write 2019-06-01..2019-06-30)"),
        ("date:2019..2019-13", 5, .invalidDate, "not a date"),
        ("spekaer:geng", 0, .unknownField, "unknown field 'spekaer': the fields are title, question"),
        ("china foo:china", 6, .unknownField, "unknown field 'foo'"),
        ("trade -outlte:\"Reuters\"", 7, .unknownField, "unknown field 'outlte'"),
        ("speaker:(geng foo:(a b))", 14, .unknownField, "unknown field 'foo'"),
        ("知识产权 qestion:专利", 5, .unknownField, "unknown field 'qestion'"),
        ("speaker:", 8, .missingValue, "expected a value"),
        ("topic:\" \"", 6, .missingTopicName, "expected a topic name"),
        ("trade lang:(en zh)", 11, .notOneValue, "takes one value"),
        ("   ", 0, .nothingToSearch, "nothing to search for"),
        ("( )", 0, .nothingToSearch, "nothing to search for"),
        ("(foo AND", 5, .missingOperand, "AND has nothing after it"),
        ("AND trade OR", 10, .missingOperand, "OR has nothing after it"),
        ("知识产权 ||", 5, .missingOperand, "|| (OR) has nothing after it"),
        ("知识产权 date:2019-02-30", 10, .invalidDate, "not a date"),
        (
            String(repeating: "a ", count: QueryParser.maximumLeaves + 1), 2 * QueryParser.maximumLeaves, .tooManyWords,
            "more than"
        ),
        (String(repeating: "a", count: QueryParser.maximumLength + 1), QueryParser.maximumLength, .tooLong, "too long"),
    ])
    func pointsAtTheSpot(query: String, offset: Int, code: QuerySyntaxError.Code, message: String) {
        #expect {
            try QueryParser.parse(query)
        } throws: { error in
            guard let error = error as? QuerySyntaxError else { return false }
            return error.offset == offset && error.code == code && error.message.contains(message)
        }
    }

    @Test func refusesHostileNestingWithAPosition() {
        let query = String(repeating: "(", count: 10_000) + "a"
        #expect {
            try QueryParser.parse(query)
        } throws: { error in
            let error = error as? QuerySyntaxError
            return error?.offset == QueryParser.maximumDepth && error?.code == .tooDeep
        }
    }

    @Test func readsLongRunsOfOperatorsWithoutRecursion() throws {
        let query = String(repeating: "NOT ", count: 3_001) + "a"
        #expect(shape(try parse(query)) == "(-a)")
    }

    @Test func keepsByteRangesOfLeaves() throws {
        guard case .boolean(let clauses) = try parse("trade 知识产权*") else {
            Issue.record("expected a group")
            return
        }
        guard case .word(let text, _, let isPrefix, let range) = clauses[1].node else {
            Issue.record("expected a word")
            return
        }
        #expect(text == "知识产权" && isPrefix && range == 6..<19)
    }
}

@Suite("Dates")
struct DateRangeTests {
    @Test(arguments: [
        ("2019", 2019_0000, 2019_9999), ("2019-05", 2019_0500, 2019_0599), ("2019/5/3", 2019_0503, 2019_0503),
        ("20190503", 2019_0503, 2019_0503), ("2020-02-29", 2020_0229, 2020_0229),
        ("2019..2020-06", 2019_0000, 2020_0699),
    ])
    func readsDatesAndRanges(text: String, lower: Int32, upper: Int32) {
        #expect(DateRange(parsing: text) == DateRange(lower: lower, upper: upper))
    }

    @Test(arguments: ["2019-02-29", "19-05", "2019-00", "2019-05-32", "..", "2020..2019", "May 2019", "2019-05-03-01"])
    func refusesWhatIsNotADate(text: String) {
        #expect(DateRange(parsing: text) == nil)
    }

    @Test func sinceAndUntilCoverWholeSpans() throws {
        #expect(try DateRange(since: "2019-05", until: "2019-06") == DateRange(lower: 2019_0500, upper: 2019_0699))
        #expect(try DateRange(since: "2019-05-10", until: "2019-05") == DateRange(lower: 2019_0510, upper: 2019_0599))
        #expect(try DateRange(since: "2019", until: nil) == DateRange(lower: 2019_0000, upper: Int32.max))
        #expect(try DateRange(since: nil, until: "2019") == DateRange(lower: 1, upper: 2019_9999))
        #expect(try DateRange(since: nil, until: nil) == nil)
    }

    @Test(arguments: [
        (String?("soon"), String?.none, DateRangeError.Code.invalidStart),
        ("", "2019", .invalidStart),
        ("2019..2020", nil, .invalidStart),
        ("2019", "2019-02-30", .invalidEnd),
        (nil, "..2019", .invalidEnd),
        ("2020", "2019", .reversed),
        ("2019-05-10", "2019-05-09", .reversed),
    ])
    func sinceAndUntilRefuseWhatIsNoRange(since: String?, until: String?, code: DateRangeError.Code) {
        #expect(throws: DateRangeError(code, start: since, end: until)) { try DateRange(since: since, until: until) }
    }
}
