/// Small pages in the ministry site's markup, built in the tests.
enum PageFixtures {
    /// An English press-conference page with `body` inside `div.content`.
    static func english(
        title: String = "Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on June 10, 2020",
        charset: String? = "utf-8",
        body: String
    ) -> String {
        let meta = charset.map { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\($0)\" />\n" } ?? ""
        return """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            \(meta)<title>\(title)</title>
            <script type="text/javascript">var x = 1; document.charset='gb2312';</script>
            </head>
            <body>
            <div class="urhere"><a href="./">Home</a>&nbsp;>&nbsp;<a href="./">Regular Press Conference</a></div>
            <div class="content_mod">
            <h2 class="title">\(title)</h2>
            <div class="date" id="News_Body_Time"></div>
            <div class="content">
            \(body)
            </div>
            <div class="tool" style="display:none;" id="id_RelNewsList"><ul><li><a href="./t1.shtml">Related news</a></li></ul></div>
            </div>
            <div class="copyright">Copyright©1998-2014, Ministry of Foreign Affairs</div>
            </body>
            </html>
            """
    }

    /// A Chinese page with `News_Body_*` elements.
    static func chinese(title: String, date: String, body: String) -> String {
        """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
        <title>\(title) — 中华人民共和国外交部</title>
        <script>document.charset='gb2312';</script></head>
        <body><div class="nav"><a href="./">首页</a>&nbsp;>&nbsp;<a href="./">发言人表态</a></div>
        <div class="title" id="News_Body_Title">\(title)</div>
        <div class="time"><span id="News_Body_source">来源：</span><span id="News_Body_Time">\(date)</span></div>
        <div id="News_Body_Txt_A" class="content">\(body)</div>
        <div class="news" id="relnews_list" style="display:none;"><div class="news_top">相关新闻</div>
        <ul><li><a href="./t1564367.shtml">2018年5月31日外交部发言人华春莹主持例行记者会</a></li></ul></div>
        </body></html>
        """
    }
}
