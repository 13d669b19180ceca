// `pare search`: the smallest model that still reaches the accuracy target, found by training candidates.

import Foundation
import PareEngine
import PareModel
import PareReport
import PareSearch
import PareTraining

/// Searches for the smallest candidate (by parameters, MACs or bytes) whose validation accuracy reaches the
/// target, confirms it on the test set, and writes the study's reports.
enum SearchCommand: Command {
    static let name = "search"
    static let abstract = "Find the smallest model that still reaches an accuracy target (the main job)."
    static let usage = "pare search [FILE] [--set …] [--target 0.97] [--dataset mnist] [--minimize params|macs|bytes] [options]"
    static let discussion = """
    FILE is a .pare description or a Keras model (.json or .keras). Without FILE, searches from the Keras MNIST
    tutorial CNN (Conv32·Conv64·Pool·Dense128·Dense10, 1,199,882 parameters) on the embedded MNIST for 97%
    accuracy. Candidates come from the moves (--moves): narrower layers, max pooling on the input, an extra
    conv–conv–pool stage, dropping a hidden Dense, global average pooling, depthwise-separable convolutions.
    Each is analysed before training; one that cannot beat the best so far is never trained. Decisions use a
    validation split held out of the training set; the winner is confirmed on the test set. Results are journalled
    in the --out folder as they finish: re-running the same command resumes; Ctrl-C stops cleanly and still writes
    the reports. Defaults: adam lr 0.01 with cosine decay, batch 64, 12 epochs, 3 seeds near the target,
    jobs = cores. With --worker, any number of processes on machines that share --out work on the study together
    and all write the same reports when it is done.
    """
    static let options: [OptionSpec] = [ModelLoader.setOption,
        .value("target", "ACCURACY", "Validation accuracy to reach, 0–1 or a percentage (default 0.97)."),
        .value("minimize", "MEASURE", "params (default), macs or bytes (torchinfo's estimated total size)."),
        .value("moves", "LIST", "Comma-separated: width, input-pool, conv-stage, drop-dense, gap, separable (default: all)."),
        .value("seeds", "K", "Seeds for candidates near the target and for the winner (default 3)."),
        .value("margin", "M", "Candidates within M of the target get more seeds (default 0.005)."),
        .value("budget", "TIME", "Stop starting trainings after this long (e.g. 10m, 1h, 90s)."),
        .value("max-trainings", "N", "Stop after N trainings."),
        .value("jobs", "N", "Trainings in parallel (default: cores). Results do not depend on it."),
        .value("out", "DIR", "Study folder (default reports/<model>-<dataset>-<target>)."),
        .flag("no-early-stop", "Train every candidate for all epochs (no multi-fidelity stop)."),
    ] + WorkerOptions.worker + TrainingOptions.data + TrainingOptions.optimization

    /// The Keras MNIST tutorial CNN, the default base.
    static let defaultBase = """
    model "keras_mnist_cnn"
    input 28x28x1
    conv2d 32 3 relu
    conv2d 64 3 relu
    maxpool2d 2
    flatten
    dense 128 relu
    dense 10 softmax
    """

    /// The training recipe of candidates unless overridden. Chosen on the 932-parameter qiita_cnn2 (seed 0,
    /// validation / test after 12 epochs): Adam lr 0.01 batch 64 cosine 98.00% / 98.11%; Adam 0.01 batch 128
    /// 97.30% / 97.51%; Keras 2's Adadelta lr 1.0 batch 64 97.27% / 97.65%, batch 128 96.87% / 97.30%.
    static let defaultTraining = TrainingConfiguration(epochs: 12, batchSize: 64, optimizer: .adam(), learningRate: 0.01,
                                                       schedule: .cosine)

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        let base: ModelSpec
        if let path = arguments.positionals.first {
            base = try ModelLoader.load(path, arguments, command: name).0.spec
        } else {
            if arguments.has("set") { throw CLIError.usage("--set needs a model FILE") }
            base = try ParsedModel.parse(defaultBase, path: "<built-in>").spec
        }
        guard !base.isGraph else {
            throw CLIError.usage("search explores sequential models; this model is a graph (it has layers with explicit inputs)")
        }
        let target = try parseTarget(arguments.value("target") ?? "0.97")
        let measure = Measure(rawValue: try arguments.choice("minimize", from: Measure.allCases.map(\.rawValue), default: "params")) ?? .params
        let moves = try parseMoves(arguments.value("moves"))
        let training = try TrainingOptions.configuration(arguments, defaults: defaultTraining)
        guard training.validationFraction > 0 else {
            throw CLIError.usage("a search decides on a validation split; --validation-split must be above 0")
        }
        let stopRule = arguments.flag("no-early-stop") ? StopRule.never(target: target)
            : StopRule(target: target, slack: StopRule.calibratedSlack)
        let settings = SearchSettings(target: target, measure: measure, moves: moves,
                                      seeds: try arguments.integer("seeds", default: 3, in: 1...20),
                                      margin: try arguments.number("margin", default: 0.005, in: 0...0.5),
                                      training: training, stopRule: stopRule)
        let jobs = try arguments.integer("jobs", default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64)
        let budget = SearchBudget(seconds: try arguments.value("budget").map { try parseDuration($0) },
                                  maxTrainings: try arguments.integer("max-trainings", in: 1...1_000_000))
        let folder = URL(fileURLWithPath: arguments.value("out")
                         ?? "reports/\(base.displayName)-\(StudyNames.datasetName(training.dataset))-\(StudyNames.targetText(target))")
        let claimTimeout = try WorkerOptions.claimTimeout(arguments)

