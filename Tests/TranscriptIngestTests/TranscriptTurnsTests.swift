import Foundation
import Testing
import TranscriptIngest

/// Transcripts in other layouts than the ministry's: speaker turns in capitals, `Q` questions (issue 13).
@Suite struct TranscriptTurnsTests {
    let reader = TranscriptReader()

    func read(
        _ body: String,
        title: String = "Press Briefing by Press Secretary Karine Jean-Pierre, May 2, 2023"
    )
        -> SourceResult
    {
        let html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body><nav><a href="/">Home</a> <a href="/briefing-room/">Briefing Room</a></nav>
            <main><h1>\(title)</h1><div class="body-content">\(body)</div></main>
            <footer><p>The White House, 1600 Pennsylvania Ave NW, Washington, DC 20500</p></footer></body></html>
            """
        return reader.read(bytes: Array(html.utf8), path: "briefing.html")
    }

    @Test func questionsAndAnswersAreStatementsSpokenByWhoAnswered() throws {
        let result = read(
            """
            <p>James S. Brady Press Briefing Room</p><p>2:43 P.M. EDT</p>
            <p>MS. JEAN-PIERRE:  Good afternoon, everyone. I have one item at the top on the new tariff review.</p>
            <p>The review covers solar panels, batteries and the steel that goes into them.</p>
            <p>Q    Thank you, Karine. Does the review cover patents on battery chemistry?</p>
            <p>MS. JEAN-PIERRE:  It covers the trade measures, not the patents themselves.</p>
            <p>Q    And when will it end?</p>
            <p>MS. JEAN-PIERRE:  By the end of the summer.</p>
            <p>END   3:41 P.M. EDT</p>
            """
        )
        #expect(result.outcome == .parsed)
        let statements = result.statements
        #expect(
            statements.map(\.question) == [
                "", "Thank you, Karine. Does the review cover patents on battery chemistry?", "And when will it end?",
            ]
        )
        #expect(
            statements.map(\.answer) == [
                "Good afternoon, everyone. I have one item at the top on the new tariff review.\n\n"
                    + "The review covers solar panels, batteries and the steel that goes into them.",
                "It covers the trade measures, not the patents themselves.",
                "By the end of the summer.",
            ]
        )
        // The title names `MS. JEAN-PIERRE` in full.
        #expect(statements.allSatisfy { $0.spokesperson == "Karine Jean-Pierre" })
        #expect(statements.allSatisfy { $0.date == "2023-05-02" && $0.kind == "press-conference" })
    }

    @Test func turnsRunIntoOneParagraphAreSplitAtTheNoBreakSpace() throws {
        // A paragraph whose turns are set off by lines holding only a no-break space, as the archive's
        // Markdown runs them together.
        let result = read(
            "<p>MS. JEAN-PIERRE:\u{00A0} Hi, everyone. Let us begin with climate finance.\n\u{00A0}\n"
                + "Q\u{00A0}\u{00A0}\u{00A0} Is the fund closed?\n\u{00A0}\nMS. JEAN-PIERRE:\u{00A0} It is not. "
                + "It stays open.\n\u{00A0}\nQ\u{00A0}\u{00A0}\u{00A0} Why not?\u{00A0} MS. JEAN-PIERRE:\u{00A0} "
                + "Because the pledges are still coming in.</p>"
        )
        #expect(result.statements.map(\.question) == ["", "Is the fund closed?", "Why not?"])
        #expect(
            result.statements.map(\.answer) == [
                "Hi, everyone. Let us begin with climate finance.", "It is not. It stays open.",
                "Because the pledges are still coming in.",
            ]
        )
    }

    @Test func questionsInARowBeforeOneAnswerAreOneQuestion() throws {
        let result = read(
            """
            <p>MS. JEAN-PIERRE:  Go ahead, Zeke.</p>
            <p>Q    On the chip export rules —</p>
            <p>Q    Sorry — just one more on that: will allies follow?</p>
            <p>MS. JEAN-PIERRE:  We have been talking to our allies for months.</p>
            <p>Q    Thanks.</p><p>Q:  And on the patent waiver?</p><p>QUESTION:  Is it dead?</p>
            <p>MS. JEAN-PIERRE:  It is not dead.</p>
            """
        )
        let answered = result.statements.filter { !$0.question.isEmpty }
        #expect(
            answered.map(\.question) == [
                "On the chip export rules —\n\nSorry — just one more on that: will allies follow?",
                "Thanks.\n\nAnd on the patent waiver?\n\nIs it dead?",
            ]
        )
        #expect(answered.map(\.answer) == ["We have been talking to our allies for months.", "It is not dead."])
    }

    @Test func aSecondOfficialMakesAStatementWithTheSameQuestion() throws {
        let result = read(
            """
            <p>MS. JEAN-PIERRE:  I'm joined by John Kirby to talk about the summit.</p>
            <p>MR. KIRBY:  Thanks, Karine. The leaders will sign a clean-energy partnership.</p>
            <p>Q    John, will the partnership cover rare earths?</p>
            <p>MR. KIRBY:  It will cover processing, yes.</p>
            <p>MS. JEAN-PIERRE:  And I would add that the Commerce Department leads on that.</p>
            <p>Q    Karine, one on trade?</p><p>MS. JEAN-PIERRE:  Sure.</p>
            """,
            title: "Press Briefing by Press Secretary Karine Jean-Pierre, May 2, 2023"
        )
        let pairs = result.statements.map { [$0.spokesperson, $0.question, $0.answer] }
        #expect(
            pairs == [
                ["Karine Jean-Pierre", "", "I'm joined by John Kirby to talk about the summit."],
                ["John Kirby", "", "Thanks, Karine. The leaders will sign a clean-energy partnership."],
                ["John Kirby", "John, will the partnership cover rare earths?", "It will cover processing, yes."],
                [
                    "Karine Jean-Pierre", "John, will the partnership cover rare earths?",
                    "And I would add that the Commerce Department leads on that.",
                ],
                ["Karine Jean-Pierre", "Karine, one on trade?", "Sure."],
            ]
        )
    }

    @Test func moderatorAndOperatorLinesAreNoStatementsAndNoAnswers() throws {
        let result = read(
            """
            <p>MODERATOR:  Thanks, everyone, for joining. This call is on background.</p>
            <p>SENIOR ADMINISTRATION OFFICIAL:  Thanks. Today we announce new rules on green steel imports.</p>
            <p>OPERATOR:  Our next question will go to Ana Ruiz with Reuters. Your line is open.</p>
            <p>Q    Thanks. How will the rules treat recycled steel?</p>
            <p>SENIOR ADMINISTRATION OFFICIAL:  Recycled steel counts toward the threshold.</p>
            <p>MODERTOR:  Next question.</p>
            <p>Q    Will it hold up at the WTO?</p>
            <p>SENIOR ADMINISTRATION OFFICIAL:  We believe so.</p>
            """,
            title: "Background Press Call by Senior Administration Officials on Green Steel"
        )
        let statements = result.statements
        #expect(
            statements.map(\.answer) == [
                "Thanks. Today we announce new rules on green steel imports.",
                "Recycled steel counts toward the threshold.", "We believe so.",
            ]
        )
        #expect(
            statements.map(\.question) == [
                "", "Thanks. How will the rules treat recycled steel?", "Will it hold up at the WTO?",
            ]
        )
        #expect(statements.allSatisfy { $0.spokesperson == "Senior Administration Official" })
        for statement in statements {
            #expect(!statement.answer.contains("next question") && !statement.answer.contains("line is open"))
        }
    }

    @Test func aModeratorCalledByNameIsStillAModerator() throws {
        let result = read(
            """
            <p>MR. ALVAREZ:  Good afternoon, and thank you for joining our call on the patent pool.</p>
            <p>Q    Does the pool include vaccines?</p>
            <p>SENIOR ADMINISTRATION OFFICIAL:  It includes vaccines and diagnostics.</p>
            <p>MR. ALVAREZ:  Thank you. We will go to Katie next. You should be unmuted now.</p>
            <p>Q    Who pays the royalties?</p>
            <p>SENIOR ADMINISTRATION OFFICIAL:  The manufacturers do.</p>
            <p>MR. ALVAREZ:  Thank you. That concludes our call.</p>
            """,
            title: "Background Press Call on the Patent Pool"
        )
        #expect(
            result.statements.filter { !$0.question.isEmpty }.map(\.spokesperson) == [
                "Senior Administration Official", "Senior Administration Official",
            ]
        )
        #expect(!result.statements.contains { $0.answer.contains("We will go to Katie") })
    }

    @Test func aHeadingInCapitalsIsNoSpeaker() throws {
        let result = read(
            """
            <p>MS. JEAN-PIERRE:  Three items today.</p>
            <p><strong>SUPPORTING AMERICAN INDUSTRY:</strong></p>
            <p>The President signed the order on heat pumps.</p>
            <p>NOMINATIONS SENT TO THE SENATE:</p>
            <p>Two judges.</p>
            <p>Q    Which judges?</p><p>MS. JEAN-PIERRE:  We will share the list.</p>
            <p>Q    And the trade talks?</p><p>MS. JEAN-PIERRE:  They resume Monday.</p>
            """
        )
        let opening = try #require(result.statements.first)
        #expect(opening.question.isEmpty)
        #expect(opening.spokesperson == "Karine Jean-Pierre")
        #expect(
            opening.answer == """
                Three items today.

                SUPPORTING AMERICAN INDUSTRY:

                The President signed the order on heat pumps.

                NOMINATIONS SENT TO THE SENATE:

                Two judges.
                """
        )
        #expect(result.statements.count == 3)
    }

    @Test func fullNamesComeFromTheTitleOrTheText() throws {
        let result = read(
            """
            <p>MS. JEAN-PIERRE:  Today I'm joined by National Security Advisor Jake Sullivan and by
            Secretary of Energy Jennifer M. Granholm.</p>
            <p>MR. SULLIVAN:  Thank you. A word on the climate summit.</p>
            <p>SECRETARY GRANHOLM:  And a word on the grid.</p>
            <p>Q    Jake, on export controls?</p><p>MR. SULLIVAN:  They stand.</p>
            <p>Q    Madam Secretary, on transformers?</p><p>SECRETARY GRANHOLM:  We are buying more.</p>
            <p>Q    Karine?</p><p>DR. OKAFOR:  Let me take that one.</p>
            """,
            title: "Press Briefing by Press Secretary Karine Jean-Pierre, May 2, 2023"
        )
        #expect(
            result.statements.map(\.spokesperson) == [
                "Karine Jean-Pierre", "Jake Sullivan", "Jennifer Granholm", "Jake Sullivan", "Jennifer Granholm",
                "Dr. Okafor",
            ]
        )
    }

    @Test func aReleaseQuotingOneQuestionIsAnArticle() throws {
        let result = read(
            """
            <p>WASHINGTON — The Department of Commerce today announced new support for makers of heat pumps,
            a step the Secretary called overdue in remarks to reporters on Tuesday.</p>
            <p>Asked whether the program would favor domestic suppliers, the Secretary was direct.</p>
            <p>Q: Will imported parts count? A: Only from partners with whom we have trade agreements.</p>
            <p>The program opens for applications in the spring, with awards expected by the end of the year,
            and the department said it would publish guidance for small manufacturers in the coming weeks.</p>
            """,
            title: "Commerce Announces Heat Pump Support"
        )
        #expect(result.statements.allSatisfy { $0.question.isEmpty })
        #expect(result.statements.contains { $0.answer.contains("Q: Will imported parts count?") })
    }

    @Test func boldLeadInsOfAFactSheetAreNoSpeakers() throws {
        let result = read(
            """
            <p><strong>PREVENTION:</strong> Programs that stop abuse before it starts, from schools to shelters.</p>
            <p><strong>PROTECTION:</strong> Services for survivors, including housing and legal help, in every state.</p>
            <p><strong>PROSECUTION:</strong> Holding abusers accountable through federal and state courts alike.</p>
            <p><strong>PARTNERSHIPS:</strong> Working with companies, unions and civil society across the country.</p>
            """,
            title: "FACT SHEET: The National Action Plan"
        )
        #expect(result.statements.allSatisfy { $0.question.isEmpty && $0.spokesperson.isEmpty })
        #expect(result.statements.contains { $0.answer.contains("PREVENTION: Programs") })
    }
}
