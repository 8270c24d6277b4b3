import Foundation
import Podium

/// How hits look on a terminal, in JSON and in a TREC run.
struct HitRendering {
    let style: Style
    /// Columns for an excerpt's lines (after their indent), or `nil` to keep each excerpt on one line, as
    /// in a pipe, where one line per excerpt is easier to grep.
    var wrapWidth: Int? = nil
    /// The number of the first hit (the offset plus one, on later pages).
    var firstRank = 1

    /// Numbered results: date, who spoke (and to whom), score; the title; the excerpt; where it comes from.
    func text(_ hits: [Hit], to out: StandardOutput) {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        for (rank, hit) in hits.enumerated() {
            let s = hit.statement
            var who = s.spokesperson.isEmpty ? "unattributed" : s.spokesperson
            if !s.outlet.isEmpty { who += ", answering \(s.outlet)" }
            let date = s.date.isEmpty ? "undated   " : s.date
            out.write("\(style.bold(String(firstRank + rank) + ".")) \(style.accent(date))  \(who)  ")
            out.write(style.dim("score " + String(format: "%.2f", hit.score)) + "\n")
            if !s.title.isEmpty { out.write("   \(style.bold(s.title))\n") }
            for line in excerptLines(hit.excerpt, label: hit.excerptLabel) { out.write("   \(line)\n") }
            let source =
                s.url.isEmpty ? (s.source.hasPrefix(cwd) ? String(s.source.dropFirst(cwd.count)) : s.source) : s.url
            out.write("   " + style.dim("\(source)  [\(s.id)]") + "\n")
            if !hit.copies.isEmpty {
                let others = hit.copies.map { $0.url.isEmpty || $0.url == s.url ? $0.source : $0.url }
                let count = "\(others.count) other source\(others.count == 1 ? "" : "s")"
                out.write("   " + style.dim("also in \(count): \(others.joined(separator: ", "))") + "\n")
            }
            for line in hit.explanation { out.write("     " + style.dim(line) + "\n") }
            out.write("\n")
        }
    }

    /// The excerpt, its line breaks as spaces and its highlights styled, wrapped to `wrapWidth` if set;
    /// words that are not the answer's start with whose they are (`Q (Bloomberg): `).
    private func excerptLines(_ excerpt: Excerpt, label: String?) -> [String] {
        var runs: [TextWrapping.Run] = []
        if let label { runs.append(TextWrapping.Run(text: label + ": ", highlighted: false)) }
        var inside = false
        var piece = ""
        for ch in excerpt.marked(open: "\u{1}", close: "\u{2}") {
            if ch == "\u{1}" || ch == "\u{2}" {
                runs.append(TextWrapping.Run(text: piece, highlighted: inside))
                piece = ""
                inside = ch == "\u{1}"
            } else if ch.isNewline {
                if piece.last != " " { piece.append(" ") }
            } else {
                piece.append(ch)
            }
        }
        runs.append(TextWrapping.Run(text: piece, highlighted: false))
        let lines = wrapWidth.map { TextWrapping(width: $0).lines(runs) } ?? [runs]
        return lines.map { line in line.map { $0.highlighted ? style.highlight($0.text) : $0.text }.joined() }
    }

    /// `qid Q0 docid rank score podium` lines.
    static func trec(_ hits: [Hit], qid: String, to out: StandardOutput) {
        for (rank, hit) in hits.enumerated() {
            out.write("\(qid) Q0 \(hit.statement.id) \(rank + 1) \(JSONText.number(hit.score)) podium\n")
        }
    }
}
