import Testing
import TranscriptIngest

/// How bodies split into statements, and text hygiene (acceptance 4), on pages built here.
@Suite struct PageSplittingTests {
    let reader = TranscriptReader()

    func read(_ html: String, path: String = "test.html") -> SourceResult {
        reader.read(bytes: Array(html.utf8), path: path)
    }

    @Test func questionAndAnswerEraSplitsWithOpeningRemarks() throws {
        let html = PageFixtures.english(
            title: "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on May 11, 2018",
            body: """
                <P>At the invitation of the President, the Special Envoy will travel to Freetown. </P>
                <P>Sierra Leone is an important partner.</P>
                <P><STRONG>Q: What is the purpose of the visit?</STRONG></P>
                <P>A: France is a permanent member of the Security Council.</P>
                <P>During his visit he will meet the President.</P>
                <P><B>Follow-up: </B><B>And Spain?</B></P>
                <P>A: Spain is an important member of the EU.</P>
                """
        )
        let result = read(html)
        #expect(result.outcome == .parsed)
        let statements = result.statements
        try #require(statements.count == 3)
        #expect(statements[0].question == "")
        #expect(
            statements[0].answer
                == "At the invitation of the President, the Special Envoy will travel to Freetown.\n\nSierra Leone is an important partner."
        )
        #expect(statements[1].question == "What is the purpose of the visit?")
        #expect(
            statements[1].answer
                == "France is a permanent member of the Security Council.\n\nDuring his visit he will meet the President."
        )
        #expect(statements[2].followUp)
        #expect(statements[2].question == "And Spain?")
        #expect(statements.allSatisfy { $0.date == "2018-05-11" && $0.spokesperson == "Geng Shuang" })
        #expect(statements.allSatisfy { $0.kind == "press-conference" && $0.language == "en" })
        #expect(statements.map(\.id) == ["test.html#1", "test.html#2", "test.html#3"])
        #expect(statements.map(\.ordinal) == [1, 2, 3])
    }

    @Test func outletEraSplitsAndNormalizesNames() throws {
        let html = PageFixtures.english(
            body: """
                <P><B>Bloomberg News: </B><B>Will the talks go ahead?</B></P>
                <P>Hua Chunying: We have released the information.</P>
                <P><B>China News Service: Any comment?</B></P>
                <P>Hua Chunying: No.</P>
                <P><B>Reuters: First question.</B></P>
                <P><B>A second part of the question.</B></P>
                <P>Zhao Lijian: An answer from a colleague.</P>
                """
        )
        let statements = read(html).statements
        try #require(statements.count == 3)
        #expect(statements.map(\.outlet) == ["Bloomberg", "CNS", "Reuters"])
        #expect(statements[0].question == "Will the talks go ahead?")
        #expect(statements[0].answer == "We have released the information.")
        #expect(statements[2].question == "First question.\n\nA second part of the question.")
        #expect(statements[2].spokesperson == "Zhao Lijian")
        #expect(statements[0].spokesperson == "Hua Chunying")
    }

    @Test func chinesePagesSplitOnFullWidthColonsAndNames() throws {
        let html = PageFixtures.chinese(
            title: "2020年6月10日外交部发言人华春莹主持例行记者会",
            date: "2020-06-10",
            body: """
                <P>　　应邀，国务委员将出席会议。</P>
                <P>　　<B>问：</B><B>你能否介绍有关情况？</B></P>
                <P>　　答：中美执法合作是两国关系的重要组成部分。</P>
                <P>　　<B>路透社记者：中方对此有何评论？</B></P>
                <P>　　华春莹：我们已经多次阐述了立场。</P>
                <P>　　<B>追问：还有吗？</B></P>
                <P>　　答：没有了。</P>
                """
        )
        let statements = read(html).statements
        try #require(statements.count == 4)
        #expect(statements[0].question == "" && statements[0].answer == "应邀，国务委员将出席会议。")
        #expect(statements[1].question == "你能否介绍有关情况？")
        #expect(statements[1].answer == "中美执法合作是两国关系的重要组成部分。")
        #expect(statements[2].outlet == "路透社")
        #expect(statements[2].answer == "我们已经多次阐述了立场。")
        #expect(statements[3].followUp)
        #expect(statements.allSatisfy { $0.date == "2020-06-10" && $0.language == "zh" && $0.spokesperson == "华春莹" })
        #expect(statements.allSatisfy { !$0.answer.contains("相关新闻") && !$0.answer.contains("2018年5月31日") })
    }

    @Test func aSentenceWithAColonAfterAQuestionStaysInTheAnswer() throws {
        let html = PageFixtures.chinese(
            title: "外交部发言人答记者问",
            date: "2019-01-02",
            body: "<P><B>问：有何评论？</B></P><P>我认为：这是好事。</P><P>Note: kept as is.</P>"
        )
        let statements = read(html).statements
        try #require(statements.count == 1)
        #expect(statements[0].answer == "我认为：这是好事。\n\nNote: kept as is.")
        #expect(statements[0].kind == "answers-to-journalists")
    }

    @Test func aReleaseWithoutQuestionsIsOneStatement() throws {
        let html = PageFixtures.chinese(
            title: "中国政府向塞尔维亚派遣抗疫医疗专家组",
            date: "2020-03-21",
            body: "<P>　　第一段。</P><P>　　第二段。</P>"
        )
        let statements = read(html).statements
        try #require(statements.count == 1)
        #expect(statements[0].question == "")
        #expect(statements[0].answer == "第一段。\n\n第二段。")
        #expect(statements[0].kind == "press-release")
        #expect(statements[0].spokesperson == "")
    }

    @Test func inlineSpansJoinWithoutInventedSpaces() throws {
        let html = PageFixtures.english(
            body: """
                <P><B>Q: </B><B><SPAN>We </SPAN></B><B><SPAN>warm</SPAN></B><B><SPAN>ly welcome</SPAN></B><B> you.</B></P>
                <P>A: Thank&nbsp;you&nbsp;&nbsp; very\tmuch &amp;nbsp; indeed<BR>Second line.\u{3000}\u{3000}End.</P>
                <P>A C1 quote: \u{93}hello\u{94} and a zero\u{200B}width space.</P>
                """
        )
        let statements = read(html).statements
        try #require(statements.count == 1)
        #expect(statements[0].question == "We warmly welcome you.")
        #expect(
            statements[0].answer
                == "Thank you very much indeed\n\nSecond line. End.\n\nA C1 quote: “hello” and a zerowidth space."
        )
        for text in [statements[0].question, statements[0].answer] { #expect(TextChecks.problems(in: text).isEmpty) }
    }

    @Test func scriptsStylesAndHiddenElementsAreDropped() throws {
        let html = PageFixtures.english(
            body: """
                <P>Opening.</P><script>var liname = document.getElementById("x");</script><style>.a{color:red}</style>
                <div style="display: none"><P>Hidden related news</P></div><noscript>Enable JS</noscript>
                """
        )
        let statements = read(html).statements
        #expect(statements.map(\.answer) == ["Opening."])
    }

    @Test func aTitleWithoutYearTakesTheImageStampAndWarns() throws {
        let html = PageFixtures.english(
            title: "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on September 28",
            body: "<P><IMG src=\"./W020180928383750118447.jpg\"></P><P>Q: Hello?</P><P>A: Hello.</P>"
        )
        let result = read(html)
        #expect(result.statements.first?.date == "2018-09-28")
        #expect(result.warnings.contains { $0.message.contains("no year") })
    }

    @Test func aPageWithoutAnyDateIsUndatedWithAWarning() throws {
        let html = PageFixtures.english(
            title: "Foreign Ministry Spokesperson Hua Chunying's Remarks on Something",
            body: "<P>Q: Hello?</P><P>A: Hello.</P>"
        )
        let result = read(html)
        #expect(result.statements.first?.date == "")
        #expect(result.statements.first?.kind == "remarks")
        #expect(result.warnings.contains { $0.description.hasPrefix("test.html: no date") })
    }

    @Test func aListingPageIsSkipped() {
        let html = """
            <html><head><meta charset="utf-8"><title>Regular Press Conference</title></head><body>
            <div class="newsLst_mod"><ul><li><a href="./t1.shtml">Press Conference on April 30, 2020</a></li></ul></div>
            </body></html>
            """
        #expect(read(html).outcome == .skipped(.noTranscriptBody))
    }

    @Test(arguments: [
        ("May 11, 2018", "2018-05-11"), ("June11, 2018", "2018-06-11"), ("on 3rd March 2019", "2019-03-03"),
        ("2016年11月15日外交部", "2016-11-15"), ("2016-11-15", "2016-11-15"), ("2020/2/3 10:00", "2020-02-03"),
        ("February 30, 2019", ""), ("no date here", ""),
    ])
    func datesInTitles(text: String, expected: String) {
        let html = PageFixtures.english(title: "Press Conference on \(text)", body: "<P>Q: a?</P><P>A: b.</P>")
        #expect(read(html).statements.first?.date == expected)
    }
}
