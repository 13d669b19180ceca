// A box-drawn table laid out as rich lays out `Table(*columns, width=W, show_lines=True)` with fixed-width
// columns: rich's column-width arithmetic (rich/table.py, rich/_ratio.py), its default HEAVY_HEAD box and
// one space of padding either side of every cell. Keras's `model.summary()` is such a table.

/// A table of single-line text cells with fixed column widths, rendered like rich's `Table`.
struct TextTable: Sendable {
    /// One column: its header, alignment and requested width (text only, without the two padding spaces).
    struct Column: Sendable {
        var header: String
        var justification: CellJustification
        var width: Int
    }

    /// The columns, left to right.
    var columns: [Column]
    /// The body rows; each has one cell per column.
    var rows: [[String]]

    /// The widths rich gives the columns, padding included and borders excluded, for a table of `tableWidth`
    /// characters including its `columns.count + 1` vertical borders.
    ///
    /// Each column asks for its width plus 2. When that is too wide, the excess is taken from the columns in
    /// turn, each giving `round(excess left / columns left)` (Python's round-half-even) but never more than it
    /// has, as rich's `ratio_reduce` does when no column may wrap.
    ///
    /// Precondition: the columns ask for at least the table's width. (rich would widen narrower columns; Keras's
    /// widths always add up to the line length before padding, so Pare never asks for less.)
    static func fittedWidths(requested: [Int], tableWidth: Int) -> [Int] {
        let available = tableWidth - (requested.count + 1)
        var widths = requested.map { $0 + 2 }
        var excess = widths.reduce(0, +) - available
        precondition(excess >= 0, "columns \(requested) are narrower than a table of width \(tableWidth)")
        var columnsLeft = widths.count
        for index in widths.indices {
            let share = Double(excess) / Double(columnsLeft)
            let taken = min(widths[index], Int(share.rounded(.toNearestOrEven)))
            widths[index] -= taken
            excess -= taken
            columnsLeft -= 1
        }
        return widths
    }

    /// The table's lines (without line terminators), `tableWidth` characters each.
    ///
    /// Precondition: every fitted width leaves at least one character besides the padding.
    func render(tableWidth: Int) -> [String] {
        let widths = Self.fittedWidths(requested: columns.map(\.width), tableWidth: tableWidth)
        precondition(widths.allSatisfy { $0 >= 3 }, "table of width \(tableWidth) leaves a column no room: \(widths)")
        let box = BoxDrawing.heavyHead
        var lines = [box.top.rule(widths)]
        lines += renderRow(columns.map(\.header), widths: widths, vertical: box.headerVertical, alignBottom: true)
        lines.append(box.headerSeparator.rule(widths))
        for (index, row) in rows.enumerated() {
            precondition(row.count == columns.count, "row \(index) has \(row.count) cells for \(columns.count) columns")
            if index > 0 { lines.append(box.rowSeparator.rule(widths)) }
            lines += renderRow(row, widths: widths, vertical: box.bodyVertical, alignBottom: false)
        }
        lines.append(box.bottom.rule(widths))
        return lines
    }

    /// The physical lines of one row: every cell wrapped in its column, shorter cells filled with blank lines
    /// below (body rows) or above (the header: rich aligns header cells to the bottom).
    private func renderRow(_ cells: [String], widths: [Int], vertical: Character, alignBottom: Bool) -> [String] {
        let wrapped = zip(zip(cells, columns), widths).map { pair, width in
            CellText.lines(pair.0, width: width - 2, justification: pair.1.justification)
        }
        let height = wrapped.map(\.count).max() ?? 1
        let border = String(vertical)
        return (0..<height).map { lineIndex in
            let parts = zip(wrapped, widths).map { lines, width in
                let index = alignBottom ? lineIndex - (height - lines.count) : lineIndex
                return lines.indices.contains(index) ? " \(lines[index]) " : String(repeating: " ", count: width)
            }
            return border + parts.joined(separator: border) + border
        }
    }
}
