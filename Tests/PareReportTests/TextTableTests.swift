// rich's cell layout and column arithmetic, case by case. Expected lines come from rich 15.0.0:
//   Text(text).wrap(Console(width=200), width, justify=justify, overflow="ellipsis")
// and the widths from the goldens' own borders.

import Testing
@testable import PareReport

@Suite struct TextTableTests {
    static let wrapCases: [(String, Int, CellJustification, [String])] = [
        ("global_average_pooling2d (GlobalAveragePooling2D)", 36, .left,
         ["global_average_pooling2d            ", "(GlobalAveragePooling2D)            "]),
        ("Trainable", 7, .center, ["Traina…"]),
        ("expanded_conv_depthwise[0][0]", 26, .left, ["expanded_conv_depthwise[0…"]),
        ("block_1_project_BN[0][0], block_2_project_BN[0][0]", 26, .left,
         ["block_1_project_BN[0][0], ", "block_2_project_BN[0][0]  "]),
        ("Param #", 1, .right, ["…", "#"]),
        ("Param #", 3, .right, ["Pa…", "  #"]),
        ("Param #", 6, .right, [" Param", "     #"]),
        ("  abc def", 4, .left, ["  a…", "def "]),
        ("", 3, .center, ["   "]),
        ("abc defghijklmnop qr", 5, .left, ["abc  ", "defg…", "qr   "]),
        ("abc defghijklmnop qr", 5, .right, ["  abc", "defg…", "   qr"]),
        ("Y", 7, .center, ["   Y   "]),
        ("ab", 5, .center, [" ab  "]),
        ("one two  three", 8, .left, ["one two ", "three   "]),
        ("one two  three", 8, .center, ["one two ", " three  "]),
    ]

    @Test(arguments: wrapCases.indices)
    func wrapsLikeRich(index: Int) {
        let (text, width, justification, expected) = Self.wrapCases[index]
        #expect(CellText.lines(text, width: width, justification: justification) == expected,
                "\(text.debugDescription) in \(width), \(justification)")
    }

    /// Keras's requested widths and the widths (padding included) the goldens' borders show.
    @Test(arguments: [
        ([39, 31, 18], 88, [38, 29, 17]),              // qiita_cnn2_2.keras.txt
        ([34, 26, 16], 76, [33, 24, 15]),              // seed000_cnn.keras_linelength76.txt
        ([40, 32, 18, 10], 100, [39, 31, 16, 9]),      // seed000_cnn.keras_show_trainable.txt
        ([32, 28, 19, 29], 108, [31, 27, 17, 28]),     // mobilenetv2_include_top.keras.txt
    ])
    func columnWidthsMatchGoldens(requested: [Int], tableWidth: Int, expected: [Int]) {
        #expect(TextTable.fittedWidths(requested: requested, tableWidth: tableWidth) == expected)
    }

    /// A 5.5-character excess share rounds half to even, as Python's round does: 11 over 2 columns → 6, 5.
    @Test func excessSharesRoundHalfToEven() {
        // requested 10 + 10 (+4 padding) = 24 in a table of 16 - 3 borders = 13: excess 11.
        #expect(TextTable.fittedWidths(requested: [10, 10], tableWidth: 16) == [6, 7])
    }

    @Test func rendersHeavyHeadBox() {
        let table = TextTable(columns: [.init(header: "a", justification: .left, width: 3),
                                        .init(header: "b", justification: .right, width: 3)],
                              rows: [["x y", "1"], ["z", "22"]])
        // widths 5 + 5 in a table of 9 - 3 borders = 6: excess 4 → 2, 2 → columns of 3 (one character of text).
        #expect(table.render(tableWidth: 9) == [
            "┏━━━┳━━━┓",
            "┃ a ┃ b ┃",
            "┡━━━╇━━━┩",
            "│ x │ 1 │",
            "│ y │   │",
            "├───┼───┤",
            "│ z │ … │",
            "└───┴───┘",
        ])
    }
}
