/// A page for a request that cannot be answered: an unknown statement or topic, a damaged index.
enum ErrorPage {
    /// The whole page for `error`.
    static func render(_ error: PageError, statementCount: Int?) -> String {
        PageLayout.document(title: error.title, section: .other, statementCount: statementCount) { main in
            box(error, headingLevel: 1, into: &main)
            main.element("p") { p in
                p.element("a", [.href(PageLink.path("/"))], text: "Search the briefings")
                p.text(" or ")
                p.element("a", [.href(PageLink.path("/topics"))], text: "browse the topics")
                p.text(".")
            }
        }
    }

    /// The message, its detail lines and its hint in an alert box, under a heading of `headingLevel`.
    static func box(_ error: PageError, headingLevel: Int, into html: inout HTMLWriter) {
        html.element("div", [.class("error-box"), .attr("role", "alert")]) { box in
            if headingLevel == 1 {
                box.element("h1", text: error.title)
            } else {
                box.element("h2", text: error.title)
            }
            box.element("p", [.class("error-message")], text: error.message)
            if !error.detail.isEmpty {
                box.element("pre") { pre in
                    pre.element("code", text: error.detail.joined(separator: "\n"))
                }
            }
            if let hint = error.hint {
                box.element("p", [.class("error-hint")], text: "Hint: \(hint)")
            }
        }
    }
}
