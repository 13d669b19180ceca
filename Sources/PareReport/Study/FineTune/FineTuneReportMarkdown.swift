// report.md of a fine-tuning study: the question, the pre-training, the table per K, plots, settings, command.

import PareModel
import PareSearch

/// `report.md` of a fine-tuning study.
public enum FineTuneReportMarkdown {
    /// The report text.
    public static func render(_ content: FineTuneReportContent) -> String {
        let name = content.description.modelName
        let target = content.description.training?.dataset ?? "the target data set"
        var text = "# Fine-tuning: \(name)\n\n"
        text += "**Question:** how many top layers of the pre-trained base should be unfrozen when fine-tuning on "
            + "\(target)? For each K the base is frozen except its top K layers (Keras counts its input layer) and a new "
            + "head (global average pooling for an image output, then a softmax Dense) is trained. Efficiency is validation "
            + "accuracy divided by training seconds, as seed 001's tables define it.\n\n"
        if !content.isComplete {
            text += "> **PROVISIONAL:** not every planned training finished (\(content.entries.count) of "
                + "\((content.description.sweepKeys ?? []).count) in the journal). Run the command under *Reproduce* again.\n\n"
        }
        text += "## Pre-training\n\n"
        if let pretraining = content.pretraining {
            text += "The base with its own new head was trained once "
                + "(seed \(pretraining.seed), \(pretraining.outcome.epochs) epochs, \(StudyFormat.seconds(pretraining.outcome.seconds))): "
                + "validation \(pretraining.outcome.validationAccuracy.map(StudyFormat.percent) ?? "–"), "
                + "test \(pretraining.outcome.testAccuracy.map(StudyFormat.percent) ?? "–") on its own data. "
                + "Its weights are in `pretrained.safetensors`.\n\n"
        } else {
            text += "The base started from the weights given on the command line (no pre-training in this study).\n\n"
        }
        text += "## Accuracy, time and efficiency per K\n\n"
        text += "![Accuracy against K](accuracy-vs-k.svg)\n\n![Efficiency against K](efficiency-vs-k.svg)\n\n"
        var table = MarkdownTable(
            header: ["K", "trainable params", "validation (mean ± s.d.)", "test (mean ± s.d.)", "seconds (mean)", "efficiency (acc/s)", "seeds"],
            alignments: [.right, .right, .right, .right, .right, .right, .left])
        let best = content.rows.max { $0.efficiencyMean < $1.efficiencyMean }?.k
        let mostAccurate = content.rows.max { $0.summary.validationMean < $1.summary.validationMean }?.k
        for row in content.rows {
            let summary = row.summary
            let marks = [row.k == mostAccurate ? "most accurate" : nil, row.k == best ? "most efficient" : nil].compactMap { $0 }
            table.append(["\(row.k)" + (marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))"),
                          row.trainableParameters.groupedDecimal,
                          StudyFormat.percentMeanAndSpread(mean: summary.validationMean, spread: summary.validationSpread,
                                                           count: summary.seeds.count),
                          StudyFormat.percentMeanAndSpread(mean: summary.testMean, spread: summary.testSpread,
                                                           count: summary.testAccuracies.count),
                          StudyFormat.seconds(summary.secondsMean), StudyFormat.fixed(row.efficiencyMean, 4),
                          StudyFormat.seeds(summary.seeds)])
        }
        text += table.render() + "\n"
        text += "K and its head are chosen by validation accuracy (held out of the target's training set); the test "
            + "accuracy of each training was measured once at its end and plays no part in any choice. Training seconds "
            + "count the training loops only (evaluation excluded). Every training is in [finetune.csv](finetune.csv).\n\n"
        if let training = content.description.training {
            text += "## Settings\n\n"
            var settings = MarkdownTable(header: ["setting", "value"], alignments: [.left, .left])
            for (setting, value) in training.reportRows { settings.append([setting, value]) }
            text += settings.render() + "\n"
        }
        text += "## Reproduce\n\nPare \(content.description.pareVersion) (the version that created the study). Run again, "
            + "the study resumes from the journal in its folder:\n\n```sh\n"
            + ShellCommand.line(["pare"] + content.description.command) + "\n```\n"
        return text
    }
}
