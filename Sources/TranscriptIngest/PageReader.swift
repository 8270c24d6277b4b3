/// Reads one HTML page: encoding, libxml2 parse, landmarks, statements.
struct PageReader {
    let source: String
    /// Metadata the source states outright (a Markdown file's front matter): it wins over the page's.
    var overrides: FrontMatter? = nil
    /// Whether every paragraph outside a transcript layout is main text (a Markdown file's body).
    var wholeBody = false

    func read(_ buffer: UnsafeRawBufferPointer) -> SourceResult {
        var warnings: [SourceWarning] = []
        func warn(_ message: String) { warnings.append(SourceWarning(source: source, message: message)) }

        // A UTF-16 page starts with a byte-order mark and is full of NUL bytes; check the mark first.
        let hasUTF16Mark =
            buffer.count >= 2 && (buffer[0] == 0xFF && buffer[1] == 0xFE || buffer[0] == 0xFE && buffer[1] == 0xFF)
        if !hasUTF16Mark, ByteText.looksBinary(buffer) {
            return SourceResult(source: source, outcome: .skipped(.binary))
        }
        if !hasUTF16Mark, let first = ByteText.firstNUL(buffer) {
            return readReplacingNULs(buffer, from: first)
        }

        // Checked at most once: a page without a charset would otherwise be scanned twice.
        var checkedUTF8: Int??
        func firstInvalidUTF8() -> Int? {
            if let checked = checkedUTF8 { return checked }
            let found = ByteText.firstInvalidUTF8(buffer)
            checkedUTF8 = .some(found)
            return found
        }

        let encoding: PageEncoding
        if hasUTF16Mark {
            encoding = .other(buffer[0] == 0xFF ? "UTF-16LE" : "UTF-16BE")
        } else if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            encoding = .utf8
        } else if let label = PageEncoding.declaredLabel(in: buffer) {
            if let declared = PageEncoding(label: label),
                declared.libxml2Name == "UTF-8" || LibXML2.canDecode(declared.libxml2Name)
            {
                encoding = declared
            } else {
                warn("unknown charset '\(label)' declared; reading by content")
                encoding = firstInvalidUTF8() == nil ? .utf8 : .windows1252
            }
        } else if let offset = firstInvalidUTF8() {
            warn("no charset declared and byte \(offset) is not UTF-8; read as windows-1252")
            encoding = .windows1252
        } else {
            encoding = .utf8
        }

        var page: ExtractedPage?
        switch encoding {
        case .utf8:
            if let offset = firstInvalidUTF8() {
                warn("declared UTF-8 but byte \(offset) is not; invalid bytes replaced with U+FFFD")
                let repaired = ByteText.repairingUTF8(buffer)
                page = repaired.withUnsafeBytes { parse($0, encoding: "UTF-8") }
            } else {
                page = parse(buffer, encoding: "UTF-8")
            }
        case .windows1252:
            let transcoded = ByteText.transcodingWindows1252(buffer)
            page = transcoded.withUnsafeBytes { parse($0, encoding: "UTF-8") }
        case .other(let name):
            page = parse(buffer, encoding: name)
            if page == nil {
                warn("could not decode the page as \(name); read by content instead")
                let fallback: PageEncoding = ByteText.firstInvalidUTF8(buffer) == nil ? .utf8 : .windows1252
                let bytes =
                    fallback == .utf8 ? Array(buffer) : ByteText.transcodingWindows1252(buffer)
                page = bytes.withUnsafeBytes { parse($0, encoding: "UTF-8") }
            }
        }
        guard let page else {
            return SourceResult(source: source, warnings: warnings, outcome: .skipped(.noTranscriptBody))
        }
        guard page.hasBody else {
            return SourceResult(
                source: source,
                warnings: warnings,
                outcome: .skipped(.noTranscriptBody),
                reader: .listing
            )
        }
        guard !page.blocks.isEmpty else {
            return SourceResult(source: source, warnings: warnings, outcome: .skipped(.emptyBody), reader: page.reader)
        }
        if !Self.endsLikeCompletePage(buffer) {
            warn("the page ends without </html>; it may be truncated, statements are read from what is there")
        }
        var briefing = BriefingMetadata(page: page)
        overrides?.apply(to: &briefing)
        if let dateWarning = briefing.dateWarning { warn(dateWarning) }
        let statements =
            if let transcript = page.transcript {
                TranscriptStatements(briefing: briefing, source: source).split(transcript)
            } else if let article = page.article {
                ArticlePassages(briefing: briefing, source: source).split(article)
            } else {
                StatementSplitter(briefing: briefing, source: source).split(page.blocks)
            }
        var result = SourceResult(source: source, statements: statements, warnings: warnings, reader: page.reader)
        result.metadata = briefing.metadata
        return result
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, encoding: String) -> ExtractedPage? {
        // Only UTF-8 is known to be ASCII-compatible here (a UTF-16 or ISO-2022 page may hold `<` bytes
        // inside characters).
        if encoding == "UTF-8", let lean = ScriptStripper.stripped(bytes) {
            return lean.withUnsafeBytes { parseWhole($0, encoding: encoding) }
        }
        return parseWhole(bytes, encoding: encoding)
    }

    private func parseWhole(_ bytes: UnsafeRawBufferPointer, encoding: String) -> ExtractedPage? {
        guard let document = HTMLDocument(parsing: bytes, encoding: encoding, url: source) else { return nil }
        return PageExtractor.extract(document, wholeBody: wholeBody)
    }

    /// Whether `</html>` (or `</body>`) appears in the last bytes of the page; in its last characters for a
    /// UTF-16 page (with a byte-order mark), whose ASCII characters are two bytes each.
    static func endsLikeCompletePage(_ buffer: UnsafeRawBufferPointer) -> Bool {
        if buffer.count >= 2, buffer[0] == 0xFF && buffer[1] == 0xFE || buffer[0] == 0xFE && buffer[1] == 0xFF {
            // The tail's ASCII characters, one byte each; any other character becomes 0xFF.
            let low = buffer[0] == 0xFF ? 0 : 1
            var start = max(2, buffer.count - 8192)
            start -= start % 2
            var ascii: [UInt8] = []
            ascii.reserveCapacity((buffer.count - start) / 2)
            for i in stride(from: start, to: buffer.count - 1, by: 2) {
                let byte = buffer[i + low]
                ascii.append(buffer[i + 1 - low] == 0 && byte < 0x80 ? byte : 0xFF)
            }
            return ascii.withUnsafeBytes { endsLikeCompletePage($0) }
        }
        let start = max(0, buffer.count - 4096)
        return buffer.firstIndexIgnoringCase(of: "</html", from: start, end: buffer.count) != nil
            || buffer.firstIndexIgnoringCase(of: "</body", from: start, end: buffer.count) != nil
    }

    /// Reads a text page that holds NUL bytes (a bad copy, a broken editor) with spaces in their place, and
    /// says so: a stray NUL must not cost the page, nor cut it short where the parser would stop.
    private func readReplacingNULs(_ buffer: UnsafeRawBufferPointer, from first: Int) -> SourceResult {
        var cleaned = Array(buffer)
        var count = 0
        for i in first..<cleaned.count where cleaned[i] == 0 {
            cleaned[i] = 0x20
            count += 1
        }
        var result = cleaned.withUnsafeBytes { read($0) }
        let what = count == 1 ? "a NUL byte at byte \(first)" : "\(count) NUL bytes (the first at byte \(first))"
        result.warnings.insert(SourceWarning(source: source, message: "\(what) replaced by a space"), at: 0)
        return result
    }
}
