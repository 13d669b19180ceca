// The columns every per-training CSV shares (candidates.csv, sweep.csv): sizes, seed, outcome, accuracies.

import PareSearch

extension JournalEntry {
    /// Column names of `csvMeasurementFields`.
    static let csvMeasurementColumns = [
        "params", "macs", "bytes", "seed_index", "seed", "status", "epochs", "seconds", "threads",
        "val_accuracy", "test_accuracy", "val_curve", "message",
    ]

    /// Sizes, seed, status, epochs run, training seconds (3 decimals), threads, the final validation and test
    /// accuracies as fractions (6 decimals; empty if not measured), the validation accuracy after each epoch
    /// joined by `;`, and the failure message (empty when none).
    var csvMeasurementFields: [String] {
        [
            "\(params)", "\(macs)", "\(bytes)", "\(seedIndex)", "\(seed)", outcome.status.rawValue, "\(outcome.epochs)",
            StudyFormat.fixed(outcome.seconds, 3), "\(outcome.threads)",
            outcome.validationAccuracy.map(Self.csvFraction) ?? "", outcome.testAccuracy.map(Self.csvFraction) ?? "",
            outcome.validationCurve.map(Self.csvFraction).joined(separator: ";"), outcome.message ?? "",
        ]
    }

    /// A fraction with six decimals.
    static func csvFraction(_ value: Double) -> String { StudyFormat.fixed(value, 6) }
}
