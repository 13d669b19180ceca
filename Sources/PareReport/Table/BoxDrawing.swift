// The box-drawing characters of rich's default table box, HEAVY_HEAD (rich/box.py).

/// The characters that draw a table's borders.
struct BoxDrawing: Sendable {
    /// A horizontal rule: left corner, fill, junction between columns, right corner.
    struct Rule: Sendable {
        var left: Character
        var fill: Character
        var junction: Character
        var right: Character

        /// The rule over columns of the given widths.
        func rule(_ widths: [Int]) -> String {
            String(left) + widths.map { String(repeating: fill, count: $0) }.joined(separator: String(junction))
                + String(right)
        }
    }

    /// The line above the header.
    var top: Rule
    /// The vertical border of the header row.
    var headerVertical: Character
    /// The line between header and body.
    var headerSeparator: Rule
    /// The vertical border of body rows.
    var bodyVertical: Character
    /// The line between body rows (`show_lines=True`).
    var rowSeparator: Rule
    /// The line below the last row.
    var bottom: Rule

    /// rich's `box.HEAVY_HEAD`: heavy lines around the header, light lines for the body.
    static let heavyHead = BoxDrawing(
        top: Rule(left: "┏", fill: "━", junction: "┳", right: "┓"),
        headerVertical: "┃",
        headerSeparator: Rule(left: "┡", fill: "━", junction: "╇", right: "┩"),
        bodyVertical: "│",
        rowSeparator: Rule(left: "├", fill: "─", junction: "┼", right: "┤"),
        bottom: Rule(left: "└", fill: "─", junction: "┴", right: "┘"))
}
