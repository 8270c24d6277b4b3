import Foundation
import Testing
import TestSupport
import TranscriptIngest

/// Acceptance 5: bad input gets a clear message naming the file (and line), and the rest of the batch is read.
@Suite struct BadInputTests {
    let reader = TranscriptReader()
    static let goodPage = PageFixtures.english(body: "<P><B>Q: Is this fine?</B></P><P>A: It is.</P>")

    @Test func emptyAndBlankFilesAreSkipped() {
        #expect(reader.read(bytes: [], path: "empty.html").outcome == .skipped(.empty))
        #expect(reader.read(bytes: Array(" \n\t ".utf8), path: "blank.jsonl").outcome == .skipped(.empty))
    }

    @Test func binaryFilesAreSkipped() {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(reader.read(bytes: bytes, path: "image.html").outcome == .skipped(.binary))
        #expect(
            reader.read(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], path: "x.htm").outcome
                == .skipped(.binary)
        )
    }

    @Test func valuesOfTheWrongTypeAreWarnedWithTheirLineFieldAndType() {
        let lines = [
            #"{"id": "a", "answer": "Dated by number.", "date": 20190102}"#,
            #"{"id": "b", "answer": 42}"#,
            #"{"id": "c", "answer": "Fine.", "spokesperson": ["Geng Shuang"], "question": true, "date": 3}"#,
            #"{"id": "d", "answer": "Fine too.", "follow_up": 2, "outlet": null}"#,
        ]
        let result = reader.read(bytes: Array(lines.joined(separator: "\n").utf8), path: "typed.jsonl")
        #expect(result.statements.map(\.id) == ["a", "c", "d"])
        #expect(result.statements.first?.date == "2019-01-02")
        #expect(
            result.warnings.map(\.description) == [
                #"typed.jsonl:1: "date" is a number (20190102), not a string; read as 2019-01-02"#,
                #"typed.jsonl:2: "answer" is a number, not a string; line skipped"#,
                #"typed.jsonl:3: "date" is a number, not a string; ignored"#,
                #"typed.jsonl:3: "spokesperson" is an object or array, not a string; ignored"#,
                #"typed.jsonl:3: "question" is a boolean, not a string; ignored"#,
                #"typed.jsonl:4: "follow_up" is a number, not true or false; ignored"#,
            ]
        )
    }

    @Test func aTruncatedPageKeepsWhatIsThereAndWarns() throws {
        let page = PageFixtures.english(
            body: (1...20).map { "<P><B>Q: Question \($0)?</B></P><P>A: Answer \($0).</P>" }.joined()
        )
        let bytes = Array(page.utf8)
        let cut = try #require(page.utf8.firstRange(of: "Answer 12".utf8)).lowerBound
        let truncated = Array(bytes[..<page.utf8.distance(from: page.utf8.startIndex, to: cut)])
        let result = reader.read(bytes: truncated, path: "cut.html")
        #expect(result.outcome == .parsed)
        #expect(result.statements.count == 12)
        #expect(result.statements.last?.answer == "")
        #expect(result.warnings.contains { $0.source == "cut.html" && $0.message.contains("truncated") })
    }

    @Test func aFiftyMegabytePageIsRead() {
        let paragraph =
            "<P><B>Q: What is the position on trade?</B></P><P>A: "
            + String(repeating: "We oppose unilateralism. ", count: 40) + "</P>\n"
        let count = 50 * 1_048_576 / paragraph.utf8.count + 1
        var body = ""
        body.reserveCapacity(count * paragraph.utf8.count)
        for _ in 0..<count { body += paragraph }
        let page = PageFixtures.english(body: body)
        #expect(page.utf8.count > 50 * 1_048_576)
        let result = reader.read(bytes: Array(page.utf8), path: "huge.html")
        #expect(result.outcome == .parsed)
        #expect(result.statements.count == count)
        #expect(result.statements.last?.answer.hasSuffix("We oppose unilateralism.") == true)
    }

    @Test func anUndeclaredWindows1252PageIsTranscodedWithAWarning() throws {
        let page = PageFixtures.english(
            charset: nil,
            body:
                "<P>Q: Caf\u{E9} \u{201C}quoted\u{201D} \u{2013} ok?</P><P>A: Na\u{EF}ve r\u{E9}sum\u{E9} \u{20AC}5.</P>"
        )
        var bytes: [UInt8] = []
        for scalar in page.unicodeScalars {
            switch scalar.value {
            case 0..<0x80, 0xA0...0xFF: bytes.append(UInt8(scalar.value))
            case 0x201C: bytes.append(0x93)
            case 0x201D: bytes.append(0x94)
            case 0x2013: bytes.append(0x96)
            case 0x20AC: bytes.append(0x80)
            default: bytes.append(UInt8(ascii: "?"))
            }
        }
        let result = reader.read(bytes: bytes, path: "latin.html")
        let statement = try #require(result.statements.first)
        #expect(statement.question == "Café “quoted” – ok?")
        #expect(statement.answer == "Naïve résumé €5.")
        #expect(result.warnings.contains { $0.source == "latin.html" && $0.message.contains("windows-1252") })
    }

    @Test func aDeclaredGB2312PageIsDecoded() throws {
        // "问：好吗？答：好。" in GBK bytes, in a page that declares gb2312.
        let head = Array(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>t</title></head><body><div id=\"News_Body_Txt_A\"><p><b>"
                .utf8
        )
        let question: [UInt8] = [0xCE, 0xCA, 0xA3, 0xBA, 0xBA, 0xC3, 0xC2, 0xF0, 0xA3, 0xBF]
        let middle = Array("</b></p><p>".utf8)
        let answer: [UInt8] = [0xB4, 0xF0, 0xA3, 0xBA, 0xBA, 0xC3, 0xA1, 0xA3]
        let tail = Array("</p></div></body></html>".utf8)
        let result = reader.read(bytes: head + question + middle + answer + tail, path: "gb.html")
        let statement = try #require(result.statements.first)
        #expect(statement.question == "好吗？")
        #expect(statement.answer == "好。")
        #expect(statement.language == "zh")
    }

    @Test func aScriptAssigningCharsetIsNotADeclaration() throws {
        // UTF-8 bytes, no meta: the script's gb2312 must not make the page mojibake.
        let page =
            "<html><head><script>document.charset='gb2312';</script></head><body><div class=\"content\"><p>问：好吗？</p><p>答：好。</p></div></body></html>"
        let result = reader.read(bytes: Array(page.utf8), path: "script.html")
        #expect(result.statements.first?.question == "好吗？")
        #expect(!result.warnings.contains { $0.message.contains("windows-1252") || $0.message.contains("charset") })
    }

    @Test func anUnknownOrCommentedOutCharsetIsNotUsed() throws {
        let body = "<body><div class=\"content\"><p>Q: Caf\u{E9}?</p><p>A: Oui.</p></div></body></html>"
        let unknown = "<html><head><meta charset=\"x-klingon\"></head>" + body
        let result = reader.read(bytes: Array(unknown.utf8), path: "unknown.html")
        #expect(result.statements.first?.question == "Café?")
        #expect(result.warnings.contains { $0.message.contains("unknown charset 'x-klingon'") })
        let commented = "<html><head><!-- <meta charset=\"gb2312\"> --></head>" + body
        #expect(reader.read(bytes: Array(commented.utf8), path: "c.html").statements.first?.question == "Café?")
    }

    @Test func invalidUTF8InADeclaredUTF8PageIsReplaced() throws {
        let page = Self.goodPage
        let fine = try #require(page.utf8.firstRange(of: "fine?".utf8))
        var bytes = Array(page.utf8)
        bytes.insert(contentsOf: [0xFF, 0xC3], at: page.utf8.distance(from: page.utf8.startIndex, to: fine.lowerBound))
        let result = reader.read(bytes: bytes, path: "bad-utf8.html")
        #expect(result.statements.first?.question.contains("\u{FFFD}") == true)
        #expect(result.warnings.contains { $0.message.contains("U+FFFD") && $0.source == "bad-utf8.html" })
    }

    @Test func aBrokenJSONLLineIsReportedByNumberAndTheRestIsRead() throws {
        let lines = [
            #"{"id": "a1", "answer": "First answer.", "date": "2020-01-02", "spokesperson": "Geng Shuang"}"#,
            #"{"id": "a2", "answer": "Broken"#,
            "",
            #"{"id": "a3", "question": "No answer here"}"#,
            #"["not", "an", "object"]"#,
            #"{"id": "a4", "text": "Fourth.", "asked_by": "Bloomberg News", "lang": "en", "follow_up": true}"#,
            #"{"id": "a1", "answer": "Duplicate id."}"#,
        ]
        let result = reader.read(bytes: Array(lines.joined(separator: "\n").utf8), path: "mixed.jsonl")
        #expect(result.outcome == .parsed)
        #expect(result.statements.map(\.id) == ["a1", "a4"])
        #expect(result.statements.map(\.ordinal) == [1, 2])
        #expect(result.statements[1].outlet == "Bloomberg")
        #expect(result.statements[1].followUp)
        #expect(result.statements[1].answer == "Fourth.")
        #expect(result.warnings.compactMap(\.line) == [2, 4, 5, 7])
        #expect(result.warnings.allSatisfy { $0.description.hasPrefix("mixed.jsonl:") })
        #expect(result.warnings[0].message.contains("not valid JSON"))
        #expect(result.warnings[1].message.contains("answer"))
    }

    @Test func aBatchOfBadFilesStillReadsTheGoodOne() throws {
        let directory = try TemporaryDirectory()
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = directory.url.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        let paths = [
            try write("a-empty.html", []),
            try write("b-binary.html", [0, 1, 2, 3, 0xFF, 0xFE, 0, 0]),
            try write("c-good.html", Array(Self.goodPage.utf8)),
            try write("d-broken.jsonl", Array("{\"id\": \"x\", \"answer\": \"ok\"}\n{oops\n".utf8)),
            try write("e-notes.txt", Array("hello".utf8)),
            directory.url.appendingPathComponent("f-missing.html").path,
        ]
        let results = reader.read(paths: paths, concurrency: 2)
        #expect(results.map(\.source) == paths)
        #expect(results[0].outcome == .skipped(.empty))
        #expect(results[1].outcome == .skipped(.binary))
        #expect(results[2].statements.count == 1)
        #expect(results[3].statements.count == 1)
        #expect(results[3].warnings.first?.description == "\(paths[3]):2: not valid JSON; line skipped")
        #expect(results[4].outcome == .skipped(.unsupportedExtension("txt")))
        if case .failed(let message) = results[5].outcome {
            #expect(!message.isEmpty)
        } else {
            Issue.record("a missing file must fail with a message")
        }
    }
}
