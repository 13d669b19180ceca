// The validation accuracy one training counts with, by the search's own rule.

import PareSearch

extension JournalEntry {
    /// The validation accuracy this training counts with (the search's rule, `TrainingOutcome.countedAccuracy`).
    var countedValidationAccuracy: Double { outcome.countedAccuracy }
}
