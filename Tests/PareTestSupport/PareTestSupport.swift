// Shared helpers for Pare's test targets: where the repository is, the golden files, readable diffs.

import Foundation
import PareModel

/// Paths inside the source checkout the tests run from.
public enum Repository {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `models/NAME.pare`.
    public static func model(_ name: String) -> String {
        root.appendingPathComponent("models/\(name).pare").path
    }

    /// Parses `models/NAME.pare` with `--set` overrides (test helper: traps on a bad fixture).
    public static func parsedModel(_ name: String, _ overrides: [String: Int] = [:]) throws -> ParsedModel {
        try ParsedModel.load(path: model(name), overrides: overrides)
    }
}

/// The golden outputs of the real tools (copied verbatim from ../shared/golden; never re-recorded).
public enum Golden {
    /// The folder of golden files inside this target's resources.
    public static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Golden")
    }

    /// The text of a golden file, e.g. `qiita_cnn2_2.keras.txt`.
    public static func text(_ fileName: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
    }

    /// A parsed golden JSON file.
    public static func json(_ fileName: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(fileName))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The seed models of `params_small_models.json`, by golden name (`qiita_cnn2_2`), with the .pare file and
    /// `--set` values that describe each (the README of ../shared/golden maps names to families).
    public static let smallModels: [(golden: String, file: String, overrides: [String: Int])] = {
        var models: [(String, String, [String: Int])] = [("seed000_cnn", "seed000_cnn", [:])]
        for width in stride(from: 64, through: 704, by: 64) { models.append(("seed000_mlp_\(width)", "seed000_mlp", ["W": width])) }
        for n in [512, 256, 128, 64, 32, 16] {
            models.append(("qiita_mlp_\(n)", "qiita_mlp", ["n": n]))
            models.append(("qiita_poolmlp_\(n)", "qiita_poolmlp", ["n": n]))
        }
        for n in [32, 16, 8, 4, 2, 1] {
            models.append(("qiita_cnn1_\(n)", "qiita_cnn1", ["n": n]))
            models.append(("qiita_cnn2_\(n)", "qiita_cnn2", ["n": n]))
        }
        for name in ["seed004_fc1", "seed004_fc2", "seed004_cnn1", "seed004_cnn2"] { models.append((name, name, [:])) }
        return models
    }()
}

/// A line-by-line comparison for golden and snapshot tests: `nil` when equal, otherwise the first differing
/// lines with their numbers, so a failure shows exactly where output and golden part.
public func lineDiff(expected: String, actual: String, context: Int = 2) -> String? {
    guard expected != actual else { return nil }
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
    var report = "first difference at line \(first + 1) (expected \(e.count) lines, got \(a.count)):\n"
    for index in max(0, first - context)..<min(max(e.count, a.count), first + context + 1) {
        let expectedLine = index < e.count ? e[index] : "<none>"
        let actualLine = index < a.count ? a[index] : "<none>"
        if expectedLine == actualLine {
            report += "  \(index + 1)  \(expectedLine)\n"
        } else {
            report += "- \(index + 1)  \(expectedLine)\n+ \(index + 1)  \(actualLine)\n"
        }
    }
    return report
}
