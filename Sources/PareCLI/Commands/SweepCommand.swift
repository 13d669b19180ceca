// `pare sweep`: train a full grid (widths × learning rates × batch sizes × activations × optimizers).

import Foundation
import PareEngine
import PareModel
import PareReport
import PareSearch
import PareTraining

/// Trains every point of a grid with K seeds and writes the sweep's CSV, plots and report.
enum SweepCommand: Command {
    static let name = "sweep"
    static let abstract = "Train a grid: model variables × learning rates × batch sizes × activations × optimizers."
    static let usage = "pare sweep FILE --set n=512,256,… [--lr 0.01,1e-4] [--batch-size 32,64] [--activation relu,sigmoid] [options]"
    static let discussion = """
    Lists are comma-separated; every combination is trained with --seeds seeds (default 1) for the same epochs,
    and reported with its validation accuracy (held out of the training set), test accuracy, parameters and
    training time: sweep.csv, accuracy-vs-params.svg, accuracy-vs-time.svg and report.md in --out (default
    reports/<model>-<dataset>-sweep). Finished trainings are journalled: re-running resumes. --activation
    replaces the hidden activations (the output layer keeps its own). Many processes sharing --out split the grid:
    --worker processes claim trainings as they go (and all write the reports at the end); --shard I/N processes
    each train a fixed share (the shard that completes the grid writes the reports; or run 'pare report DIR').
    --shard auto reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and
    PARE_SHARD_COUNT (--shard auto/N gives the count).
    """
    static let listOptions: Set<String> = ["lr", "batch-size", "optimizer"]
    static let options: [OptionSpec] = [ModelLoader.setOption,
        .value("activation", "LIST", "Hidden activations to sweep: relu, sigmoid, tanh, linear."),
        .value("seeds", "K", "Seeds per point (default 1)."),
        .value("jobs", "N", "Trainings in parallel (default: cores). Results do not depend on it."),
        .value("budget", "TIME", "Stop starting trainings after this long (e.g. 30m)."),
        .value("max-trainings", "N", "Stop after N trainings."),
        .value("out", "DIR", "Study folder (default reports/<model>-<dataset>-sweep)."),
    ] + WorkerOptions.worker + [WorkerOptions.shard] + TrainingOptions.data + TrainingOptions.optimization.map { option in
        guard listOptions.contains(option.name) else { return option }
        return .value(option.name, option.valueName.map { $0 + ",…" } ?? "LIST", option.help + " A list sweeps it.")
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else {
            throw CLIError.usage("sweep needs a model FILE (.pare, or Keras .json/.keras; e.g. models/qiita_mlp.pare)")
        }
        let assignments = try VariableAssignments(arguments.values("set"))
        var models: [(values: [(String, Int)], spec: ModelSpec)] = []
        for point in assignments.grid {
            let spec = try ModelLoader.parse(path, overrides: point).analyze().spec
            models.append((assignments.entries.map { ($0.name, point[$0.name]!) }, spec))
        }
        let training = try TrainingOptions.configuration(arguments, defaults: TrainingConfiguration(), swept: listOptions)
        let grid = SweepGrid(
            models: models,
            learningRates: try list("lr", arguments) { Float($0).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } },
            batchSizes: try list("batch-size", arguments) { Int($0).flatMap { $0 >= 1 ? $0 : nil } },
            activations: try list("activation", arguments) { Activation(rawValue: $0).flatMap { $0 == .softmax ? nil : $0 } },
            optimizers: try list("optimizer", arguments) { OptimizerRule.named($0) })
        let points = grid.points(base: training)
        guard !points.isEmpty else { throw CLIError.usage("the sweep has no valid points") }
        let seeds = try arguments.integer("seeds", default: 1, in: 1...100)
        let jobs = try arguments.integer("jobs", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64)
        let budget = SearchBudget(seconds: try arguments.value("budget").map { try SearchCommand.parseDuration($0) },
                                  maxTrainings: try arguments.integer("max-trainings", in: 1...1_000_000))
        let modelName = models[0].spec.displayName
        let folder = URL(fileURLWithPath: arguments.value("out")
                         ?? "reports/\(modelName)-\(StudyNames.datasetName(training.dataset))-sweep")
        let claimTimeout = try WorkerOptions.claimTimeout(arguments)
        let shard = try WorkerOptions.shard(arguments, environment: ProcessInfo.processInfo.environment)

