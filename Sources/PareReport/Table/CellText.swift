// Word wrapping of one table cell, following rich's rules (rich/_wrap.py `divide_line`, rich/text.py `wrap`,
// rich/containers.py `Lines.justify`) for overflow "ellipsis" without folding, the mode Keras's summary uses.
//
// Widths are counted one column per Character: Pare's layer names are ASCII, and so is everything else the
// summaries put in cells (rich would count East Asian wide characters as two).

/// How the lines of a cell sit in their column (rich's `justify`).
enum CellJustification: Sendable {
    /// Text at the left, spaces after; trailing spaces of a wrapped line are kept.
    case left
    /// Text centred, the odd space on the right.
    case center
    /// Text at the right, trailing spaces removed first.
    case right
}

/// rich's layout of a single-line text in a fixed width: wrap at word boundaries, truncate what cannot fit.
enum CellText {
    /// The lines of `text` laid out in exactly `width` columns, each line exactly `width` characters long.
    ///
    /// - Words (`\s*\S+\s*`, trailing spaces included) go on the current line while the word without its
    ///   trailing spaces fits; otherwise a new line starts at the word, unless it is the first word of the text.
    /// - A word longer than the whole width is not folded: it starts a new line (if it is not the first word)
    ///   and is truncated to `width - 1` characters followed by `…`.
    /// - A line longer than the width first loses trailing spaces beyond the width, then is truncated with `…`.
    /// - Left lines are padded on the right (keeping their own trailing spaces); centred and right lines are
    ///   stripped of trailing spaces, then padded.
    static func lines(_ text: String, width: Int, justification: CellJustification) -> [String] {
        precondition(width >= 1, "a cell needs at least one column of text, got width \(width)")
        precondition(!text.contains("\n"), "cell text must be a single line: \(text.debugDescription)")
        let characters = Array(text)
        let breaks = breakOffsets(characters, width: width)
        let bounds = [0] + breaks + [characters.count]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            var line = Array(characters[start..<end])
            if line.count > width {
                // rich's `rstrip_end`: whitespace beyond the width is dropped before anything is truncated.
                let trailingSpaces = line.reversed().prefix { $0.isWhitespace }.count
                line.removeLast(min(trailingSpaces, line.count - width))
            }
            return justify(line, width: width, justification: justification)
        }
    }

    /// rich's `divide_line(text, width, fold=False)`: the offsets at which new lines start.
    static func breakOffsets(_ characters: [Character], width: Int) -> [Int] {
        var breaks: [Int] = []
        var lineLength = 0
        for (start, word) in words(characters) {
            let visibleLength = word.count - word.reversed().prefix { $0.isWhitespace }.count
            if width - lineLength >= visibleLength {
                lineLength += word.count
            } else if visibleLength > width {
                // Too long for any line: it gets a line of its own (unless it opens the text) and is truncated later.
                if start > 0 { breaks.append(start) }
                lineLength = word.count
            } else if lineLength > 0, start > 0 {
                breaks.append(start)
                lineLength = word.count
            }
        }
        return breaks
    }

    /// The matches of `\s*\S+\s*` from the start, each with its offset (rich's `words`).
    static func words(_ characters: [Character]) -> [(start: Int, word: ArraySlice<Character>)] {
        var result: [(Int, ArraySlice<Character>)] = []
        var position = 0
        while position < characters.count {
            var end = position
            while end < characters.count, characters[end].isWhitespace { end += 1 }
            guard end < characters.count else { break }  // only whitespace is left: no further word
            while end < characters.count, !characters[end].isWhitespace { end += 1 }
            while end < characters.count, characters[end].isWhitespace { end += 1 }
            result.append((position, characters[position..<end]))
            position = end
        }
        return result
    }

    /// One line justified to `width` (rich's `Lines.justify` followed by `Text.truncate`).
    static func justify(_ line: [Character], width: Int, justification: CellJustification) -> String {
        switch justification {
        case .left:
            let text = truncated(line, width: width)
            return text + String(repeating: " ", count: width - text.count)
        case .center:
            let text = truncated(strippingTrailingWhitespace(line), width: width)
            let left = (width - text.count) / 2
            return String(repeating: " ", count: left) + text
                + String(repeating: " ", count: width - text.count - left)
        case .right:
            let text = truncated(strippingTrailingWhitespace(line), width: width)
            return String(repeating: " ", count: width - text.count) + text
        }
    }

    /// The line itself if it fits, otherwise its first `width - 1` characters and `…` (rich's overflow "ellipsis").
    static func truncated(_ line: [Character], width: Int) -> String {
        line.count > width ? String(line.prefix(width - 1)) + "…" : String(line)
    }

    private static func strippingTrailingWhitespace(_ line: [Character]) -> [Character] {
        Array(line.reversed().drop { $0.isWhitespace }.reversed())
    }
}
