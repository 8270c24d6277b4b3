extension PartGenerator {
    /// Writes one page per briefing into `directory`, named `<date>-<lang>-p<part>-b<n>.html`, in the markup
    /// of the ministry site's English pages (2016–2020 layout): `h2.title`, `div#News_Body_Time`,
    /// `div.content` with one `<P>` per paragraph, questions in bold behind `Q:` or the outlet's name,
    /// answers behind `A:`; breadcrumbs, a hidden related-news list and a footer that ingest must drop.
    /// Chinese briefings use the same layout with `问：`/`答：`.
    /// - Returns: the pages and statements written.
    mutating func writeHTML(statements: Int, directory: String) throws -> (pages: Int, statements: Int, bytes: Int) {
        let briefings = plan(statements: statements)
        var written = 0, bytes = 0
        for (index, briefing) in briefings.enumerated() {
            let name = "\(briefing.date.iso)-\(briefing.language.code)-p\(part)-b\(index).html"
            let file = try OutputFile(path: directory + "/" + name)
            written += appendPage(briefing, to: &file.buffer)
            try file.flush()
            bytes += file.bytesWritten
        }
        return (briefings.count, written, bytes)
    }

    private mutating func appendPage(_ briefing: PlannedBriefing, to out: inout [UInt8]) -> Int {
        let t = template(briefing)
        let chinese = briefing.language == .chinese
        var title: [UInt8] = []
        JSONText.appendHTML(Array(self.title(briefing).utf8), to: &title)
        func add(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        add(
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
            <title>
            """
        )
        out.append(contentsOf: title)
        add(
            """
            </title>
            <script type="text/javascript" src="../../../images/main.js"></script>
            </head>
            <body>
                <div class="container clearfix">
                	<div style="width:100%">
                    	<div class="urhere">
                        	<a href="./../../../">Home</a>&nbsp;>&nbsp;<a href="./../../">Press and Media Service</a>&nbsp;>&nbsp;<a href="./../">Spokesperson's Remarks</a>&nbsp;>&nbsp;<a href="./">Regular Press Conference</a>
                        </div>
                        <div class="content_mod">
                        	<h2 class="title">
            """
        )
        out.append(contentsOf: title)
        add("</h2>\n                <div class=\"date\" id=\"News_Body_Time\">\(briefing.date.iso)</div>\n")
        add("                <div class=\"content\">\n")
        let paragraphOpen = "<P style=\"FONT-SIZE: 14px; FONT-FAMILY: arial\" align=justify>"
        let boldOpen = "<B><SPAN style=\"FONT-SIZE: 14px; FONT-FAMILY: arial\">"
        let paragraphBreak = Array("</SPAN></B> </P>\n\(paragraphOpen)\(boldOpen)".utf8)
        let answerBreak = Array(" </P>\n\(paragraphOpen)".utf8)
        let colon = chinese ? "：" : ": "
        for ordinal in 0..<briefing.statements {
            let shape = t.statements[ordinal]
            if !shape.question.isEmpty {
                let label = shape.outlet.isEmpty ? (chinese ? "问" : "Q") : shape.outlet
                add(paragraphOpen + boldOpen)
                JSONText.appendHTML(Array((label + colon).utf8), to: &out)
                appendText(
                    shape.question,
                    pool: corpus.questions[briefing.language.rawValue],
                    language: briefing.language,
                    paragraphBreak: paragraphBreak,
                    json: false,
                    to: &out
                )
                add("</SPAN></B> </P>\n")
            }
            add(paragraphOpen)
            if !shape.question.isEmpty { add((chinese ? "答" : "A") + colon) }
            appendText(
                shape.answer,
                pool: corpus.answers[briefing.language.rawValue],
                language: briefing.language,
                paragraphBreak: answerBreak,
                json: false,
                to: &out
            )
            add(" </P>\n")
        }
        add(
            """
                            </div>
                            <div class="tool" style="margin-top:15px;display:none;" id="id_RelNewsList">
                            <div style="font-size:14px; font-weight:bold; height:26px; line-height:26px; padding-left:10px;">Related News:</div>
                            <div class="newsLst_mod"><ul id="id_RelNewsList_li"></ul></div>
                            </div>
                        </div>
                    </div>
                </div>
                <div class="footer">
                    <div class="copyright">Copyright©1998-2014, Ministry of Foreign Affairs, the People's Republic of China</div>
                </div>
            </body>
            </html>

            """
        )
        return briefing.statements
    }
}
