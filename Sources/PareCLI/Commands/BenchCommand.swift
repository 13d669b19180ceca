// `pare bench`: how fast Pare trains on this machine — the seed models on real MNIST at 1 and 2 threads, achieved
// GFLOP/s against a measured FMA peak, and GEMM rates per shape. A benchmark, not a test.

import Foundation
import PareEngine
import PareModel
import PareTraining

/// Times training of the benchmark models and GEMM shapes and prints them as tables (or JSON).
enum BenchCommand: Command {
    static let name = "bench"
    static let abstract = "Measure training speed (images/s, GFLOP/s, share of the FMA peak) and GEMM rates on this machine."
    static let usage = "pare bench [--models cnn2,qmlp,mlp,seed000,cnn1] [--threads 1,2] [--batches 50] [--gemm all|none|NAMES] [--json]"
    static let discussion = """
    Trains each model on the embedded MNIST for --repetitions timed runs of --batches batches (after a few warm-up
    steps) and prints images per second (best and median run), the achieved GFLOP/s (6 FLOPs per forward
    multiply-add) and its share of the FMA peak measured at the start for the same thread count. Then times GEMM
    on the batch-128 training shapes (--gemm picks them: all, none, or words such as fc1,conv2).
    The machine may be shared: each row shows the load average and the CPU/wall ratio; rows taken above load
    \(BenchReport.quietLoad) are provisional. Build with 'swift build -c release' first.

    MODELS:
    \(BenchModel.all.map { "  \($0.key.padding(toLength: 9))\($0.name), batch \($0.batchSize), \($0.optimizer.name)" }.joined(separator: "\n"))
    """
    static let options: [OptionSpec] = [
        .value("models", "LIST", "Models to train, comma-separated (default: all): \(BenchModel.keys.joined(separator: ", "))."),
        .value("threads", "LIST", "Thread counts, comma-separated (default: 1,2)."),
        .value("batches", "N", "Training steps per timed run (default: 50)."),
        .value("repetitions", "N", "Timed runs per model and thread count (default: 3)."),
        .value("gemm", "CASES", "GEMM shapes: all (default), none, or name parts such as fc1,conv2."),
        .flag("json", "Print one JSON document instead of tables."),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 0)
        let models = try selectedModels(arguments.value("models"))
        let threads = try threadCounts(arguments.value("threads"))
        let batches = try arguments.integer("batches", default: 50, in: 1...1_000_000)
        let repetitions = try arguments.integer("repetitions", default: 3, in: 1...100)
        let gemmCases = try selectedGEMMCases(arguments.value("gemm"))
        SpeedProbe.warnIfSlow(console)

        let peaks = threads.map { FMAPeak.measure(threads: $0) }
        var timings: [ModelTiming] = []
        if !models.isEmpty {
            let data = try TrainingData.prepare(TrainingConfiguration(dataset: "mnist", validationFraction: 0))
            let benchmark = ModelBenchmark(data: data, batches: batches, repetitions: repetitions)
            for model in models {
                for threadCount in threads {
                    let timing = try benchmark.run(model, threads: threadCount)
                    guard timing.lastLoss.isFinite else {
                        throw CLIError.failure("bench: \(model.name) diverged (loss \(timing.lastLoss)) at \(threadCount) threads")
                    }
                    timings.append(timing)
                }
            }
        }
        let gemm = gemmCases.isEmpty ? [] : GEMMBenchmark.run(gemmCases, threads: threads, repetitions: 5).map(GEMMTiming.init)
        let report = BenchReport(pareVersion: Pare.version, cores: ProcessInfo.processInfo.activeProcessorCount,
                                 peaks: peaks, models: timings, gemm: gemm)
        console.print(arguments.flag("json") ? report.json : report.text)
    }

    /// The models named in `list` (every model when nil), in the order given.
    static func selectedModels(_ list: String?) throws(CLIError) -> [BenchModel] {
        guard let list else { return BenchModel.all }
        var models: [BenchModel] = []
        for key in list.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard let model = BenchModel.all.first(where: { $0.key == key }) else {
                let hint = Suggestion.hint(Suggestion.nearest(to: key, in: BenchModel.keys))
                throw .usage("option '--models' expects model names among \(BenchModel.keys.joined(separator: ", ")), "
                             + "got '\(echoInMessage(key))'\(hint)")
            }
            models.append(model)
        }
        return models
    }

    /// The thread counts in `list` (1 and 2 when nil).
    static func threadCounts(_ list: String?) throws(CLIError) -> [Int] {
        guard let list else { return [1, 2] }
        var counts: [Int] = []
        for word in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let count = Int(word), (1...256).contains(count) else {
                throw .usage("option '--threads' expects thread counts in 1...256 separated by commas, got '\(echoInMessage(list))'")
            }
            counts.append(count)
        }
        return counts
    }

    /// The GEMM benchmark cases `value` selects: all row-major and lane-blocked cases, none, or those whose name
    /// contains one of the comma-separated words.
    static func selectedGEMMCases(_ value: String?) throws(CLIError) -> [GEMMBenchmark.Case] {
        let every = GEMMBenchmark.rowMajorCases + GEMMBenchmark.laneBlockedCases
        switch value {
        case nil, "all": return every
        case "none": return []
        case let words?:
            let parts = words.split(separator: ",").map(String.init)
            let chosen = every.filter { benchmarkCase in parts.contains { benchmarkCase.name.contains($0) } }
            guard !chosen.isEmpty else {
                throw .usage("option '--gemm' expects all, none or parts of case names such as fc1 or conv2, got '\(echoInMessage(words))'")
            }
            return chosen
        }
    }
}
