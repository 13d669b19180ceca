// sweep.csv: one row per training of a sweep, its settings as the first columns, in grid order.

import PareSearch

/// `sweep.csv`: every training of a sweep.
public enum SweepCSV {
    /// The table: one column per axis (model variables, then optimizer, lr, batch-size, activation), then the
    /// point name, key, widths and the shared measurement columns (see `CandidatesCSV`; dialect in `CSVTable`).
    public static func render(_ content: SweepReportContent) -> String {
        var table = CSVTable(header: content.axes.map(\.name) + ["point", "key", "widths"] + JournalEntry.csvMeasurementColumns)
        for entry in content.entries {
            table.append(content.axes.map { entry.labels[$0.name] ?? "" }
                         + [entry.family, entry.key, entry.widths.map(String.init).joined(separator: "·")]
                         + entry.csvMeasurementFields)
        }
        return table.render()
    }
}
