// report.md of a sweep: the question, the grid, the best point, every point, settings and the command.

import PareSearch

/// `report.md` of a sweep study.
public enum SweepReportMarkdown {
    /// The report text.
    public static func render(_ content: SweepReportContent) -> String {
        let name = content.description.modelName
        let axes = content.axes.map(\.name)
        var text = "# Sweep: \(name)\n\n"
        text += "**Question:** how do validation accuracy, size and training time of `\(name)` change over "
            + (axes.isEmpty ? "its single configuration" : axes.joined(separator: " × "))
            + "? Accuracies are means over each point's seeds ± the sample standard deviation.\n\n"
        if !content.completion.isFinished {
            text += "> **PROVISIONAL:** the sweep \(content.completion.reasonText): \(content.entries.count) of "
                + "\(content.plannedTrainings) trainings are in the journal. Run the command under *Reproduce* again to "
                + "finish it.\n\n"
        }
        text += grid(content)
        text += best(content)
        text += everyPoint(content)
        text += settings(content)
        text += "## Reproduce\n\nPare \(content.description.pareVersion) (the version that created the study). Run again, "
            + "the sweep resumes from the journal in its folder:\n\n```sh\n"
            + ShellCommand.line(["pare"] + content.description.command) + "\n```\n"
        return text
    }

    static func grid(_ content: SweepReportContent) -> String {
        var text = "## Grid\n\n"
        if !content.axes.isEmpty {
            var table = MarkdownTable(header: ["axis", "kind", "values"], alignments: [.left, .left, .left])
            for axis in content.axes {
                table.append([axis.name, axis.isModelVariable ? "model variable" : "training setting",
                              axis.values.joined(separator: ", ")])
            }
            text += table.render() + "\n"
        }
        let seeds = content.description.sweepSeeds.map { "\($0) seed\($0 == 1 ? "" : "s") per point" } ?? "seeds per point not recorded"
        text += "\(content.plannedTrainings) trainings planned (\(seeds)); \(content.entries.count) finished, "
            + "\(content.points.count) points with results.\n\n"
        return text
    }

    static func best(_ content: SweepReportContent) -> String {
        guard let best = content.best else { return "## Best point (by validation)\n\nNo training has finished yet.\n\n" }
        let tested = content.entries.filter { $0.family == best.family && $0.outcome.testAccuracy != nil }.map(\.seed)
        return "## Best point (by validation)\n\n**\(best.family)**: \(best.params.groupedDecimal) params; validation accuracy "
            + StudyFormat.accuracyStatement(mean: best.validationMean, spread: best.validationSpread, seeds: best.seeds)
            + "; test accuracy "
            + StudyFormat.accuracyStatement(mean: best.testMean, spread: best.testSpread, seeds: tested)
            + ", measured once per seed and not used to choose; \(StudyFormat.seconds(best.secondsMean)) mean training time.\n\n"
    }

    static func everyPoint(_ content: SweepReportContent) -> String {
        var text = "## Every point\n\n"
        text += "![Validation accuracy against parameters, mean ± s.d. over seeds](accuracy-vs-params.svg)\n\n"
        text += "![Validation accuracy against training time, one point per training](accuracy-vs-time.svg)\n\n"
        var table = MarkdownTable(
            header: content.axes.map(\.name) + ["params", "validation (mean ± s.d.)", "# seeds", "test (mean ± s.d.)",
                                                "seconds (mean)", "trainings"],
            alignments: content.axes.map { _ in .left } + [.right, .right, .right, .right, .right, .left])
        let bestName = content.best?.family
        for point in content.points {
            var cells = content.axes.map { point.labels[$0.name] ?? "" }
            if point.family == bestName, !cells.isEmpty { cells[0] = "**\(cells[0])** (best)" }
            table.append(cells + [point.params.groupedDecimal, validation(point), "\(point.seeds.count)",
                                  StudyFormat.percentMeanAndSpread(mean: point.testMean, spread: point.testSpread,
                                                                   count: point.testAccuracies.count),
                                  StudyFormat.seconds(point.secondsMean), StudyFormat.statusCounts(point.statuses)])
        }
        text += content.points.isEmpty ? "(no trainings yet)\n\n" : table.render() + "\n"
        text += "Data: [sweep.csv](sweep.csv) (every training: one row per point and seed, accuracies as fractions 0–1, "
            + "RFC 4180 CSV with CRLF line ends).\n\n"
        return text
    }

    static func settings(_ content: SweepReportContent) -> String {
        let epochs = Set(content.entries.filter { $0.outcome.status == .completed }.map(\.outcome.epochs)).sorted()
        let seeds = Set(content.entries.map(\.seed)).sorted()
        var text = "## Settings\n\n"
        text += "- Every training runs to the end (sweeps use no stop rule); completed trainings ran "
            + (epochs.isEmpty ? "no epochs yet" : epochs.map(String.init).joined(separator: ", ") + " epochs") + ".\n"
        text += "- Seeds used: \(StudyFormat.seeds(seeds)) (each point's seeds count up from the first).\n"
        text += "- Validation accuracy is measured on the split held out of the training set; test accuracy is recorded "
            + "but never used to pick the best point.\n"
        text += "- The training settings that are not swept are those of the command below (a sweep's study.json does not "
            + "record them separately).\n\n"
        return text
    }

    static func validation(_ summary: CandidateSummary) -> String {
        StudyFormat.percentMeanAndSpread(mean: summary.validationMean, spread: summary.validationSpread, count: summary.seeds.count)
    }
}
