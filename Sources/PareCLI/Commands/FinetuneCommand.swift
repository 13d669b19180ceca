// `pare finetune`: how many top layers to unfreeze when fine-tuning a pre-trained base (seed 001's study).

import Foundation
import PareEngine
import PareModel
import PareReport
import PareSearch
import PareTraining

/// Pre-trains a base on one data set (or loads its weights), fine-tunes its top K layers plus a new head on
/// another for each K, and reports accuracy, training time and efficiency (accuracy / second) per K.
enum FinetuneCommand: Command {
    static let name = "finetune"
    static let abstract = "Fine-tune the top K layers of a pre-trained base for several K: accuracy, time, efficiency."
    static let usage = "pare finetune BASE --pretrain DATASET --target DATASET --unfreeze-top 0,1,2,3,5,8 [options]"
    static let discussion = """
    The base's classifier top (its last Dense layer) is dropped; the rest is pre-trained with a new head on
    --pretrain (or loaded from --weights), then for each K its top K layers (Keras counts the input layer) are
    unfrozen and trained with a fresh head on --target; frozen BatchNorm layers use their moving statistics.
    Efficiency = validation accuracy / training seconds. Data sets may name class subsets: --pretrain mnist:0-4
    --target mnist:5-9 needs no extra data. Outputs finetune.csv, accuracy-vs-k.svg, efficiency-vs-k.svg and
    report.md in --out (default reports/<model>-<pretrain>-to-<target>); finished trainings are journalled and a
    re-run resumes. With --worker, several processes sharing --out split the trainings (see README).
    """
    static let options: [OptionSpec] = [ModelLoader.setOption,
        .value("pretrain", "DATASET", "Data set to pre-train on (e.g. mnist or mnist:0-4)."),
        .value("target", "DATASET", "Data set to fine-tune on (e.g. fashion-mnist or mnist:5-9)."),
        .value("unfreeze-top", "LIST", "The K values, e.g. 0,1,2,3,5,8."),
        .value("weights", "FILE", "Start from these weights (Keras layout) instead of pre-training."),
        .value("pretrain-epochs", "N", "Epochs of pre-training (default: --epochs)."),
        .value("seeds", "K", "Fine-tuning seeds per K (default 1)."),
        .value("jobs", "N", "Trainings in parallel (default: cores)."),
        .value("out", "DIR", "Study folder."),
    ] + WorkerOptions.worker + TrainingOptions.data.filter { $0.name != "dataset" } + TrainingOptions.optimization

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("finetune needs a BASE model file") }
        guard let targetName = arguments.value("target") else { throw CLIError.usage("finetune needs --target DATASET") }
        guard arguments.has("pretrain") != arguments.has("weights") else {
            throw CLIError.usage("finetune needs either --pretrain DATASET or --weights FILE")
        }
        guard let kText = arguments.value("unfreeze-top") else { throw CLIError.usage("finetune needs --unfreeze-top K,…") }
        let unfreezeValues = try SweepCommand.list("unfreeze-top", arguments) { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
        guard !unfreezeValues.isEmpty else { throw CLIError.usage("--unfreeze-top expects K values like 0,1,2, got '\(kText)'") }
        let base = try ModelLoader.load(path, arguments, command: name).0.spec

        let common = try TrainingOptions.configuration(arguments, defaults: TrainingConfiguration())
        var fineTuning = common
        fineTuning.dataset = targetName
        var pretraining = common
        pretraining.dataset = arguments.value("pretrain") ?? targetName
        pretraining.epochs = try arguments.integer("pretrain-epochs", default: common.epochs, in: 1...100_000)
        let seeds = try arguments.integer("seeds", default: 1, in: 1...100)
        let jobs = try arguments.integer("jobs", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64)
        let claimTimeout = try WorkerOptions.claimTimeout(arguments)
        let plan = FineTunePlan(base: base, pretraining: pretraining, fineTuning: fineTuning,
                                unfreezeValues: unfreezeValues, seeds: seeds)
        let folder = URL(fileURLWithPath: arguments.value("out") ?? "reports/\(base.displayName)-"
                         + "\(StudyNames.datasetName(arguments.value("pretrain") ?? "weights"))-to-\(StudyNames.datasetName(targetName))")

        SpeedProbe.warnIfSlow(console)
        let targetClasses = try TrainingData.prepare(fineTuning).dataset.classCount
        let pretrainRequest: TrainingRequest?
        let weightsPath: String, digest: String
        if let given = arguments.value("weights") {
            pretrainRequest = nil
            let weights = URL(fileURLWithPath: given).standardizedFileURL
            guard FileManager.default.fileExists(atPath: weights.path) else { throw CLIError.failure("\(given): error: no such file") }
            weightsPath = weights.path
            digest = try FineTunePlan.digest(of: weights)
        } else {
            guard let request = plan.pretrainingRequest(classes: try TrainingData.prepare(pretraining).dataset.classCount) else {
                throw CLIError.failure("the base with a pre-training head is not a valid model")
            }
            pretrainRequest = request
            weightsPath = "pretrained.safetensors"  // relative: resolved against the study folder
            digest = request.key  // pre-training is deterministic, so its key identifies the weights it makes
        }
        let fineTunings = plan.fineTuningRequests(classes: targetClasses, weightsPath: weightsPath, digest: digest)
        let description = StudyDescription(kind: .finetune, base: base.pareText, modelName: base.displayName,
                                           sweepKeys: (pretrainRequest.map { [$0.key] } ?? []) + fineTunings.map(\.key),
                                           sweepSeeds: seeds, training: fineTuning,
                                           command: WorkerOptions.recordedCommand(Array(CommandLine.arguments.dropFirst())),
                                           pareVersion: Pare.version)
        let journal = try description.open(in: folder, writing: claimTimeout == nil ? .journalFile : .resultFiles)
        console.print("fine-tuning \(base.displayName) (extractor: \(plan.extractor.layers.count) layers) "
                      + (pretrainRequest == nil ? "from \(weightsPath)" : "pre-trained on \(pretraining.dataset) for \(pretraining.epochs) epochs")
                      + ", then on \(targetName) for \(fineTuning.epochs) epochs with K = \(unfreezeValues.map(String.init).joined(separator: ", "))"
                      + " (\(seeds) seed\(seeds == 1 ? "" : "s") each)")
        console.print("study folder: \(folder.path)" + (journal.entries.isEmpty ? "" : " (resuming: \(journal.entries.count) trainings recorded)"))

        let interrupt = InterruptHandler(console: console, message: "stopping: finishing the reports for what is done")
        let display = SearchProgress(console: console, measure: .params)
        let evaluator = TrainingEvaluator(weightsDirectory: folder.appendingPathComponent("weights"), saveAllWeights: true)
        let worker = claimTimeout.map { WorkerSettings(claimTimeout: $0, observer: WorkerProgress.observer(console: console, display: display)) }
        if let worker { console.print(WorkerProgress.startLine(worker)) }
        var stopReason = SearchStopReason.finished
        if let pretrainRequest {
            stopReason = try SweepRunner(trainings: [pretrainRequest], evaluator: evaluator, journal: journal, jobs: jobs,
                                         cancellation: interrupt.cancellation, observer: display.observe, worker: worker).run().stopReason
            let saved = TrainingEvaluator.weightsFile(in: folder.appendingPathComponent("weights"), key: pretrainRequest.key)
            if stopReason == .finished {
                guard let entry = journal.entry(forKey: pretrainRequest.key), entry.outcome.status == .completed,
                      FileManager.default.fileExists(atPath: saved.path) else {
                    throw CLIError.failure("pre-training did not complete: \(journal.entry(forKey: pretrainRequest.key)?.outcome.message ?? "no weights")")
                }
                try AtomicFile.write(try Data(contentsOf: saved), to: folder.appendingPathComponent("pretrained.safetensors"))
            }
        }
        if stopReason == .finished {
            stopReason = try SweepRunner(trainings: fineTunings, evaluator: evaluator, journal: journal, jobs: jobs,
                                         cancellation: interrupt.cancellation, observer: display.observe, worker: worker).run().stopReason
        }
        display.finish()
        try StudyOutput.writeReports(folder: folder, stopReason: stopReason, console: console)
        console.print("\nreports: \(folder.path)/report.md, finetune.csv, accuracy-vs-k.svg, efficiency-vs-k.svg")
        if stopReason == .interrupted { throw CLIError.failure("interrupted; re-run the same command to resume") }
    }
}
