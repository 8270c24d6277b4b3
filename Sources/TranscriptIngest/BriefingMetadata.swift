import Foundation

/// The metadata every statement of a page carries: title, date, spokesperson, publisher, language, kind.
///
/// A page in the ministry's layout is read by the ministry's rules (its date element, its title element);
/// any other page by `ArticleMetadata`'s, from the best source present. `metadata` says where each value
/// came from.
struct BriefingMetadata: Sendable, Equatable {
    var title: String
    var date: String
    var spokesperson: String
    var publisher = ""
    var language: String
    var kind: String
    var url: String
    /// Why the date is missing or was partly inferred, when it was.
    var dateWarning: String?
    /// Each value with where it came from.
    var metadata = PageMetadata()

    init(page: ExtractedPage) {
        if page.reader == .article, let signals = page.signals {
            self.init(article: page, signals: signals)
            return
        }
        self.init(ministry: page)
        if let signals = page.signals { fillEmptyValues(from: ArticleMetadata(page: page, signals: signals).metadata) }
    }

    /// Takes `found`'s title, date, publisher and URL where the ministry's rules found none.
    private mutating func fillEmptyValues(from found: PageMetadata) {
        if title.isEmpty, !found.title.value.isEmpty {
            title = found.title.value
            metadata.title = found.title
        }
        if date.isEmpty, !found.date.value.isEmpty {
            date = found.date.value
            metadata.date = found.date
            dateWarning = nil
        }
        if url.isEmpty, !found.canonicalURL.value.isEmpty {
            url = found.canonicalURL.value
            metadata.canonicalURL = found.canonicalURL
        }
        if metadata.publisher.source != .openGraphSiteName,
            found.publisher.source == .openGraphSiteName
                || publisher.isEmpty
        {
            publisher = found.publisher.value
            metadata.publisher = found.publisher
        }
    }

    /// A page in the ministry's layout, by its rules; the publisher is the canonical URL's host.
    private init(ministry page: ExtractedPage) {
        title = Self.title(of: page)
        language = Self.language(of: page, title: title)
        kind = Self.kind(title: title, breadcrumbs: page.breadcrumbs, language: language)
        spokesperson = Self.spokesperson(inTitle: title)
        url = page.canonicalURL
        (date, dateWarning) = Self.date(of: page, title: title)
        publisher = ArticleMetadata.host(of: url)
        metadata.title = SourcedValue(title, from: page.heading.isEmpty ? .documentTitle : .ministryHeading)
        metadata.date = SourcedValue(date, from: Self.dateSource(of: page, title: title))
        metadata.publisher = SourcedValue(publisher, from: .canonicalHost)
        metadata.author = SourcedValue(spokesperson, from: .titleText)
        let declared = page.htmlLanguage.lowercased()
        metadata.language = SourcedValue(
            language,
            from: declared.hasPrefix("zh") || declared.hasPrefix("en") ? .langAttribute : .textScript
        )
        metadata.canonicalURL = SourcedValue(url, from: page.canonicalFromLink ? .canonicalLink : .openGraphURL)
    }

    /// A page outside the ministry's layout: `ArticleMetadata`'s values. The spokesperson is the one the
    /// title names, else the author or issuing office when the page is a press release or a statement; a
    /// news story's byline names a reporter, whose words the story is not, so it stays out of `speaker:`.
    private init(article page: ExtractedPage, signals: PageSignals) {
        let found = ArticleMetadata(page: page, signals: signals)
        metadata = found.metadata
        title = metadata.title.value
        date = metadata.date.value
        publisher = metadata.publisher.value
        language = metadata.language.value
        url = metadata.canonicalURL.value
        kind = Self.kind(title: title, breadcrumbs: page.breadcrumbs, language: language)
        if found.jsonLD?.isPressRelease == true {
            kind = "press-release"
        } else if found.jsonLD?.isNews == true, kind == "press-release" {
            kind = "news"
        }
        spokesperson = Self.spokesperson(inTitle: title)
        let isRelease =
            found.jsonLD?.isPressRelease == true || kind == "statement"
            || title.lowercased().holds("press release")
        if spokesperson.isEmpty, isRelease { spokesperson = metadata.author.value }
        dateWarning =
            date.isEmpty ? "no publication date found in the page's metadata, URL or dateline; date left empty" : nil
    }

    // MARK: - Title

    /// The on-page heading when there is one, else `<title>` without a trailing ` — site name`.
    static func title(of page: ExtractedPage) -> String {
        let documentTitle = stripSiteSuffix(page.documentTitle)
        guard !page.heading.isEmpty else { return documentTitle }
        // A heading broken with <br> reads "特使 代表团"; the document title has it whole.
        if page.heading.unicodeScalars.contains(where: { $0 == " " }), !documentTitle.isEmpty,
            removingSpacesBetweenHan(page.heading) == documentTitle
        {
            return documentTitle
        }
        return removingSpacesBetweenHan(page.heading)
    }

