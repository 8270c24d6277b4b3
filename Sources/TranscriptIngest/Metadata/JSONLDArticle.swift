import Foundation

/// What a page's JSON-LD says about its main item: the article (`NewsArticle`, `BlogPosting`,
/// `PressRelease`…) when there is one, else the web page.
///
/// The objects considered are the top-level ones, those of an array or an `@graph`, and a `mainEntity`;
/// the items of a list (`itemListElement`) and any other nested object are not, so a related story's
/// `datePublished` never stands for the page's.
struct JSONLDArticle: Equatable {
    /// The main item's `@type`s.
    var types: [String] = []
    var datePublished = ""
    var headline = ""
    var publisher = ""
    var author = ""

    /// The main item of the JSON-LD blocks, or `nil` when none parses or none describes a page.
    init?(blocks: [String]) {
        var candidates: [[String: Any]] = []
        for block in blocks {
            // Raw line breaks inside strings are common and invalid JSON; as spaces they are harmless.
            let cleaned = Data(block.utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 })
            guard let value = try? JSONSerialization.jsonObject(with: cleaned, options: [.fragmentsAllowed]) else {
                continue
            }
            Self.collect(value, into: &candidates, depth: 0)
        }
        var best: (rank: Int, object: [String: Any])?
        for object in candidates {
            let rank = Self.rank(Self.types(of: object))
            guard rank > 0 else { continue }
            if best == nil || rank > best!.rank { best = (rank, object) }
        }
        guard let object = best?.object else { return nil }
        types = Self.types(of: object)
        datePublished = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"]) ?? ""
        headline = Self.string(object["headline"]) ?? Self.string(object["name"]) ?? ""
        publisher = Self.names(object["publisher"]).first ?? ""
        author = Self.names(object["author"]).joined(separator: ", ")
    }

    /// Whether the item is a news story and not also a press release.
    var isNews: Bool { types.contains { $0.hasSuffix("NewsArticle") } && !isPressRelease }
    /// Whether the item says it is a press release.
    var isPressRelease: Bool { types.contains("PressRelease") }

    private static func collect(_ value: Any, into candidates: inout [[String: Any]], depth: Int) {
        guard depth < 4 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, into: &candidates, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            candidates.append(object)
            if let graph = object["@graph"] { collect(graph, into: &candidates, depth: depth + 1) }
            if let main = object["mainEntity"] { collect(main, into: &candidates, depth: depth + 1) }
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type] }
        return (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// 3 for an article type, 2 for a page, 1 for anything else that carries a publication date, 0 for
    /// items that are not the page (an organization, a breadcrumb list, a site search).
    private static func rank(_ types: [String]) -> Int {
        var best = 0
        for type in types {
            if articleTypes.contains(type) || type.hasSuffix("Article") { best = max(best, 3) }
            if type.hasSuffix("WebPage") { best = max(best, 2) }
            if otherDatedTypes.contains(type) { best = max(best, 1) }
        }
        return best
    }

    private static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "PressRelease", "Report",
        "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "DiscussionForumPosting",
    ]
    private static let otherDatedTypes: Set<String> = ["CreativeWork", "Recipe", "ClaimReview", "VideoObject"]

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let squeezed = PageSignals.squeezed(text)
            return squeezed.isEmpty ? nil : squeezed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// The names of a person or organization value: a string, an object with `name`, or an array of them.
    private static func names(_ value: Any?) -> [String] {
        if let text = string(value), !(value is [Any]) {
            return text.hasPrefix("http") ? [] : [text]
        }
        if let object = value as? [String: Any] { return string(object["name"]).map { [$0] } ?? [] }
        if let array = value as? [Any] {
            var all: [String] = []
            for item in array {
                for name in names(item) where !all.contains(name) { all.append(name) }
            }
            return all
        }
        return []
    }
}
