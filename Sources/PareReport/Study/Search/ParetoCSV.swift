// pareto.csv: the non-dominated candidates of a search, size–accuracy front first, then time–accuracy.

import PareSearch

/// `pareto.csv`: the candidates on the size–accuracy and time–accuracy fronts, aggregated over seeds.
public enum ParetoCSV {
    /// The column names.
    public static let columns = [
        "front", "family", "widths", "params", "macs", "bytes", "n", "seeds", "val_mean", "val_sd", "test_n",
        "test_mean", "test_sd", "seconds_mean",
    ]

    /// One row per front member: `front` is `size-accuracy` or `time-accuracy`; `n` and `seeds` (joined by `;`)
    /// are the seeds trained; accuracies are fractions (6 decimals), `*_sd` the sample standard deviation
    /// (empty for fewer than two values); `seconds_mean` the mean training seconds per seed.
    public static func render(_ content: SearchReportContent) -> String {
        var table = CSVTable(header: columns)
        for (front, members) in [("size-accuracy", content.sizeFront), ("time-accuracy", content.timeFront)] {
            for summary in members {
                table.append([
                    front, summary.family, summary.widths.map(String.init).joined(separator: "·"),
                    "\(summary.params)", "\(summary.macs)", "\(summary.bytes)",
                    "\(summary.seeds.count)", summary.seeds.map(String.init).joined(separator: ";"),
                    JournalEntry.csvFraction(summary.validationMean),
                    summary.seeds.count > 1 ? JournalEntry.csvFraction(summary.validationSpread) : "",
                    "\(summary.testAccuracies.count)",
                    summary.testMean.map(JournalEntry.csvFraction) ?? "",
                    summary.testAccuracies.count > 1 ? JournalEntry.csvFraction(summary.testSpread) : "",
                    StudyFormat.fixed(summary.secondsMean, 3),
                ])
            }
        }
        return table.render()
    }
}
