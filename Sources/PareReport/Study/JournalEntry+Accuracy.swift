// The validation accuracy one training counts with, by the search's own rule.

import PareSearch

extension JournalEntry {
    /// The validation accuracy this training counts with: the final one, the last epoch's for a training
    /// stopped early, 0 for a diverged or failed one. Taken through `CandidateSummary` so the rule stays the
    /// search's (`Judgement`), defined once.
    var countedValidationAccuracy: Double {
        CandidateSummary.summarize([self]).first?.validationMean ?? 0
    }
}
