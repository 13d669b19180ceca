// GitHub-flavoured Markdown pipe tables for reports.

/// A pipe table: a header, an alignment per column, and rows of cell text.
struct MarkdownTable {
    /// How a column's cells are aligned.
    enum Alignment {
        case left, right
    }

    let header: [String]
    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    /// An empty table; `alignments` has one entry per column.
    init(header: [String], alignments: [Alignment]) {
        precondition(header.count == alignments.count, "one alignment per column: \(header.count) columns, \(alignments.count) alignments")
        self.header = header
        self.alignments = alignments
    }

    /// Appends a row of cells, one per column.
    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a table row needs \(header.count) cells, got \(row.count): \(row)")
        rows.append(row)
    }

    /// The table text, each line ending with a newline.
    func render() -> String {
        let rule = alignments.map { $0 == .left ? "---" : "---:" }
        return ([header, rule] + rows).map { "| " + $0.map(Self.cell).joined(separator: " | ") + " |\n" }.joined()
    }

    /// A cell with its pipes escaped and line breaks turned into spaces, so it stays one table cell.
    static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\n", "\r\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
