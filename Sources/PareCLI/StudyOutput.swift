// Writing a study folder's outputs after a run: the winner's weights, then every report from the journal.

import Foundation
import PareModel
import PareReport
import PareSearch
import PareTraining

/// The files a finished (or stopped) study writes next to its journal.
enum StudyOutput {
    /// Copies the winner's weights to `winner.safetensors` (searches) and rebuilds every report of the study in
    /// `folder` from its journal; prints where they are.
    static func writeReports(folder: URL, stopReason: SearchStopReason?, console: Console) throws {
        let description = try StudyDescription.read(from: folder)
        if description.kind == .search, let settings = description.search {
            try copyWinnerWeights(folder: folder, description: description, settings: settings)
        }
        let report = try StudyReport(folder: folder, stopReason: stopReason)
        if let note = report.journalNote { console.printError("note: \(note)") }
        _ = try report.write()
    }

    /// `winner.safetensors`: the weights of the winner's first seed that saved weights (a training saves them
    /// when it completes at or above the target). Removed if the study has no winner (any more).
    static func copyWinnerWeights(folder: URL, description: StudyDescription, settings: SearchSettings) throws {
        let destination = folder.appendingPathComponent("winner.safetensors")
        let journal = try Journal.read(folder.appendingPathComponent("journal.jsonl")).entries
        let base = try ParsedModel.parse(description.base, path: "study.json").spec
        let winner = SearchLog.replay(SearchPlanner(base: base, settings: settings), entries: journal).best
        let weights = folder.appendingPathComponent("weights")
        let source = journal.filter { $0.pare == winner?.pareText }.sorted { $0.seedIndex < $1.seedIndex }
            .map { TrainingEvaluator.weightsFile(in: weights, key: $0.key) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        try? FileManager.default.removeItem(at: destination)
        guard let source else { return }
        try AtomicFile.write(try Data(contentsOf: source), to: destination)
    }
}
