/// Names of spokespersons and outlets, normalized so that one speaker or outlet has one spelling.
enum SpeakerNames {
    /// Foreign-ministry spokespersons, in English and Chinese, so that a bare `Zhao Lijian:` or `赵立坚：`
    /// opening a paragraph is read as an answer even when the title names someone else.
    static let knownSpokespersons: Set<String> = [
        "Geng Shuang", "Hua Chunying", "Lu Kang", "Zhao Lijian", "Wang Wenbin", "Mao Ning", "Qin Gang", "Hong Lei",
        "Jiang Yu", "Ma Zhaoxu", "Liu Jianchao", "Lin Jian", "Guo Jiakun", "Liu Weimin",
        "耿爽", "华春莹", "陆慷", "赵立坚", "汪文斌", "毛宁", "秦刚", "洪磊", "姜瑜", "马朝旭", "刘建超", "林剑", "郭嘉昆",
        "刘为民",
    ]

    /// Long or variant outlet names and their short, common form.
    static let outletAliases: [String: String] = [
        "bloomberg news": "Bloomberg",
        "bloomberg news agency": "Bloomberg",
        "china news service": "CNS",
        "china news agency": "CNS",
        "xinhua news agency": "Xinhua",
        "xinhua news": "Xinhua",
        "agence france-presse": "AFP",
        "agence france presse": "AFP",
        "china radio international": "CRI",
        "china national radio": "CNR",
        "china central television": "CCTV",
        "china global television network": "CGTN",
        "kyodo news": "Kyodo",
        "kyodo news agency": "Kyodo",
        "yonhap news": "Yonhap",
        "yonhap news agency": "Yonhap",
        "associated press": "AP",
        "the associated press": "AP",
        "australian broadcasting corporation": "ABC",
        "reuters news agency": "Reuters",
        "press trust of india": "PTI",
        "ria novosti news agency": "RIA Novosti",
        "tass news agency": "TASS",
        "itar-tass": "TASS",
        "british broadcasting corporation": "BBC",
        "nippon hoso kyokai": "NHK",
        "deutsche presse-agentur": "dpa",
        "dpa": "dpa",
        "efe news agency": "EFE",
        "anadolu agency": "Anadolu",
        "the wall street journal": "Wall Street Journal",
        "the new york times": "New York Times",
        "the financial times": "Financial Times",
        "the washington post": "Washington Post",
        "tass": "TASS",
        "scmp": "South China Morning Post",
        "china review news agency": "China Review News",
        "sputnik news agency": "Sputnik",
        "the global times": "Global Times",
        "nihon keizai shimbun": "Nikkei",
        "nikkei": "Nikkei",
        "abc australia": "ABC",
        "associated press of pakistan": "APP",
        "fsn": "Feature Story News",
    ]

    /// The normalized outlet for a question's label (`"Bloomberg News"` → `"Bloomberg"`,
    /// `"路透社记者"` → `"路透社"`).
    static func outlet(_ label: String) -> String {
        var name = collapseSpaces(label)
        if name.hasPrefix("《"), name.hasSuffix("》"), name.count > 2 { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix("记者"), name.count > 2 { name = String(name.dropLast(2)) }
        for suffix in [" reporter", " Reporter", " journalist", " Journalist", " correspondent", " Correspondent"]
        where name.hasSuffix(suffix) && name.count > suffix.count {
            name = String(name.dropLast(suffix.count))
        }
        return outletAliases[name.lowercased()] ?? name
    }

    /// The normalized spokesperson name (`"Spokesperson Hua Chunying"` → `"Hua Chunying"`).
    static func spokesperson(_ label: String) -> String {
        var name = collapseSpaces(label)
        for prefix in ["Spokesperson ", "spokesperson ", "Foreign Ministry Spokesperson ", "发言人", "外交部发言人"]
        where name.hasPrefix(prefix) && name.count > prefix.count {
            name = String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// Whether `label` reads like a person's name in the Latin alphabet: two or three capitalized words.
    static func looksLikePersonName(_ label: String) -> Bool {
        let words = label.split(separator: " ")
        guard (2...3).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
            return word.unicodeScalars.dropFirst().allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
        }
    }

    /// Whether `label` reads like a Chinese personal name: two to four Han characters.
    static func looksLikeChineseName(_ label: String) -> Bool {
        let scalars = label.unicodeScalars
        return (2...4).contains(scalars.count) && scalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }
}
