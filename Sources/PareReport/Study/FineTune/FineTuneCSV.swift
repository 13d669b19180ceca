// finetune.csv: one row per fine-tuning training, with K, trainable parameters and efficiency.

import PareSearch

/// `finetune.csv`: every fine-tuning training (the pre-training is in the report, not here).
public enum FineTuneCSV {
    /// Columns: k, trainable_params, efficiency (validation accuracy per training second), then the shared
    /// measurement columns (see `CandidatesCSV`; dialect in `CSVTable`).
    public static func render(_ content: FineTuneReportContent) -> String {
        var table = CSVTable(header: ["k", "trainable_params", "efficiency", "key"] + JournalEntry.csvMeasurementColumns)
        for row in content.rows {
            for entry in content.entries where entry.labels["phase"] == "fine-tune" && entry.labels["k"] == "\(row.k)" {
                let efficiency = entry.outcome.seconds > 0 ? entry.outcome.countedAccuracy / entry.outcome.seconds : 0
                table.append(["\(row.k)", "\(row.trainableParameters)", StudyFormat.fixed(efficiency, 6), entry.key]
                             + entry.csvMeasurementFields)
            }
        }
        return table.render()
    }
}
