import Foundation
import Podium

/// The topics pages: the list (`/topics`) and one topic (`/topics/:name`) with its description, its
/// terms, its trend chart and its top statements.
enum TopicsPage {
    /// The list of every topic.
    static func list(_ topics: [TopicInfo], statementCount: Int?) -> String {
        PageLayout.document(title: "Topics", section: .topics, statementCount: statementCount) { main in
            main.element("h1", text: "Topics")
            main.element(
                "p",
                text: "Named sets of weighted words and phrases, in English and Chinese, that rank statements "
                    + "by what they are about."
            )
            if topics.isEmpty {
                main.element("p", [.class("empty")], text: "This index keeps no topics file.")
                return
            }
            main.element("ul", [.class("topic-list")]) { list in
                for topic in topics {
                    list.element("li") { li in
                        li.element("article", [.class("topic-card")]) { card in
                            card.element("h2") { h2 in
                                h2.element("a", [.href(link(topic.name))], text: label(topic))
                            }
                            card.element("p", [.class("topic-name")], text: "topic:\(topic.name)")
                            if !topic.description.isEmpty { card.element("p", text: topic.description) }
                            card.element("p", text: "\(topic.entries.count) terms")
                        }
                    }
                }
            }
        }
    }

    /// What one topic's page shows.
    struct Detail {
        /// The topic.
        var topic: TopicInfo
        /// Its best statements.
        var top: SearchOutcome
        /// Its matches per period.
        var trend: TrendSeries
        /// The chart's address (the API's SVG of this trend).
        var chart: PageLink
        /// The index's statements, for the footer.
        var statementCount: Int?
    }

    /// One topic's page.
    static func page(_ d: Detail) -> String {
        let topic = d.topic
        return PageLayout.document(title: label(topic), section: .topics, statementCount: d.statementCount) { main in
            main.element("nav", [.class("crumbs"), .attr("aria-label", "Breadcrumb")]) { nav in
                nav.element("ol") { list in
                    list.element("li") { $0.element("a", [.href(PageLink.path("/topics"))], text: "Topics") }
                    list.element("li") { $0.element("span", [.attr("aria-current", "page")], text: label(topic)) }
                }
            }
            main.element("div", [.class("topic-sections")]) { sections in
                sections.element("section", [.class("sheet"), .attr("aria-labelledby", "topic-heading")]) { s in
                    s.element("h1", [.attr("id", "topic-heading")], text: label(topic))
                    s.element("p", [.class("topic-name")], text: "topic:\(topic.name)")
                    if !topic.description.isEmpty { s.element("p", text: topic.description) }
                    s.element("h2", text: "Terms and weights")
                    s.element("ul", [.class("terms")]) { list in
                        for entry in topic.entries {
                            list.element("li") { li in
                                li.text(entry.text)
                                li.element("span", [.class("weight")], text: weight(entry.weight))
                            }
                        }
                    }
                }
                chart(d, into: &sections)
                top(d, into: &sections)
            }
        }
    }

    private static func chart(_ d: Detail, into html: inout HTMLWriter) {
        html.element("section", [.class("sheet"), .attr("aria-labelledby", "trend-heading")]) { s in
            s.element("h2", [.attr("id", "trend-heading")], text: "Over time")
            s.element("ul", [.class("granularity"), .attr("aria-label", "Count per")]) { list in
                for g in TrendGranularity.allCases {
                    list.element("li") { li in
                        if g == d.trend.granularity {
                            li.element("span", [.attr("aria-current", "page")], text: "per \(g.rawValue)")
                        } else {
                            li.element(
                                "a",
                                [.href(PageLink.path("/topics/", d.topic.name, query: [("by", g.rawValue)]))],
                                text: "per \(g.rawValue)"
                            )
                        }
                    }
                }
            }
            let total = d.trend.total
            let alt =
                "Bar chart of statements about \(label(d.topic)) per \(d.trend.granularity.rawValue): "
                + "\(PageLayout.grouped(total)) dated statements in all; the counts are in the table below."
            s.element("figure", [.class("chart")]) { figure in
                figure.void(
                    "img",
                    [
                        .src(d.chart), .attr("alt", alt), .attr("width", "960"), .attr("height", "440"),
                        .attr("id", "trend-chart"),
                    ]
                )
                figure.element("figcaption") { caption in
                    caption.text("Statements matching the topic per \(d.trend.granularity.rawValue)")
                    if d.trend.undated > 0 { caption.text("; \(PageLayout.grouped(d.trend.undated)) more are undated") }
                    caption.text(". ")
                    caption.element("a", [.href(d.chart)], text: "Open the SVG")
                }
            }
            s.element("details") { details in
                details.element("summary", text: "The counts as a table")
                details.element("table", [.class("counts")]) { table in
                    table.element("thead") { head in
                        head.element("tr") { tr in
                            tr.element("th", [.attr("scope", "col")], text: "Period")
                            tr.element("th", [.attr("scope", "col")], text: "Statements")
                        }
                    }
                    table.element("tbody") { body in
                        for bucket in d.trend.buckets {
                            body.element("tr") { tr in
                                tr.element("th", [.attr("scope", "row")], text: bucket.label)
                                tr.element("td", text: PageLayout.grouped(bucket.count))
                            }
                        }
                    }
                }
            }
        }
    }

    private static func top(_ d: Detail, into html: inout HTMLWriter) {
        html.element("section", [.attr("aria-labelledby", "top-heading")]) { s in
            s.element("div", [.class("section-title")]) { title in
                title.element("h2", [.attr("id", "top-heading")], text: "Top statements")
                var all = SearchForm()
                all.filters[.topic] = d.topic.name
                title.element("a", [.href(all.link)]) { a in
                    a.text("All \(PageLayout.grouped(d.top.total)) in search")
                }
            }
            if d.top.hits.isEmpty {
                s.element("p", [.class("empty")], text: "No statement matches this topic.")
            } else {
                HitList.write(d.top.hits, firstRank: 1, into: &s)
            }
        }
    }

    /// A topic's page.
    static func link(_ name: String) -> PageLink {
        PageLink.path("/topics/", name)
    }

    /// The topic's label, else its name.
    static func label(_ topic: TopicInfo) -> String {
        topic.label.isEmpty ? topic.name : topic.label
    }

    /// `2.5`, `3`, `0.25`.
    static func weight(_ w: Double) -> String {
        var text = String(format: "%.2f", w)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
