import Yams

/// A Markdown source cut into its YAML front matter and its body.
///
/// Front matter is a first line `---`, YAML, and a line `---` (or `...`). When it is not closed, or is
/// not a YAML mapping, the source is still read as Markdown and a problem names the line: from the
/// closing line on when there is one (the broken block is left out), else the whole file.
struct MarkdownSource {
    /// The front matter's fields; `nil` when there is no valid front matter.
    var frontMatter: FrontMatter?
    /// The byte offset where the Markdown body starts.
    var bodyStart = 0
    /// What was wrong with the front matter, by file line.
    var problems: [FrontMatter.Problem] = []

    init(_ buffer: UnsafeRawBufferPointer) {
        var start = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        guard let firstEnd = Self.lineEnd(buffer, from: start), Self.isFence(buffer, start, firstEnd, dots: false)
        else { return }
        let yamlStart = Self.nextLine(buffer, after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < buffer.count {
            let end = Self.lineEnd(buffer, from: lineStart) ?? buffer.count
            if Self.isFence(buffer, lineStart, end, dots: true) {
                bodyStart = Self.nextLine(buffer, after: end)
                read(yaml: UnsafeRawBufferPointer(rebasing: buffer[yamlStart..<lineStart]), closingLine: line)
                return
            }
            lineStart = Self.nextLine(buffer, after: end)
            line += 1
        }
        problems.append(
            FrontMatter.Problem(
                line: 1,
                message: "front matter opened by '---' is never closed; the whole file is read as Markdown"
            )
        )
    }

    private mutating func read(yaml bytes: UnsafeRawBufferPointer, closingLine: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        let node: Node?
        do {
            // The basic resolver leaves every scalar a string: no pattern is tried on each value (the default one
            // turns `published_time` into a timestamp, at a cost that outweighs the rest of the front matter).
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            let (line, problem) = Self.describe(error)
            problems.append(
                FrontMatter.Problem(
                    line: line.map { $0 + 1 } ?? 2,
                    message: "front matter is not valid YAML (\(problem)); the body is read without it"
                )
            )
            return
        }
        guard let node else {
            frontMatter = FrontMatter()
            return
        }
        guard let mapping = node.mapping else {
            problems.append(
                FrontMatter.Problem(
                    line: 2,
                    message: "front matter is not a list of 'key: value' fields; the body is read without it"
                )
            )
            return
        }
        frontMatter = FrontMatter(mapping: mapping, firstLine: 2, problems: &problems)
    }

    /// The line (within the YAML) and problem of a Yams error.
    private static func describe(_ error: Error) -> (Int?, String) {
        guard let yamlError = error as? YamlError else { return (nil, "\(error)") }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return (mark.line, problem)
        case .duplicatedKeysInMapping(let duplicates, _):
            return (nil, "duplicated keys \(duplicates.joined(separator: ", "))")
        default:
            return (nil, "\(yamlError)")
        }
    }

    /// The offset of the `\n` ending the line that starts at `start`, or `nil` when the buffer ends first.
    private static func lineEnd(_ buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        while i < buffer.count {
            if buffer[i] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    private static func nextLine(_ buffer: UnsafeRawBufferPointer, after end: Int) -> Int {
        min(end + 1, buffer.count)
    }

    /// Whether the line `start..<end` is `---` (or `...` when `dots`), trailing spaces and `\r` allowed.
    private static func isFence(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, dots: Bool) -> Bool {
        guard end - start >= 3 else { return false }
        let mark = buffer[start]
        guard mark == UInt8(ascii: "-") || dots && mark == UInt8(ascii: ".") else { return false }
        guard buffer[start + 1] == mark, buffer[start + 2] == mark else { return false }
        for i in (start + 3)..<end where buffer[i] != 0x20 && buffer[i] != 0x09 && buffer[i] != 0x0D {
            return false
        }
        return true
    }
}