    private static func stripSiteSuffix(_ title: String) -> String {
        for separator in [" — ", " - ", " | ", "—"] {
            if let range = title.range(of: separator, options: .backwards) {
                let tail = title[range.upperBound...]
                if tail.contains("外交部") || tail.contains("Ministry") || tail.contains("中华人民共和国") {
                    return String(title[..<range.lowerBound])
                }
            }
        }
        return title
    }

    private static func removingSpacesBetweenHan(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar == " ", i > 0, i + 1 < scalars.count, isHan(scalars[i - 1]) || isHan(scalars[i + 1]) {
                continue
            }
            out.append(scalar)
        }
        return String(out)
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
            || (0xFF00...0xFFEF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Where the ministry's rules found the date: the date element, the title, or the title with an image
    /// upload stamp's year.
    private static func dateSource(of page: ExtractedPage, title: String) -> MetadataSource {
        if parseDate(page.dateText) != nil { return .dateElement }
        if parseDate(title) != nil { return .titleText }
        return .imageStamp
    }

    // MARK: - Language

    /// `<html lang>` when given, else `"zh"` when Han characters make up at least a fifth of the letters in
    /// the title and the opening text, else `"en"`. Counted on UTF-8 bytes: a three-byte sequence led by
    /// 0xE3–0xE9 is a CJK character, an ASCII letter is a letter.
    static func language(of page: ExtractedPage, title: String) -> String {
        let declared = page.htmlLanguage.lowercased()
        if declared.hasPrefix("zh") { return "zh" }
        if declared.hasPrefix("en") { return "en" }
        var han = 0
        var letters = 0
        func count<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for b in bytes {
                if b >= 0xE3 && b <= 0xE9 {
                    han &+= 1
                } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    letters &+= 1
                }
            }
        }
        count(title.utf8)
        var budget = 4096
        for block in page.blocks where budget > 0 {
            count(block.bytes.prefix(budget))
            budget -= block.bytes.count
        }
        return han > 0 && han * 4 >= letters ? "zh" : "en"
    }

    // MARK: - Kind

    static func kind(title: String, breadcrumbs: [String], language: String) -> String {
        let lower = title.lowercased()
        if lower.holds("press conference") || lower.holds("daily briefing") || lower.holds("briefing online")
            || title.holds("记者会") || title.holds("吹风会")
        {
            return "press-conference"
        }
        if title.holds("答记者问") || lower.holds("answers to journalists")
            || lower.holds("answer to journalist")
        {
            return "answers-to-journalists"
        }
        if lower.holds("remarks") || title.holds("答问") { return "remarks" }
        if title.holds("发表谈话") || title.holds("表明立场") || title.holds("声明") || lower.holds("statement") {
            return "statement"
        }
        let crumb = breadcrumbs.last ?? ""
        if crumb.holds("新闻") && !crumb.holds("发言人") || crumb.lowercased().holds("news") {
            return "news"
        }
        if lower.holds("press release") || title.holds("新闻稿") || crumb.holds("发言人")
            || crumb.lowercased().holds("spokesperson")
        {
            return "press-release"
        }
        return "press-release"
    }

    // MARK: - Spokesperson

    /// The spokesperson the title names: `Spokesperson Geng Shuang's …`, `外交部发言人耿爽就…`, `耿爽：…`.
    static func spokesperson(inTitle title: String) -> String {
        if let range = title.range(of: "Spokesperson ") {
            let rest = title[range.upperBound...]
            var words: [Substring] = []
            for word in rest.split(separator: " ", omittingEmptySubsequences: true) {
                if let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }) {
                    words.append(word[..<apostrophe])
                    break
                }
                guard let first = word.first, first.isUppercase, words.count < 3 else { break }
                words.append(word)
            }
            let name = words.joined(separator: " ")
            if SpeakerNames.looksLikePersonName(name) { return name }
        }
        if let range = title.range(of: "发言人") {
            let rest = title[range.upperBound...].prefix(5)
            let name = rest.prefix(while: { !"就主持答发表在的：:，".contains($0) })
            if SpeakerNames.looksLikeChineseName(String(name)) { return String(name) }
        }
        if let colon = title.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let name = String(title[..<colon])
            if SpeakerNames.knownSpokespersons.contains(name) { return name }
        }
        return ""
    }
}

extension String {
    /// Whether the string's UTF-8 bytes hold `needle`'s: a plain substring test, without Foundation's
    /// search (which costs more than the rest of the metadata of a page).
    func holds(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start
        var text = self
        return text.withUTF8 { bytes in
            guard count > 0, bytes.count >= count else { return count == 0 }
            for start in 0...(bytes.count - count) where bytes[start] == first[0] {
                var k = 1
                while k < count, bytes[start + k] == first[k] { k += 1 }
                if k == count { return true }
            }
            return false
        }
    }
}
