/// Article pages in other publishers' layouts, written for these tests.
enum ArticleFixtures {
    static let paragraphs = [
        "The city council approved the new transit plan on Tuesday, adding three bus lines and extending the "
            + "light rail to the airport by 2027, officials said.",
        "The plan, which costs about $1.2 billion, will be paid for with federal grants, a regional sales tax "
            + "and fares, according to the council's budget office.",
        "Critics said the route leaves out the northern suburbs, where commuters face the longest trips, and "
            + "asked the council to study a fourth line before the vote next spring.",
    ]

    /// A news story surrounded by everything a news site puts around one.
    static let newsStory = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Council approves transit plan | Metro Daily</title>
        <script>var ads = "<div>not text</div>"; if (a < b) { document.write("</p>"); }</script>
        <style>.story p { margin: 0 }</style>
        </head><body>
        <div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>
        <button>Accept</button></div>
        <header class="site-header"><a href="/">Metro Daily</a>
        <nav><ul><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
        </header>
        <main>
        <article class="story">
        <h1>Council approves transit plan</h1>
        <div class="byline">By Jane Doe, Staff Writer</div>
        <div class="share-tools"><a href="https://twitter.com/share">Share on Twitter</a> <a href="mailto:">Email this story</a></div>
        <figure><img src="bus.jpg"><figcaption>A bus on Main Street. (Photo: Metro Daily)</figcaption></figure>
        <p>\(paragraphs[0])</p>
        <p>\(paragraphs[1])</p>
        <p>\(paragraphs[2])</p>
        <div class="related-links"><h3>Related stories</h3><ul>
        <li><a href="/a">Bus fares to rise in January across the whole region</a></li>
        <li><a href="/b">Airport expansion approved after years of debate</a></li></ul></div>
        </article>
        <section id="comments"><h3>Comments</h3>
        <div class="comment"><p>This is a waste of money and nobody will ride the new trains, mark my words, friends.</p></div>
        </section>
        </main>
        <aside class="sidebar"><h3>Most read</h3><p>Ten places to eat downtown this weekend, ranked by our critics.</p></aside>
        <form class="newsletter"><p>Get the morning briefing in your inbox every day.</p><input type="email"></form>
        <footer><p>© 2026 Metro Daily. All rights reserved. Terms of service and privacy policy.</p></footer>
        </body></html>
        """

    /// A release with a heading, a list and paragraphs, laid out in `div`s and `<br>`s.
    static let structuredRelease = """
        <html><head><title>Acme opens a plant in Ohio</title></head><body>
        <div id="page"><div class="menu"><a href="/">Home</a> | <a href="/press">Press</a></div>
        <div class="entry-content">
        <p>Acme Corporation today opened its new battery plant in Columbus, Ohio, which will employ 1,200 people when it reaches full production next year.</p>
        <h2>What the plant makes</h2>
        <ul><li>Cells for electric buses and trucks</li><li>Storage packs for solar farms</li></ul>
        <p>The plant is the company's third in the United States.<br>It was built in eighteen months.</p>
        <p>Production starts in March, and the first cells ship to customers in the summer, the company said in its statement.</p>
        </div></div></body></html>
        """

    /// A login wall: a form and a line of text, nothing to read.
    static let loginWall = """
        <html><head><title>Sign in | The Ledger</title></head><body>
        <header><a href="/">The Ledger</a></header>
        <div class="paywall"><h2>Subscribe to continue reading</h2>
        <form action="/login"><label>Email</label><input type="email"><label>Password</label>
        <input type="password"><button>Sign in</button></form>
        <p><a href="/subscribe">Subscribe now</a> for $1 a week.</p></div>
        <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
        </body></html>
        """

    /// An image gallery: pictures with short captions.
    static let gallery = """
        <html><head><title>Photos: the week in pictures</title></head><body>
        <h1>The week in pictures</h1>
        <div class="gallery">
        <div class="slide"><img src="1.jpg"><span>Fireworks over the harbour.</span></div>
        <div class="slide"><img src="2.jpg"><span>A cyclist in the rain.</span></div>
        <div class="slide"><img src="3.jpg"><span>Crowds at the market.</span></div>
        <div class="slide"><img src="4.jpg"><span>Snow in the hills.</span></div>
        </div>
        <ul class="pager"><li><a href="?p=2">Next</a></li></ul>
        </body></html>
        """

    /// A page whose container is `div.content`, like the ministry's, without the ministry's landmarks.
    static let contentDivNews = """
        <html><head><title>Port strike ends</title></head><body>
        <div class="nav"><a href="/">Home</a> <a href="/world">World</a></div>
        <div class="content">
        <p>Dock workers at the country's largest port returned to work on Monday after a nine-day strike over pay ended with a new three-year contract.</p>
        <p>The union said members would vote on the deal next week, and shipping lines said the backlog of containers would take a month to clear.</p>
        </div>
        <div class="footer-links"><a href="/about">About us</a> <a href="/jobs">Jobs</a></div>
        </body></html>
        """

    /// `count` paragraphs of `length` characters each, as `<p>` elements in an article.
    static func article(paragraphs count: Int, length: Int) -> (html: String, texts: [String]) {
        let texts = (0..<count).map { index in
            let sentence = "Paragraph \(index) says something worth reading, with words and commas. "
            var text = ""
            while text.count < length { text += sentence }
            return String(text.prefix(length)).trimmingCharacters(in: .whitespaces)
        }
        let body = texts.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return ("<html><head><title>T</title></head><body><article>\(body)</article></body></html>", texts)
    }
}
