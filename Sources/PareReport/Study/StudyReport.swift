// `pare report DIR`: every report file of a study folder, rebuilt from study.json and the journal alone and
// written atomically.

import Foundation
import PareSearch
import PareTraining

/// The reports of a study folder.
///
/// ```swift
/// let written = try StudyReport(folder: url, stopReason: outcome.stopReason).write()
/// ```
/// Searches get `candidates.csv`, `pareto.csv`, `pareto.svg`, `report.md` and (when something passed)
/// `winner.pare`; sweeps get `sweep.csv`, `accuracy-vs-params.svg`, `accuracy-vs-time.svg` and `report.md`;
/// fine-tuning studies get `finetune.csv`, `accuracy-vs-k.svg`, `efficiency-vs-k.svg` and `report.md`.
/// Output depends only on the folder's files (and `stopReason`): no clock, no absolute paths.
public struct StudyReport: Sendable {
    /// The study folder.
    public let folder: URL
    /// `study.json`.
    public let description: StudyDescription
    /// `journal.jsonl` (empty when no training has finished).
    public let entries: [JournalEntry]
    /// Why the run that called the report stopped, if it was that run; `nil` from `pare report`.
    public let stopReason: SearchStopReason?
    /// A note about a torn last journal line that reading skipped (a crash mid-write), for the CLI to print.
    public let journalNote: String?

    /// Reads `study.json` and the finished trainings (`journal.jsonl` and the workers' `results/`) from `folder`.
    /// Throws `StudyError` or `JournalError` when they are missing or unreadable.
    public init(folder: URL, stopReason: SearchStopReason? = nil) throws {
        self.folder = folder
        description = try StudyDescription.read(from: folder)
        (entries, journalNote) = try Journal.read(folder.appendingPathComponent("journal.jsonl"))
        self.stopReason = stopReason
    }

    /// The report files as (file name, contents), without writing anything.
    public func files() throws -> [(name: String, contents: String)] {
        let studyPath = folder.appendingPathComponent("study.json").path
        switch description.kind {
        case .search:
            let weights = FileManager.default.fileExists(atPath: folder.appendingPathComponent(WinnerFile.weightsName).path)
            let content = try SearchReportContent(description: description, entries: entries, stopReason: stopReason,
                                                  winnerWeights: weights ? WinnerFile.weightsName : nil, studyPath: studyPath)
            var files = [
                ("candidates.csv", CandidatesCSV.render(content.entries)),
                ("pareto.csv", ParetoCSV.render(content)),
                ("pareto.svg", ParetoPlot.render(content)),
                ("report.md", try SearchReportMarkdown.render(content)),
            ]
            if let winner = WinnerFile.render(content) { files.append((WinnerFile.name, winner)) }
            return files
        case .sweep:
            let content = SweepReportContent(description: description, entries: entries, stopReason: stopReason)
            return [
                ("sweep.csv", SweepCSV.render(content)),
                ("accuracy-vs-params.svg", SweepPlots.accuracyVersusParams(content).svg()),
                ("accuracy-vs-time.svg", SweepPlots.accuracyVersusTime(content).svg()),
                ("report.md", SweepReportMarkdown.render(content)),
            ]
        case .finetune:
            let content = FineTuneReportContent(description: description, entries: entries, stopReason: stopReason)
            return [
                ("finetune.csv", FineTuneCSV.render(content)),
                ("accuracy-vs-k.svg", FineTunePlots.accuracyVersusK(content).svg()),
                ("efficiency-vs-k.svg", FineTunePlots.efficiencyVersusK(content).svg()),
                ("report.md", FineTuneReportMarkdown.render(content)),
            ]
        }
    }

    /// Writes every report file into the folder atomically (temporary file, then rename); returns their URLs.
    @discardableResult
    public func write() throws -> [URL] {
        try files().map { name, contents in
            let url = folder.appendingPathComponent(name)
            try AtomicFile.write(contents, to: url)
            return url
        }
    }
}
