// report.md of a search: the question, the answer, the front, the search log, the rules, the settings, the
// stop reason and how to reproduce it — in that order.

import PareModel
import PareSearch

/// `report.md` of a search study.
public enum SearchReportMarkdown {
    /// The report text. Throws only if the winner's model cannot be summarised (it always can: it was analysed
    /// when the search made it).
    public static func render(_ content: SearchReportContent) throws -> String {
        var text = "# Search: \(content.description.modelName) on \(content.settings.training.dataset)\n\n"
        text += "**Question:** \(content.question), starting from `\(content.description.modelName)` "
            + "(\(content.base.parameterCount.groupedDecimal) params).\n\n"
        if !content.completion.isFinished {
            text += "> **PROVISIONAL:** the search \(content.completion.reasonText). The answer below is the best so "
                + "far and may change; run the command under *Reproduce* again to resume the search from its journal.\n\n"
        }
        text += try answer(content)
        text += front(content)
        text += log(content)
        text += rules(content)
        text += settings(content)
        text += stopReason(content)
        text += reproduce(content)
        return text
    }

    // MARK: answer

    static func answer(_ content: SearchReportContent) throws -> String {
        let measure = content.settings.measure
        let target = StudyFormat.targetPercent(content.settings.target)
        var text = "## Answer\n\n"
        guard let winner = content.winner, let summary = content.winnerSummary else {
            if content.entries.isEmpty { return text + "No training has finished yet.\n\n" }
            text += content.completion.isFinished
                ? "**Nothing passed:** no candidate reached \(target) mean validation accuracy.\n\n"
                : "**Nothing has passed yet:** no candidate so far reached \(target) mean validation accuracy.\n\n"
            text += "The closest candidates (highest mean validation accuracy):\n\n"
            var table = MarkdownTable(header: ["family", "widths", measure.unitName, "validation accuracy (mean ± s.d.)",
                                               "n", "seeds", "below target (percentage points)"],
                                      alignments: [.left, .left, .right, .right, .right, .left, .right])
            for candidate in content.closest {
                table.append([candidate.family, widths(candidate.widths), candidate.size(measure).groupedDecimal,
                              validation(candidate), "\(candidate.seeds.count)", StudyFormat.seeds(candidate.seeds),
                              StudyFormat.fixed((content.settings.target - candidate.validationMean) * 100, 2)])
            }
            return text + table.render() + "\n"
        }
        let role = content.completion.isFinished ? "The smallest model that passed" : "The smallest model that has passed so far"
        text += "\(role) is **\(winner.familyName) \(winner.widthsText)**: \(winner.parameterCount.groupedDecimal) params, "
            + "\(winner.multiplyAdds.groupedDecimal) multiply-adds per example, \(winner.totalBytes.groupedDecimal) bytes "
            + "(torchinfo's estimated total at batch 1) — \(StudyFormat.ratio(content.base.size(measure), winner.size(measure))) "
            + "smaller than the base by \(measure.rawValue) (\(content.base.size(measure).groupedDecimal) → "
            + "\(winner.size(measure).groupedDecimal)).\n\n"

        let trainings = content.entries.filter { $0.pare == winner.pareText }.sorted { $0.seedIndex < $1.seedIndex }
        var table = MarkdownTable(header: ["measurement", "mean ± s.d.", "n", "seeds", "per seed"],
                                  alignments: [.left, .right, .right, .left, .left])
        table.append(["**validation** accuracy (decides)", validation(summary), "\(summary.seeds.count)",
                      StudyFormat.seeds(summary.seeds), summary.validationAccuracies.map(StudyFormat.percent).joined(separator: ", ")])
        let tested = trainings.filter { $0.outcome.testAccuracy != nil }
        table.append(["**test** accuracy (confirms; measured once per seed, never used to decide)",
                      StudyFormat.percentMeanAndSpread(mean: summary.testMean, spread: summary.testSpread, count: tested.count),
                      "\(tested.count)", StudyFormat.seeds(tested.map(\.seed)),
                      tested.compactMap(\.outcome.testAccuracy).map(StudyFormat.percent).joined(separator: ", ")])
        table.append(["training seconds", StudyFormat.seconds(summary.secondsMean) + " (mean)", "\(summary.seeds.count)",
                      StudyFormat.seeds(summary.seeds), summary.seconds.map(StudyFormat.seconds).joined(separator: ", ")])
        text += table.render() + "\n"
        text += "Accuracies are means over seeds ± the sample standard deviation. The test accuracy was measured once at "
            + "the end of each seed's training and is reported only now, after the selection it played no part in.\n\n"

        text += "The model ([\(WinnerFile.name)](\(WinnerFile.name))):\n\n```\n\(winner.pareText)```\n\n"
        let summaryText = try KerasSummary(ModelAnalysis(winner.spec)).render()
        text += "Its Keras summary:\n\n```\n\(summaryText)```\n\n"
        if let weights = content.winnerWeights {
            text += "Trained weights: [\(weights)](\(weights)).\n\n"
        } else {
            text += "Trained weights: not in this folder (`pare search` saves them as `\(WinnerFile.weightsName)` when it "
                + "trains the winner; or retrain it with the command under *Reproduce*).\n\n"
        }
        return text
    }