        SpeedProbe.warnIfSlow(console)
        _ = try TrainingData.prepare(training)  // a missing data set fails now, not in every training
        let trainings = SweepRunner.trainings(points: points, seeds: seeds)
        let description = StudyDescription(kind: .sweep, base: points[0].candidate.pareText, modelName: modelName,
                                           sweepKeys: trainings.map(\.key), sweepSeeds: seeds, training: training,
                                           command: WorkerOptions.recordedCommand(Array(CommandLine.arguments.dropFirst())),
                                           pareVersion: Pare.version)
        let shared = claimTimeout != nil || shard != nil
        let journal = try description.open(in: folder, writing: shared ? .resultFiles : .journalFile)
        if let note = journal.recoveryNote { console.printError("note: \(note)") }
        console.print("sweep: \(points.count) point\(points.count == 1 ? "" : "s") × \(seeds) seed\(seeds == 1 ? "" : "s") = "
                      + "\(trainings.count) trainings of \(modelName) on \(StudyNames.datasetName(training.dataset)), "
                      + "\(training.epochs) epochs each; \(jobs) jobs")
        console.print("study folder: \(folder.path)" + (journal.entries.isEmpty ? "" : " (resuming: \(journal.entries.count) trainings recorded)"))
        let mine = shard.map { $0.shard.select(trainings) } ?? trainings
        if let shard {
            console.print("shard \(shard.shard) (from \(shard.source)): \(mine.count) of the \(trainings.count) trainings, results in results/")
        }

        let interrupt = InterruptHandler(console: console, message: "stopping: finishing the reports for what is done")
        let display = SearchProgress(console: console, measure: .params)
        let worker = claimTimeout.map { WorkerSettings(claimTimeout: $0, observer: WorkerProgress.observer(console: console, display: display)) }
        if let worker { console.print(WorkerProgress.startLine(worker)) }
        let (entries, stopReason) = try SweepRunner(trainings: mine, evaluator: TrainingEvaluator(weightsDirectory: nil),
                                                    journal: journal, jobs: jobs, budget: budget,
                                                    cancellation: interrupt.cancellation, observer: display.observe, worker: worker).run()
        display.finish()
        console.print("")
        if let shard {
            try finishShard(shard.shard, stopReason: stopReason, shareDone: entries.count, of: mine.count, trainings: trainings,
                            journal: journal, folder: folder, console: console)
            return
        }
        try StudyOutput.writeReports(folder: folder, stopReason: stopReason, console: console)
        console.print("\(entries.count) of \(trainings.count) trainings done; reports: \(folder.path)/report.md, sweep.csv, "
                      + "accuracy-vs-params.svg, accuracy-vs-time.svg")
        if stopReason == .interrupted {
            throw CLIError.failure("interrupted; re-run the same command to resume")
        }
    }

    /// After a shard's share: the reports if the folder now holds the whole grid (this shard completed it),
    /// otherwise a note on how far the grid is. Reports of a partial grid are left to `pare report DIR`, so a
    /// shard never overwrites complete reports with older, partial ones.
    static func finishShard(_ shard: Shard, stopReason: SearchStopReason, shareDone: Int, of share: Int,
                            trainings: [TrainingRequest], journal: Journal, folder: URL, console: Console) throws {
        try journal.refresh()
        let done = trainings.filter { journal.entry(forKey: $0.key) != nil }.count
        console.print("shard \(shard): \(shareDone) of its \(share) trainings done; the folder holds \(done) of the grid's \(trainings.count)")
        if done == trainings.count {
            try StudyOutput.writeReports(folder: folder, stopReason: .finished, console: console)
            console.print("the grid is complete; reports: \(folder.path)/report.md, sweep.csv, accuracy-vs-params.svg, accuracy-vs-time.svg")
        } else {
            console.print("reports are written by the shard that completes the grid, or run 'pare report \(folder.path)' once every shard has finished")
        }
        if stopReason == .interrupted {
            throw CLIError.failure("interrupted; re-run the same command to resume this shard")
        }
    }

    /// A comma-separated list option parsed item by item (empty when absent).
    static func list<Value>(_ name: String, _ arguments: ParsedArguments,
                            _ parse: (String) -> Value?) throws(CLIError) -> [Value] {
        guard let text = arguments.value(name) else { return [] }
        var values: [Value] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard let value = parse(item.trimmingCharacters(in: .whitespaces)) else {
                throw .usage("--\(name): '\(echoInMessage(item))' is not a valid value")
            }
            values.append(value)
        }
        return values
    }
}
