import Yams

/// What a Markdown source's YAML front matter states about it: title, date, URL, tags, and the kind they
/// imply. These fields are what the publisher (or the scraper that kept the page) wrote down, so they win
/// over what the page's text suggests.
///
/// The values are plain text: YAML's escapes decoded (`\_` is a no-break space, a `\` at a line's end
/// folds the line), invisible characters (U+2060 word joiner, zero-width space, soft hyphen, byte-order
/// mark) removed, and every run of white space (no-break spaces included) one space.
struct FrontMatter: Sendable, Equatable {
    var title = ""
    /// `YYYY-MM-DD`: `date`, else the day of `published_time`.
    var date = ""
    /// `source_url` (or `url`, `canonical_url`, `link`).
    var url = ""
    /// `tags` (or `categories`), one string or a list.
    var tags: [String] = []

    /// The statement kind the title and tags give (see `Statement.kind`), or `""` to keep the page's
    /// own guess: `"fact-sheet"` for a fact sheet, `"press-conference"` for a press briefing, gaggle or
    /// press conference, `"remarks"` and `"statement"` by the title's first word, `"press-release"` for
    /// the rest of a releases archive.
    var kind: String {
        let lower = title.lowercased()
        let tagWords = tags.map { $0.lowercased() }
        if lower.hasPrefix("fact sheet") || tagWords.contains(where: { $0.hasPrefix("fact-sheet") }) {
            return "fact-sheet"
        }
        if lower.contains("press briefing") || lower.contains("gaggle") || lower.contains("press conference")
            || lower.contains("background briefing") || tagWords.contains("press-briefings")
        {
            return "press-conference"
        }
        if lower.hasPrefix("remarks") { return "remarks" }
        if lower.hasPrefix("statement") { return "statement" }
        if tagWords.contains(where: { $0.contains("release") || $0.contains("statement") }) {
            return "press-release"
        }
        return ""
    }

    /// Puts the front matter's fields over the metadata guessed from the page.
    func apply(to briefing: inout BriefingMetadata) {
        if !title.isEmpty {
            briefing.title = title
            briefing.metadata.title = SourcedValue(title, from: .frontMatter)
        }
        if !date.isEmpty {
            briefing.date = date
            briefing.dateWarning = nil
            briefing.metadata.date = SourcedValue(date, from: .frontMatter)
        }
        if !url.isEmpty {
            briefing.url = url
            briefing.metadata.canonicalURL = SourcedValue(url, from: .frontMatter)
            if briefing.publisher.isEmpty {
                briefing.publisher = ArticleMetadata.host(of: url)
                briefing.metadata.publisher = SourcedValue(briefing.publisher, from: .canonicalHost)
            }
        }
        let kind = self.kind
        if !kind.isEmpty { briefing.kind = kind }
    }

    /// A problem with one field, and the file line it is on.
    struct Problem: Equatable {
        var line: Int
        var message: String
    }

    /// Reads the fields from a parsed YAML mapping whose first line is file line `firstLine`.
    init(mapping: Node.Mapping, firstLine: Int, problems: inout [Problem]) {
        var publishedDay = ""
        for (key, value) in mapping {
            guard let name = key.scalar?.string.lowercased() else { continue }
            let line = (value.mark?.line ?? key.mark?.line ?? 1) + firstLine - 1
            switch name {
            case "title":
                title = Self.plain(value.scalar?.string ?? "")
            case "date":
                let text = value.scalar?.string ?? ""
                date = Self.day(text) ?? ""
                if date.isEmpty {
                    problems.append(Problem(line: line, message: "front matter date '\(text)' is not a date"))
                }
            case "published_time", "published", "pubdate", "published_at":
                publishedDay = Self.day(value.scalar?.string ?? "") ?? ""
            case "source_url", "url", "canonical_url", "link":
                if url.isEmpty { url = Self.plain(value.scalar?.string ?? "") }
            case "tags", "categories", "tag", "category":
                if let scalar = value.scalar {
                    tags += scalar.string.split(separator: ",").map { Self.plain(String($0)) }
                } else if let sequence = value.sequence {
                    tags += sequence.compactMap { $0.scalar.map { Self.plain($0.string) } }
                }
                tags.removeAll { $0.isEmpty }
            default:
                break
            }
        }
        if date.isEmpty { date = publishedDay }
    }

    init(title: String = "", date: String = "", url: String = "", tags: [String] = []) {
        self.title = title
        self.date = date
        self.url = url
        self.tags = tags
    }

    /// `YYYY-MM-DD` from a value that starts with a day (`2021-01-15`, `2021-01-15 16:17:00-05:00`,
    /// `2021-01-15T16:17:00Z`).
    static func day(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(11))
        guard bytes.count >= 10 else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }), bytes[4] == 0x2D, bytes[7] == 0x2D,
            bytes.count == 10 || bytes[10] == 0x20 || bytes[10] == UInt8(ascii: "T")
        else { return nil }
        let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30)
        let day = Int(bytes[8] - 0x30) * 10 + Int(bytes[9] - 0x30)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }

    /// The text without invisible characters, its white space runs single spaces, trimmed.
    static func plain(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0x2060...0x2064, 0xFEFF:
                continue
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