    // MARK: front

    static func front(_ content: SearchReportContent) -> String {
        let measure = content.settings.measure
        var text = "## Size–accuracy front\n\n"
        text += "![Validation accuracy against \(measure.unitName) for every candidate](pareto.svg)\n\n"
        text += "The candidates no other candidate beats on both \(measure.unitName) (fewer) and mean validation accuracy "
            + "(higher), smallest first. A training stopped early counts with its last validation accuracy, a diverged or "
            + "failed one with 0:\n\n"
        var table = MarkdownTable(
            header: ["family", "widths", "params", "multiply-adds", "bytes", "validation (mean ± s.d.)", "n", "seeds",
                     "test (mean ± s.d.)", "seconds (mean)", "trainings"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .left, .right, .right, .left])
        for member in content.sizeFront {
            let isWinner = member.pare == content.winner?.pareText
            table.append([isWinner ? "**\(member.family)** (winner)" : member.family, widths(member.widths),
                          member.params.groupedDecimal, member.macs.groupedDecimal, member.bytes.groupedDecimal,
                          validation(member), "\(member.seeds.count)", StudyFormat.seeds(member.seeds),
                          StudyFormat.percentMeanAndSpread(mean: member.testMean, spread: member.testSpread,
                                                           count: member.testAccuracies.count),
                          StudyFormat.seconds(member.secondsMean), StudyFormat.statusCounts(member.statuses)])
        }
        text += content.sizeFront.isEmpty ? "(no trainings yet)\n\n" : table.render() + "\n"
        text += "Data: [candidates.csv](candidates.csv) (every training: one row per candidate and seed), "
            + "[pareto.csv](pareto.csv) (the size–accuracy and time–accuracy fronts). Their accuracies are fractions "
            + "(0–1); the files are RFC 4180 CSV with CRLF line ends.\n\n"
        return text
    }

    // MARK: log

    static func log(_ content: SearchReportContent) -> String {
        let measure = content.settings.measure
        var text = "## Search log\n\n"
        text += "Rebuilt by replaying the search planner over the journal: \(content.rounds.count) rounds, "
            + "\(content.entries.count) trainings. Each training: family widths (\(measure.unitName)) → validation accuracy "
            + "(seed, how it ended).\n\n"
        for (index, round) in content.rounds.enumerated() {
            let trainings = round.trainings.map { training -> String in
                let candidate = training.request.candidate
                let head = "\(candidate.familyName) \(candidate.widthsText) (\(candidate.size(measure).groupedDecimal))"
                guard let entry = training.entry else { return head + " → not trained (the search stopped first)" }
                let accuracy = entry.outcome.validationAccuracy.map(StudyFormat.percent) ?? "no accuracy"
                return head + " → \(accuracy) (seed \(entry.seed), \(StudyFormat.status(entry.outcome)))"
            }
            let after: String
            if round.trainings.contains(where: { $0.entry == nil }) {
                after = "round incomplete"
            } else if let best = index + 1 < content.rounds.count ? content.rounds[index + 1].bestBefore : content.winner {
                after = "best after: \(best.familyName) \(best.widthsText) (\(best.size(measure).groupedDecimal) \(measure.unitName))"
            } else {
                after = "best after: none yet"
            }
            text += "\(round.number). **\(round.phase.rawValue)** — " + trainings.joined(separator: "; ") + " — \(after)\n"
        }
        return text + (content.rounds.isEmpty ? "(no rounds)\n\n" : "\n")
    }

