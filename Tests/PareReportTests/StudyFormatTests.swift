// The small formats of study reports: percentages, spreads, ratios, shell quoting, Markdown cells.

import Testing
@testable import PareReport

@Suite struct StudyFormatTests {
    @Test func percentages() {
        // 0.97475 × 100 is the double 97.475 (just below the tie in binary): python3 -c "print('%.2f' % (0.97475*100))"
        // prints 97.47; 5,849 / 6,000 = 0.974833… prints 97.48.
        #expect(StudyFormat.percent(0.97475) == "97.47%")
        #expect(StudyFormat.percent(5_849.0 / 6_000) == "97.48%")
        #expect(StudyFormat.percent(0.9) == "90.00%")
        #expect(StudyFormat.targetPercent(0.97) == "97.0%")
        #expect(StudyFormat.targetPercent(0.9725) == "97.25%")
        #expect(StudyFormat.targetPercent(0.1) == "10.0%")
    }

    @Test func spreadsNameTheirSeeds() {
        // 0.96, 0.97, 0.98: mean 0.97, sample s.d. 0.01 (deviations ±0.01, 0; (0.0001 + 0.0001) / 2).
        #expect(StudyFormat.percentMeanAndSpread(mean: 0.97, spread: 0.01, count: 3) == "97.00% ± 1.00")
        #expect(StudyFormat.percentMeanAndSpread(mean: 0.97, spread: 0, count: 1) == "97.00%")
        #expect(StudyFormat.percentMeanAndSpread(mean: nil, spread: 0, count: 0) == "—")
        #expect(StudyFormat.accuracyStatement(mean: 0.97, spread: 0.01, seeds: [0, 1, 2])
                == "97.00% ± 1.00 (mean ± sample s.d., n = 3, seeds 0, 1, 2)")
        #expect(StudyFormat.accuracyStatement(mean: 0.9767, spread: 0, seeds: [7]) == "97.67% (n = 1, seed 7)")
        #expect(StudyFormat.accuracyStatement(mean: nil, spread: 0, seeds: []) == "not measured")
    }

    @Test func ratios() {
        #expect(StudyFormat.ratio(1_199_882, 932) == "1,287×")  // 1287.4
        #expect(StudyFormat.ratio(1_000, 77) == "13.0×")        // 12.99
        #expect(StudyFormat.ratio(3, 2) == "1.50×")
        #expect(StudyFormat.ratio(3, 0) == "—")
    }

    @Test func statusCountsInStatusOrder() {
        #expect(StudyFormat.statusCounts([.diverged, .completed, .stoppedEarly, .completed]) == "2 completed, 1 stopped-early, 1 diverged")
    }

    @Test func shellQuoting() {
        #expect(ShellCommand.line(["pare", "search", "m.pare", "--target", "0.97", "--out", "reports/a b"])
                == "pare search m.pare --target 0.97 --out 'reports/a b'")
        #expect(ShellCommand.quoted("it's") == "'it'\\''s'")
        #expect(ShellCommand.quoted("") == "''")
        #expect(ShellCommand.quoted("n=1,2,4") == "n=1,2,4")
        #expect(ShellCommand.quoted("$HOME") == "'$HOME'")
    }

    @Test func markdownCellsStayInTheirCell() {
        var table = MarkdownTable(header: ["a", "b"], alignments: [.left, .right])
        table.append(["x|y", "two\nlines"])
        #expect(table.render() == "| a | b |\n| --- | ---: |\n| x\\|y | two lines |\n")
    }
}
