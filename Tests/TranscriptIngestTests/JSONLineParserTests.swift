import Testing
import TranscriptIngest

/// What a JSONL line means: escapes, Unicode, nested values, numbers, whitespace, and every way a line can
/// be broken (reported as "not valid JSON" with its line number, the rest of the file read).
@Suite struct JSONLineParserTests {
    let reader = TranscriptReader()

    func read(_ lines: [String]) -> SourceResult {
        reader.read(bytes: Array(lines.joined(separator: "\n").utf8), path: "t.jsonl")
    }

    /// The answer read from `{"id": "x", "answer": <json>}`, or the warning's message.
    func answer(_ json: String) -> String {
        let result = read([#"{"id": "x", "answer": "# + json + "}"])
        return result.statements.first?.answer ?? "warning: " + (result.warnings.first?.message ?? "none")
    }

    /// Whether `{"id": "x", "answer": "ok", "other": <json>}` is a valid line.
    func acceptsValue(_ json: String) -> Bool {
        read([#"{"id": "x", "answer": "ok", "other": "# + json + "}"]).statements.count == 1
    }

    // MARK: - Strings

    @Test func escapesAreDecoded() {
        #expect(answer(#""say \"hi\" \\ a\/b""#) == #"say "hi" \ a/b"#)
        #expect(answer(#""caf\u00e9 \u4E2D\u6587""#) == "café 中文")
        #expect(answer(#""tab\there\rand\fform""#) == "tab here and form")
        #expect(answer(#""bell\bgone""#) == "bellgone")
        #expect(answer(#""one\ntwo\n\n\nthree""#) == "one\n\ntwo\n\nthree")
        #expect(answer(#""\u0000nul\u0001""#) == "nul")
    }

    @Test func surrogatePairsJoinAndLoneSurrogatesBecomeReplacementCharacters() {
        #expect(answer(#""smile \ud83d\ude00 clef \uD834\uDD1E""#) == "smile 😀 clef 𝄞")
        #expect(answer(#""lone \ud83d here""#) == "lone \u{FFFD} here")
        #expect(answer(#""low \ude00 first""#) == "low \u{FFFD} first")
        #expect(answer(#""\ud83d\u0041""#) == "\u{FFFD}A")
        #expect(answer(#""\ud83d\ud83d\ude00""#) == "\u{FFFD}😀")
    }

    @Test func rawUnicodeIsKeptAndCleanedLikePageText() {
        #expect(answer("\"知识产权 — ü 😀\"") == "知识产权 — ü 😀")
        #expect(answer("\"中\u{3000}\u{3000}文\u{FEFF}字。\u{3000}\"") == "中 文字。")
        #expect(answer("\"a\u{A0}\u{3000}b\u{2003}c\u{200B}d\u{FEFF}e\"") == "a b cde")
        #expect(answer(#""a&nbsp;b &nbsp; c &amp; d""#) == "a b c &amp; d")
        #expect(answer("\"\u{85} quote \u{93}x\u{94}\"") == "… quote “x”")
        #expect(answer(#""  lead   and  trail  ""#) == "lead and trail")
        #expect(answer(#""para  \n  \n   next ""#) == "para\n\nnext")
    }

    @Test func theIDIsUnescapedButNotCleaned() {
        let result = read([#"{"id": "a\u0020 b\\tc", "answer": "x"}"#])
        #expect(result.statements.first?.id == "a  b\\tc")
        #expect(read([#"{"id": 42, "answer": "x"}"#]).statements.first?.id == "42")
        #expect(read([#"{"\u0069d": "escaped-key", "answer": "x"}"#]).statements.first?.id == "escaped-key")
    }

    // MARK: - Values and structure

    @Test func nestedValuesAreSkippedAndOnlyTopLevelKeysCount() {
        let line =
            #"{"meta": {"id": "inner", "answer": [1, {"x": [null, true, "s\"]"]}], "q": {}}, "id": "top", "#
            + #""answer": "outer", "tags": [[], [[]], {"a": {"b": -1.5e3}}]}"#
        let result = read([line])
        #expect(result.statements.map(\.id) == ["top"])
        #expect(result.statements.first?.answer == "outer")
    }

    @Test(arguments: [
        "0", "-0", "12", "-3.5", "1e5", "2.5E-3", "1E+2", "0.5e-0", "123456789012345678901234567890", "1e-400",
        "1.7976931348623157e308", "1" + String(repeating: "0", count: 300),
        "0." + String(repeating: "0", count: 400) + "1e400",
    ])
    func validNumbersAreAccepted(number: String) {
        #expect(acceptsValue(number))
    }

    @Test(arguments: [
        "01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "NaN", "Infinity", "1e400", "-1e400", "1.5.2",
        "1.7976931348623159e308", "[1e999]", "1" + String(repeating: "0", count: 400),
    ])
    func invalidNumbersAreRejected(number: String) {
        #expect(!acceptsValue(number))
    }

    @Test func literalsMustBeExact() {
        #expect(acceptsValue("true") && acceptsValue("false") && acceptsValue("null"))
        for word in ["tru", "True", "nul", "falsey", "nulll"] { #expect(!acceptsValue(word), "\(word)") }
    }

    @Test func whitespaceAroundTokensIsAllowed() {
        let result = read(["\u{FEFF} \t{ \"id\" :\t\"w\" ,\r \"answer\" : \"ok\" } \r"])
        #expect(result.statements.map(\.id) == ["w"])
        #expect(result.warnings.isEmpty)
    }

    @Test func followUpIsABooleanOrZeroOrOne() {
        func followUp(_ json: String) -> Bool? {
            read([#"{"id": "f", "answer": "a", "follow_up": "# + json + "}"]).statements.first?.followUp
        }
        #expect(followUp("true") == true && followUp("1") == true && followUp("1.0") == true)
        #expect(followUp("false") == false && followUp("0") == false && followUp("2") == false)
        #expect(followUp("\"yes\"") == false && followUp("null") == false)
        #expect(
            read([#"{"id": "f", "answer": "a", "follow_up": "no", "followUp": true}"#]).statements.first?.followUp
                == true
        )
    }

    @Test func duplicateKeysLastOneWins() {
        let result = read([#"{"id": "a", "id": "b", "answer": "first", "answer": "second"}"#])
        #expect(result.statements.first?.id == "b")
        #expect(result.statements.first?.answer == "second")
        // A later non-string answer hides the earlier string: `text` is read instead.
        #expect(
            read([#"{"id": "c", "answer": "x", "answer": null, "text": "from text"}"#]).statements.first?.answer
                == "from text"
        )
    }

    @Test func datesAreKeptOrNormalizedOrDroppedWithAWarning() {
        let result = read(
            ["2019-05-01", "2020-02-29", "2019-02-29", "2019-05-01T10:00:00Z", "May 1, 2019", "1899-12-31"].enumerated()
                .map { #"{"id": "d\#($0.offset)", "answer": "a", "date": "\#($0.element)"}"# }
        )
        #expect(result.statements.map(\.date) == ["2019-05-01", "2020-02-29", "", "2019-05-01", "2019-05-01", ""])
        #expect(result.warnings.map(\.line) == [3, 6])
    }

    // MARK: - Broken lines

    @Test(arguments: [
        #"{"id": "x", "answer": "trunc"#, #"{"id": "x", "answer": "ok""#, #"{"id": "x", "answer": "ok","#, #"{"id""#,
        #"{"id": "x", "answer": "ok"} trailing"#, #"{"id": "x", "answer": "ok"}}"#, #"{"id": "x", "answer": "ok"}{}"#,
        #"{"id": "x", "answer": "bad \x escape"}"#, #"{"id": "x", "answer": "\u12"}"#,
        #"{"id": "x", "answer": "\u12G4"}"#,
        "{\"id\": \"x\", \"answer\": \"raw\ttab\"}", "{\"id\": \"x\", \"answer\": \"ctl\u{01}\"}",
        #"{"id": "x", "answer": "ok",}"#, #"{"id": "x", "answer": "ok", "a": [1, 2,]}"#, #"{"id": "x" "answer": "ok"}"#,
        #"{'id': 'x', 'answer': 'ok'}"#, #"{id: "x", answer: "ok"}"#, #"{"id": "x", "answer": "ok", "a": [1 2]}"#,
        #"{"id": "x", "answer": "ok", "a": {"b"}}"#, #"{"id": "x", "answer": "ok", "a": {"b": 1]}"#,
        "{\"id\": \"x\", \"answer\": \"ok\"}\u{0C}", "\u{0B}{\"id\": \"x\", \"answer\": \"ok\"}",
        "{\"id\": \"x\", \"answer\": \"ok\"}\u{0}",
        #"{"id": "x", "answer": "ok" /* comment */}"#, #"{"id": "x", "answer": "ok"} // comment"#,
        #"{"id": "x", "answer": "it\'s"}"#, #"{"id": "x", "answer": "\U0041"}"#, #"{, "id": "x", "answer": "ok"}"#,
        #"{"id": "x", "answer": "ok", "a": [, 1]}"#, #"{"id": "x", "answer": "ok", "a": [1,, 2]}"#,
        #"{"id": "x",, "answer": "ok"}"#, #"{"id":: "x", "answer": "ok"}"#, "\u{FEFF}\u{FEFF}{\"id\": \"x\"}",
        #"{"id": "x", "answer": "ok", "a": 0.e1}"#, #"{"id": "x", "answer": "ok", "a": --1}"#,
        "42", #""just a string""#, "null", "}", "{",
    ])
    func brokenLinesAreReportedAsNotValidJSON(line: String) {
        let result = read([#"{"id": "before", "answer": "a"}"#, line, #"{"id": "after", "answer": "b"}"#])
        #expect(result.statements.map(\.id) == ["before", "after"])
        #expect(result.warnings.map(\.description) == ["t.jsonl:2: not valid JSON; line skipped"])
    }

    @Test func everyTruncationOfAValidLineIsInvalid() {
        let line = Array(
            #"{"id": "x", "answer": "a \u00e9 \"q\"", "n": [1, {"k": -2.5e3}], "t": true, "z": null}"#.utf8
        )
        for end in 1..<line.count {
            let result = reader.read(bytes: Array(line[..<end]), path: "t.jsonl")
            #expect(result.warnings.first?.message == "not valid JSON; line skipped", "cut at \(end)")
        }
    }

    @Test func nestingIsLimitedTo512Levels() {
        func nested(_ levels: Int) -> String {
            #"{"id": "d", "answer": "a", "n": "# + String(repeating: "[", count: levels)
                + String(repeating: "]", count: levels) + "}"
        }
        #expect(read([nested(511)]).statements.count == 1)
        #expect(read([nested(512)]).warnings.first?.message == "not valid JSON; line skipped")
        #expect(read([nested(100_000)]).warnings.first?.message == "not valid JSON; line skipped")
    }

    @Test func otherProblemsAreNamed() {
        var bytes = Array(#"{"id": "u", "answer": "bad "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(reader.read(bytes: bytes, path: "t.jsonl").warnings.first?.message == "not valid UTF-8; line skipped")
        bytes = Array(#"{"id": "u", "answer": "ok", "x": 1 "#.utf8) + [0xE2, 0x82] + Array("}".utf8)
        #expect(reader.read(bytes: bytes, path: "t.jsonl").warnings.first?.message == "not valid UTF-8; line skipped")
        let messages = read([
            #"["an", "array"]"#, #"{"answer": "no id"}"#, #"{"id": "", "answer": "x"}"#,
            #"{"id": null, "answer": "x"}"#,
            #"{"id": "n", "answer": "  \n "}"#, #"{"id": "m", "answer": "", "text": "not read"}"#,
        ]).warnings.map(\.message)
        #expect(
            messages == [
                "not a JSON object; line skipped", "missing \"id\"; line skipped",
                "\"id\" must be a non-empty string; line skipped", "\"id\" must be a non-empty string; line skipped",
                "missing \"answer\" or \"text\"; line skipped", "missing \"answer\" or \"text\"; line skipped",
            ]
        )
    }
}
