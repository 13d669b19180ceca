// winner.pare: the winning model's canonical text under a comment header saying where it came from.

import PareSearch

/// `winner.pare`, written when a search has a winner (or a provisional best).
///
/// The trained weights are not part of the report: `pare search` copies the trainer's saved weights to
/// `winner.safetensors` in the study folder, and `StudyReport` links that file from `report.md` when present.
public enum WinnerFile {
    /// The file name.
    public static let name = "winner.pare"
    /// The weights file the report links when the folder holds it.
    public static let weightsName = "winner.safetensors"

    /// The file text, or `nil` when nothing passed.
    public static func render(_ content: SearchReportContent) -> String? {
        guard let winner = content.winner, let summary = content.winnerSummary else { return nil }
        let measure = content.settings.measure
        var header = [
            "Winner of pare search (\(content.description.modelName) on \(content.settings.training.dataset)): the "
                + "\(content.question).",
            "Family \(winner.familyName), widths \(winner.widthsText): \(winner.parameterCount.groupedDecimal) params, "
                + "\(winner.multiplyAdds.groupedDecimal) multiply-adds, \(winner.totalBytes.groupedDecimal) bytes "
                + "(\(StudyFormat.ratio(content.base.size(measure), winner.size(measure))) smaller than the base by \(measure.rawValue)).",
            "Validation accuracy " + StudyFormat.accuracyStatement(mean: summary.validationMean, spread: summary.validationSpread,
                                                                   seeds: summary.seeds) + ".",
            "Test accuracy " + StudyFormat.accuracyStatement(mean: summary.testMean, spread: summary.testSpread,
                                                             seeds: testedSeeds(content, winner))
                + "; measured once per seed, never used to select.",
        ]
        if !content.completion.isFinished {
            header.append("PROVISIONAL: the search \(content.completion.reasonText); a finished search may find a smaller model.")
        }
        header.append("Rebuilt from study.json and journal.jsonl; see report.md.")
        return header.map { "# " + $0 + "\n" }.joined() + winner.pareText
    }

    /// The seeds of `winner`'s trainings that measured test accuracy.
    static func testedSeeds(_ content: SearchReportContent, _ winner: Candidate) -> [UInt64] {
        content.entries.filter { $0.pare == winner.pareText && $0.outcome.testAccuracy != nil }
            .sorted { $0.seedIndex < $1.seedIndex }.map(\.seed)
    }
}
