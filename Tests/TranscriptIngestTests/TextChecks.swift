/// What acceptance 4 forbids in statement text.
enum TextChecks {
    static func problems(in text: String) -> [String] {
        var found: [String] = []
        if text.contains("  ") { found.append("doubled space") }
        if text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) { found.append("C1 control") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) { found.append("control") }
        if text.contains("\n\n\n") || text.hasPrefix("\n") || text.hasSuffix("\n") { found.append("stray newline") }
        if text.hasPrefix(" ") || text.hasSuffix(" ") || text.contains(" \n") || text.contains("\n ") {
            found.append("stray space")
        }
        for entity in ["&nbsp;", "&nbsp", "&amp;", "&lt;", "&gt;", "&quot;", "&#"] where text.contains(entity) {
            found.append("entity \(entity)")
        }
        for tag in ["<p", "<P", "</", "<br", "<BR", "<span", "<SPAN", "<b>", "<B>", "<div", "<img", "<IMG", "<script"]
        where text.contains(tag) {
            found.append("markup \(tag)")
        }
        for script in ["document.getElementById", "function(", "var ", ".style.display"] where text.contains(script) {
            found.append("script \(script)")
        }
        return found
    }
}