    // MARK: rules, settings, stop reason, reproduce

    static func rules(_ content: SearchReportContent) -> String {
        let settings = content.settings
        let seeds = (0..<settings.seeds).map { settings.configuration(seedIndex: $0).seed }
        var text = "## Rules\n\n"
        text += "- **Selection uses validation accuracy only.** \(StudyFormat.targetPercent(settings.training.validationFraction)) "
            + "of the training set is held out of training, stratified by class, as the validation split; a candidate passes "
            + "when its mean validation accuracy over its seeds is at least \(StudyFormat.targetPercent(settings.target)).\n"
        text += "- **Smallest by \(settings.measure.rawValue)**, among the moves \(settings.moves.map(\.rawValue).joined(separator: ", ")).\n"
        text += "- **Stop rule:** \(settings.stopRule.explanation).\n"
        text += "- **Seeds:** a candidate is trained with one seed first; one whose mean is within "
            + "\(StudyFormat.fixed(settings.margin * 100, 2)) percentage points of the target (the reseed margin) gets more "
            + "seeds, up to \(settings.seeds); the winner is confirmed with all \(settings.seeds) (seeds \(StudyFormat.seeds(seeds))).\n"
        text += "- **Test accuracy never informs a decision:** it is recorded for every training and shown only as a "
            + "confirmation of the winner.\n\n"
        return text
    }

    static func settings(_ content: SearchReportContent) -> String {
        var table = MarkdownTable(header: ["setting", "value"], alignments: [.left, .left])
        for (name, value) in content.settings.training.reportRows { table.append([name, value]) }
        return "## Training settings\n\n" + table.render() + "\n"
    }

    static func stopReason(_ content: SearchReportContent) -> String {
        var text = "## Stop reason\n\nThe search \(content.completion.reasonText)"
        text += content.completion.isFinished ? "; the result is final.\n\n" : "; **the result is provisional**.\n\n"
        return text
    }

    static func reproduce(_ content: SearchReportContent) -> String {
        var text = "## Reproduce\n\n"
        text += "Pare \(content.description.pareVersion) (the version that created the study). The whole study — run again, "
            + "it resumes from the journal in its folder and reads finished trainings back instead of redoing them:\n\n"
        text += "```sh\n" + ShellCommand.line(["pare"] + content.description.command) + "\n```\n\n"
        if let winner = content.winner {
            let seeds = content.winnerSummary?.seeds.count ?? 1
            text += "The winner alone (\(winner.familyName) \(winner.widthsText)), from inside this folder, one command per seed:\n\n```sh\n"
            for seedIndex in 0..<max(1, seeds) {
                text += ShellCommand.line(["pare", "train", WinnerFile.name]
                                          + content.settings.configuration(seedIndex: seedIndex).trainArguments) + "\n"
            }
            text += "```\n"
        }
        return text
    }

    // MARK: cells

    static func widths(_ widths: [Int]) -> String { widths.map(String.init).joined(separator: "·") }

    static func validation(_ summary: CandidateSummary) -> String {
        StudyFormat.percentMeanAndSpread(mean: summary.validationMean, spread: summary.validationSpread, count: summary.seeds.count)
    }
}
