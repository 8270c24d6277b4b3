import Foundation

extension BriefingMetadata {
    /// The page's date and, when it is missing or partly inferred, a warning saying so.
    ///
    /// Order: the date element (`#News_Body_Time`), then the title (`May 11, 2018`, `2016年11月15日`,
    /// `2018-05-11`). A title with a month and day but no year takes the year from the upload stamps of the
    /// page's own images (`W020180928….jpg`), and says so in a warning; without such evidence the date stays
    /// empty rather than guessed.
    static func date(of page: ExtractedPage, title: String) -> (String, String?) {
        if let date = parseDate(page.dateText) { return (date, nil) }
        if let date = parseDate(title) { return (date, nil) }
        if let (month, day) = monthAndDay(in: title) {
            if let year = year(for: month, day: day, stamps: page.imageStamps) {
                let date = format(year: year, month: month, day: day)
                return (
                    date,
                    "the title gives no year; \(year) taken from the page's image upload stamp (\(page.imageStamps[0]))"
                )
            }
            return ("", "the title gives a month and day but no year, and the page offers no year; date left empty")
        }
        return ("", "no date found in the page (date element or title); date left empty")
    }

    /// The first complete date in `text`: ISO (`2018-05-11`, `2018/5/11`), Chinese (`2018年5月11日`) or English
    /// (`May 11, 2018`, `11 May 2018`).
    static func parseDate(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        // Numeric forms: YYYY sep M sep D, with sep in - / . 年 月.
        var i = 0
        while i + 4 <= scalars.count {
            if let year = number(scalars, at: i, digits: 4), (1900...2100).contains(year) {
                var j = i + 4
                if j < scalars.count, "-/.年".unicodeScalars.contains(scalars[j]) {
                    j += 1
                    if let (month, monthEnd) = shortNumber(scalars, at: j), monthEnd < scalars.count,
                        "-/.月".unicodeScalars.contains(scalars[monthEnd]),
                        let (day, _) = shortNumber(scalars, at: monthEnd + 1), isValid(year, month, day)
                    {
                        return format(year: year, month: month, day: day)
                    }
                }
                i += 4
            } else {
                i += 1
            }
        }
        // English forms: "May 11, 2018", "11 May 2018", and the site's "June11, 2018".
        let words = englishTokens(text)
        for (k, word) in words.enumerated() {
            guard let month = monthNumber(word) else { continue }
            if k + 2 < words.count, let day = Int(words[k + 1]), let year = Int(words[k + 2]), isValid(year, month, day)
            {
                return format(year: year, month: month, day: day)
            }
            if k >= 1, k + 1 < words.count, let day = Int(words[k - 1]), let year = Int(words[k + 1]),
                isValid(year, month, day)
            {
                return format(year: year, month: month, day: day)
            }
        }
        return nil
    }

    /// A month and day without a year: `on September 28`, `9月28日`.
    static func monthAndDay(in text: String) -> (Int, Int)? {
        let words = englishTokens(text)
        for (k, word) in words.enumerated() {
            guard let month = monthNumber(word), k + 1 < words.count,
                let day = Int(words[k + 1]), (1...31).contains(day)
            else { continue }
            return (month, day)
        }
        let scalars = Array(text.unicodeScalars)
        for (k, scalar) in scalars.enumerated() where scalar == "月" {
            var start = k
            while start > 0, ("0"..."9").contains(scalars[start - 1]) { start -= 1 }
            guard start < k, let month = Int(String(String.UnicodeScalarView(scalars[start..<k]))),
                let (day, dayEnd) = shortNumber(scalars, at: k + 1), dayEnd < scalars.count, scalars[dayEnd] == "日",
                (1...12).contains(month), (1...31).contains(day)
            else { continue }
            return (month, day)
        }
        return nil
    }

    /// The year that puts `month`/`day` on or shortly before the first image stamp (`YYYYMMDD`).
    static func year(for month: Int, day: Int, stamps: [String]) -> Int? {
        guard let stamp = stamps.first, let stampYear = Int(stamp.prefix(4)),
            let stampMonth = Int(stamp.dropFirst(4).prefix(2)), let stampDay = Int(stamp.dropFirst(6).prefix(2)),
            (1900...2100).contains(stampYear)
        else { return nil }
        // An upload stamped in early January for a briefing dated late December belongs to the year before.
        let year = (month, day) > (stampMonth, stampDay) ? stampYear - 1 : stampYear
        return isValid(year, month, day) ? year : nil
    }

    static func format(year: Int, month: Int, day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func isValid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let days = [
            31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        return day <= days[month - 1]
    }

    private static func number(_ scalars: [Unicode.Scalar], at start: Int, digits: Int) -> Int? {
        guard start + digits <= scalars.count else { return nil }
        if start > 0, ("0"..."9").contains(scalars[start - 1]) { return nil }
        var value = 0
        for k in start..<start + digits {
            guard ("0"..."9").contains(scalars[k]) else { return nil }
            value = value * 10 + Int(scalars[k].value - 48)
        }
        if start + digits < scalars.count, ("0"..."9").contains(scalars[start + digits]) { return nil }
        return value
    }

    /// A one- or two-digit number at `start`, and the index after it.
    private static func shortNumber(_ scalars: [Unicode.Scalar], at start: Int) -> (Int, Int)? {
        var end = start
        var value = 0
        while end < scalars.count, end - start < 2, ("0"..."9").contains(scalars[end]) {
            value = value * 10 + Int(scalars[end].value - 48)
            end += 1
        }
        guard end > start else { return nil }
        if end < scalars.count, ("0"..."9").contains(scalars[end]) { return nil }
        return (value, end)
    }

    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        // German names that differ from the English ones (März is not ASCII and stays unread).
        "januar": 1, "februar": 2, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    ]

    static func monthNumber(_ word: String) -> Int? {
        var lower = word.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        return months[lower]
    }
}

extension BriefingMetadata {
    /// Runs of ASCII letters and runs of digits, everything else a separator; ordinal suffixes after a
    /// number (`28th`) are dropped. `"June11, 2018"` → `["June", "11", "2018"]`.
    static func englishTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsDigits = false
        func close() {
            guard !current.isEmpty else { return }
            let isOrdinal = ["st", "nd", "rd", "th"].contains(current.lowercased())
            if !(isOrdinal && !currentIsDigits && tokens.last.map({ Int($0) != nil }) == true) {
                tokens.append(current)
            }
            current = ""
        }
        for scalar in text.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            if isDigit || isLetter {
                if !current.isEmpty, isDigit != currentIsDigits { close() }
                currentIsDigits = isDigit
                current.unicodeScalars.append(scalar)
            } else {
                close()
            }
        }
        close()
        return tokens
    }
}
