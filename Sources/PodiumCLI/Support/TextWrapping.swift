import Podium

/// Lays out text with highlighted parts in lines of at most `width` terminal columns: lines break at
/// spaces, and on either side of a wide (CJK) character, since Chinese has no spaces between words.
struct TextWrapping {
    /// Columns a line may take; a word longer than that gets a line of its own.
    let width: Int

    /// A piece of a line, highlighted or not.
    struct Run: Equatable {
        var text: String
        var highlighted: Bool
    }

    /// The lines of `runs`, without the spaces where they broke.
    func lines(_ runs: [Run]) -> [[Run]] {
        var lines: [[(Character, Bool)]] = [[]]
        var lineWidth = 0
        var word: [(Character, Bool)] = []
        var wordWidth = 0

        func placeWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0 && lineWidth + wordWidth > width {
                while lines[lines.count - 1].last?.0 == " " { lines[lines.count - 1].removeLast() }
                lines.append([])
                lineWidth = 0
            }
            lines[lines.count - 1] += word
            lineWidth += wordWidth
            word = []
            wordWidth = 0
        }

        for run in runs {
            for character in run.text {
                if character == " " || character.isNewline {
                    placeWord()
                    // No space at a line's start, nor two in a row.
                    if lineWidth > 0 && lineWidth < width && lines[lines.count - 1].last?.0 != " " {
                        lines[lines.count - 1].append((" ", run.highlighted))
                        lineWidth += 1
                    }
                } else if DisplayWidth.columns(of: character) == 2 {
                    placeWord()
                    word = [(character, run.highlighted)]
                    wordWidth = 2
                    placeWord()
                } else {
                    word.append((character, run.highlighted))
                    wordWidth += 1
                }
            }
        }
        placeWord()
        while lines[lines.count - 1].last?.0 == " " { lines[lines.count - 1].removeLast() }
        return lines.map(Self.runs)
    }

    /// Consecutive characters with the same highlighting, joined.
    private static func runs(_ characters: [(Character, Bool)]) -> [Run] {
        var runs: [Run] = []
        for (character, highlighted) in characters {
            if runs.last?.highlighted == highlighted {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append(Run(text: String(character), highlighted: highlighted))
            }
        }
        return runs
    }
}
