// How a running search shows itself: a line per finished training, a live status line, a closing summary.

import Foundation
import PareReport
import PareSearch

/// Renders search events on the console (worker threads call `observe`).
final class SearchProgress: @unchecked Sendable {
    // @unchecked Sendable: all state is guarded by `lock`.
    private let console: Console
    private let measure: Measure
    private let line: ProgressLine
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var running: [String: (request: TrainingRequest, progress: TrainingProgress?, threads: Int)] = [:]
    private var finished = 0
    private var round = 0
    private var best: Candidate?

    init(console: Console, measure: Measure) {
        self.console = console
        self.measure = measure
        line = ProgressLine(console: console)
    }

    /// Handles one event.
    func observe(_ event: SearchEvent) {
        lock.withLock {
            switch event {
            case .roundPlanned(let number, let phase, let trainings, let best):
                round = number
                self.best = best
                line.clear()
                console.print("round \(number): \(phase.rawValue), \(trainings.count) training\(trainings.count == 1 ? "" : "s")"
                              + (best.map { " (best so far: \(describe($0)))" } ?? ""))
            case .trainingStarted(let request, let threads):
                running[request.key] = (request, nil, threads)
            case .trainingProgress(let request, let progress):
                running[request.key]?.progress = progress
            case .trainingFinished(let entry, let reused):
                running[entry.key] = nil
                finished += 1
                line.clear()
                console.print(Self.resultLine(entry, reused: reused))
            }
            redraw()
        }
    }

    /// Removes the live line.
    func finish() { line.clear() }

    /// The closing lines.
    func summarize(_ outcome: SearchOutcome, settings: SearchSettings, folder: URL) {
        let elapsed = ProgressLine.duration((ContinuousClock.now - start).seconds)
        console.print("")
        switch outcome.stopReason {
        case .finished: console.print("search finished after \(outcome.rounds) round\(outcome.rounds == 1 ? "" : "s"), \(outcome.entries.count) trainings (\(outcome.trainedNow) now), \(elapsed)")
        case .budgetExhausted: console.print("budget exhausted after \(outcome.entries.count) trainings, \(elapsed); the result is provisional (re-run to continue)")
        case .interrupted: console.print("interrupted after \(outcome.entries.count) trainings, \(elapsed)")
        }
        guard let best = outcome.best else {
            console.print("no candidate reached \(StudyNames.percent(settings.target)) validation accuracy")
            console.print("reports: \(folder.path)/report.md")
            return
        }
        let summary = CandidateSummary.summarize(outcome.entries.filter { $0.pare == best.pareText })[0]
        let test = summary.testMean.map { "test \(StudyNames.percent($0)) ± \(StudyNames.percent(summary.testSpread))" } ?? "test not measured"
        console.print("smallest model: \(best.familyName) widths \(best.widthsText): \(best.parameterCount.groupedDecimal) parameters, "
                      + "\(best.multiplyAdds.groupedDecimal) multiply-adds")
        console.print("  validation \(StudyNames.percent(summary.validationMean)) ± \(StudyNames.percent(summary.validationSpread)), "
                      + "\(test) (\(summary.seeds.count) seed\(summary.seeds.count == 1 ? "" : "s"): \(summary.seeds.map(String.init).joined(separator: ", ")))")
        console.print("reports: \(folder.path)/report.md, pareto.svg, pareto.csv, candidates.csv, winner.pare")
    }

    private func describe(_ candidate: Candidate) -> String {
        "\(candidate.familyName) \(candidate.widthsText), \(candidate.size(measure).groupedDecimal) \(measure.rawValue)"
    }

    private func redraw() {
        let active = running.values.sorted { $0.request.key < $1.request.key }.map { entry in
            let candidate = entry.request.candidate
            let progress = entry.progress.map { "e\($0.epoch)/\($0.epochs) \(ProgressLine.bar(($0.fractionOfEpoch + Double($0.epoch - 1)) / Double($0.epochs), width: 10))" } ?? "starting"
            return "\(candidate.familyName) \(candidate.widthsText) (\(candidate.parameterCount.groupedDecimal) p, \(entry.threads)T) \(progress)"
        }
        let elapsed = ProgressLine.duration((ContinuousClock.now - start).seconds)
        line.update("round \(round) | \(active.joined(separator: " | ")) | done \(finished) | \(elapsed)")
    }

    /// `  ✓ conv-stage+drop-dense 2·4·4·4  1,042 params  val 97.31%  test 97.40%  12 ep  14.2s`.
    static func resultLine(_ entry: JournalEntry, reused: Bool) -> String {
        let outcome = entry.outcome
        let mark = outcome.status == .completed ? "·" : "×"
        var text = "  \(mark) \(entry.family) \(entry.widths.map(String.init).joined(separator: "·")) seed \(entry.seedIndex)"
            + "  \(entry.params.groupedDecimal) params"
        if let accuracy = outcome.validationAccuracy { text += "  val \(StudyNames.percent(accuracy))" }
        if let accuracy = outcome.testAccuracy { text += "  test \(StudyNames.percent(accuracy))" }
        text += "  \(outcome.epochs) ep  \(ProgressLine.duration(outcome.seconds))"
        if outcome.status != .completed { text += "  [\(outcome.status.rawValue)\(outcome.message.map { ": \($0)" } ?? "")]" }
        if reused { text += "  (from journal)" }
        return text
    }
}