        SpeedProbe.warnIfSlow(console)
        _ = try TrainingData.prepare(training)  // a missing data set fails now, not in every training
        let description = StudyDescription(kind: .search, base: base.pareText, modelName: base.displayName, search: settings,
                                           command: WorkerOptions.recordedCommand(Array(CommandLine.arguments.dropFirst())),
                                           pareVersion: Pare.version)
        let journal = try description.open(in: folder, writing: claimTimeout == nil ? .journalFile : .resultFiles)
        if let note = journal.recoveryNote { console.printError("note: \(note)") }

        let planner = SearchPlanner(base: base, settings: settings)
        let baseSize = Candidate(spec: base, moves: []).map { $0.size(measure) } ?? 0
        console.print("search: smallest \(base.displayName)-derived model by \(measure.rawValue) with ≥ \(StudyNames.percent(target)) "
                      + "validation accuracy on \(StudyNames.datasetName(training.dataset))")
        console.print("base: \(baseSize.groupedDecimal) \(measure.rawValue); \(planner.families.count) families "
                      + "(\(planner.families.map(\.name).joined(separator: ", ")))")
        console.print("training: \(training.optimizer.name) lr \(training.learningRate), batch \(training.batchSize), "
                      + "\(training.epochs) epochs, validation \(StudyNames.percent(training.validationFraction, digits: 0)); "
                      + "\(settings.seeds) seeds near the target (±\(StudyNames.percent(settings.margin, digits: 1))); \(jobs) jobs")
        console.print("study folder: \(folder.path)" + (journal.entries.isEmpty ? "" : " (resuming: \(journal.entries.count) trainings recorded)"))

        let interrupt = InterruptHandler(console: console, message: "stopping: finishing the reports for what is done")
        let display = SearchProgress(console: console, measure: measure)
        let worker = claimTimeout.map { WorkerSettings(claimTimeout: $0, observer: WorkerProgress.observer(console: console, display: display)) }
        if let worker { console.print(WorkerProgress.startLine(worker)) }
        let runner = SearchRunner(planner: planner, evaluator: TrainingEvaluator(weightsDirectory: folder.appendingPathComponent("weights")),
                                  journal: journal, jobs: jobs, budget: budget, cancellation: interrupt.cancellation,
                                  observer: display.observe, worker: worker)
        let outcome = try runner.run()
        display.finish()
        try StudyOutput.writeReports(folder: folder, stopReason: outcome.stopReason, console: console)
        display.summarize(outcome, settings: settings, folder: folder)
        if outcome.stopReason == .interrupted {
            throw CLIError.failure("interrupted; reports cover the \(outcome.entries.count) trainings done; re-run the same command to resume")
        }
    }

    /// `0.97`, `97` or `97%` → 0.97.
    static func parseTarget(_ text: String) throws(CLIError) -> Double {
        let cleaned = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard var value = Double(cleaned), value.isFinite, value > 0 else {
            throw .usage("--target expects an accuracy like 0.97 or 97%, got '\(echoInMessage(text))'")
        }
        if text.hasSuffix("%") || value > 1 { value /= 100 }
        guard value < 1 else { throw .usage("--target must be below 100%, got '\(echoInMessage(text))'") }
        return value
    }

    /// `width,input-pool,…` → moves.
    static func parseMoves(_ text: String?) throws(CLIError) -> [SearchMove] {
        guard let text else { return SearchMove.allCases }
        var moves: [SearchMove] = []
        for word in text.split(separator: ",").map(String.init) {
            guard let move = SearchMove(rawValue: word) else {
                let hint = Suggestion.hint(Suggestion.nearest(to: word, in: SearchMove.allCases.map(\.rawValue)))
                throw .usage("unknown move '\(echoInMessage(word))'\(hint) (moves: \(SearchMove.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !moves.contains(move) { moves.append(move) }
        }
        guard !moves.isEmpty else { throw .usage("--moves needs at least one move") }
        return moves
    }

    /// `90s`, `10m`, `1h`, `1h30m` or plain seconds, for option `--option`.
    static func parseDuration(_ text: String, option: String = "budget") throws(CLIError) -> Double {
        if let seconds = Double(text), seconds > 0 { return seconds }
        var total = 0.0, number = ""
        for character in text {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number), let unit = ["s": 1.0, "m": 60, "h": 3600][String(character)] else {
                throw .usage("--\(option) expects a duration like 90s, 10m or 1h30m, got '\(echoInMessage(text))'")
            }
            total += value * unit
            number = ""
        }
        guard number.isEmpty, total > 0 else {
            throw .usage("--\(option) expects a duration like 90s, 10m or 1h30m, got '\(echoInMessage(text))'")
        }
        return total
    }
}
