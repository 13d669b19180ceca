// candidates.csv: one row per training of a search, in journal order.

import PareSearch

/// `candidates.csv`: every training of a search (one row per candidate and seed).
public enum CandidatesCSV {
    /// The column names.
    public static let columns = ["key", "family", "widths"] + JournalEntry.csvMeasurementColumns

    /// The table of `entries` in their order: key, family, widths (`2·4·4·4`), then the shared measurement
    /// columns (see `CSVTable` for the dialect).
    public static func render(_ entries: [JournalEntry]) -> String {
        var table = CSVTable(header: columns)
        for entry in entries {
            table.append([entry.key, entry.family, entry.widths.map(String.init).joined(separator: "·")] + entry.csvMeasurementFields)
        }
        return table.render()
    }
}
