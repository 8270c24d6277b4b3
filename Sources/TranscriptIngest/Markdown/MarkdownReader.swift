/// Reads one Markdown source: its front matter with Yams, its body with libcmark-gfm into HTML, then that
/// HTML with the same page reader as any HTML page, so that the same readers (ministry transcript,
/// generic transcript, article) decide by what the file holds. The front matter's title, date, URL and
/// kind win over what the page reader guesses.
struct MarkdownReader {
    let source: String

    func read(_ buffer: UnsafeRawBufferPointer) -> SourceResult {
        let markdown = MarkdownSource(buffer)
        var warnings = markdown.problems.map { SourceWarning(source: source, line: $0.line, message: $0.message) }
        let body = UnsafeRawBufferPointer(rebasing: buffer[markdown.bodyStart...])
        if !ByteText.looksBinary(body), let offset = ByteText.firstInvalidUTF8(body) {
            let message = "byte \(markdown.bodyStart + offset) is not UTF-8; invalid bytes replaced with U+FFFD"
            warnings.append(SourceWarning(source: source, message: message))
        }
        let visible = MarkdownRepair.removingInvisibles(body)
        let repaired =
            (visible?.withUnsafeBytes(MarkdownRepair.closingStrongSpaces) ?? MarkdownRepair.closingStrongSpaces(body))
            ?? visible
        let converted = repaired.map { $0.withUnsafeBytes(CommonMark.html) } ?? CommonMark.html(body)
        guard let html = converted else {
            return SourceResult(
                source: source,
                warnings: warnings,
                outcome: .failed("out of memory converting Markdown")
            )
        }
        let page = Self.page(body: html, title: markdown.frontMatter?.title ?? "")
        let reader = PageReader(source: source, overrides: markdown.frontMatter, wholeBody: true)
        var result = page.withUnsafeBytes { reader.read($0) }
        result.warnings.insert(contentsOf: warnings, at: 0)
        return result
    }

    /// A whole HTML page around the converted body, titled with the front matter's title (the article
    /// reader drops a heading that repeats it).
    static func page(body: [UInt8], title: String) -> [UInt8] {
        var page: [UInt8] = []
        page.reserveCapacity(body.count + title.utf8.count + 128)
        page += Array("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>".utf8)
        for byte in title.utf8 {
            switch byte {
            case UInt8(ascii: "&"): page += Array("&amp;".utf8)
            case UInt8(ascii: "<"): page += Array("&lt;".utf8)
            case UInt8(ascii: ">"): page += Array("&gt;".utf8)
            default: page.append(byte)
            }
        }
        page += Array("</title></head><body>\n".utf8)
        page += body
        page += Array("</body></html>\n".utf8)
        return page
    }
}
