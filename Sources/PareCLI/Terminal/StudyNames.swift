// How studies name data sets, targets and percentages in folders and messages.

import Foundation

/// Naming helpers for study folders and messages.
enum StudyNames {
    /// `mnist`, `fashion-mnist`, or the last path component of a data folder.
    static func datasetName(_ dataset: String) -> String {
        dataset.contains("/") ? URL(fileURLWithPath: dataset).lastPathComponent : dataset
    }

    /// `0.97` for a target (folder names).
    static func targetText(_ target: Double) -> String {
        var text = String(format: "%.4f", target)
        while text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// `97.00%`.
    static func percent(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f%%", value * 100)
    }
}
