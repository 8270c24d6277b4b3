extension PartGenerator {
    /// Writes `statements` statements as JSONL lines in the fields `podium` reads.
    /// - Returns: the statements written.
    mutating func writeJSONL(statements: Int, to file: OutputFile) throws -> Int {
        let briefings = plan(statements: statements)
        let breakBytes = Array("\\n\\n".utf8)
        var written = 0
        for (index, briefing) in briefings.enumerated() {
            let t = template(briefing)
            var head: [UInt8] = []
            head.append(
                contentsOf: Array(
                    ",\"date\":\"\(briefing.date.iso)\",\"language\":\"\(briefing.language.code)\",\"kind\":\"".utf8
                )
            )
            JSONText.appendEscaped(t.kind, to: &head)
            head.append(contentsOf: Array("\",\"spokesperson\":\"".utf8))
            JSONText.appendEscaped(t.spokesperson, to: &head)
            head.append(contentsOf: Array("\",\"title\":\"".utf8))
            JSONText.appendEscaped(title(briefing), to: &head)
            head.append(UInt8(ascii: "\""))
            for ordinal in 0..<briefing.statements {
                let shape = t.statements[ordinal]
                file.buffer.append(
                    contentsOf: Array("{\"id\":\"\(statementID(briefing, index: index, ordinal: ordinal + 1))\"".utf8)
                )
                file.buffer.append(contentsOf: head)
                if !shape.outlet.isEmpty {
                    file.buffer.append(contentsOf: Array(",\"outlet\":\"".utf8))
                    JSONText.appendEscaped(shape.outlet, to: &file.buffer)
                    file.buffer.append(UInt8(ascii: "\""))
                }
                if shape.followUp { file.buffer.append(contentsOf: Array(",\"follow_up\":true".utf8)) }
                file.buffer.append(contentsOf: Array(",\"question\":\"".utf8))
                appendText(
                    shape.question,
                    pool: corpus.questions[briefing.language.rawValue],
                    language: briefing.language,
                    paragraphBreak: breakBytes,
                    json: true,
                    to: &file.buffer
                )
                file.buffer.append(contentsOf: Array("\",\"answer\":\"".utf8))
                appendText(
                    shape.answer,
                    pool: corpus.answers[briefing.language.rawValue],
                    language: briefing.language,
                    paragraphBreak: breakBytes,
                    json: true,
                    to: &file.buffer
                )
                file.buffer.append(contentsOf: Array("\"}\n".utf8))
                written += 1
                try file.flushIfFull()
            }
        }
        try file.flush()
        return written
    }
}
