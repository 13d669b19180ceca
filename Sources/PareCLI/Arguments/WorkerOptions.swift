// `--worker`, `--claim-timeout` and `--shard`: how one `pare` process shares a study folder with others.

import Foundation
import PareModel
import PareSearch

/// The options that make a `pare search` or `pare sweep` one of many processes working on one `--out` folder.
enum WorkerOptions {
    /// `--worker` and `--claim-timeout` (searches and sweeps).
    static let worker: [OptionSpec] = [
        .flag("worker", "Work on --out together with other --worker processes (on any machines that share it)."),
        .value("claim-timeout", "TIME", "With --worker: take over a claim without heartbeat for this long (default 3m)."),
    ]

    /// `--shard` (sweeps).
    static let shard = OptionSpec.value("shard", "I/N", "Train every Nth training from the I-th (0-based); auto: from Slurm or Kubernetes.")

    /// The claim timeout when `--worker` is given (`nil` when it is not).
    static func claimTimeout(_ arguments: ParsedArguments) throws(CLIError) -> Double? {
        guard arguments.flag("worker") else {
            if arguments.has("claim-timeout") { throw .usage("--claim-timeout applies to --worker") }
            return nil
        }
        return try arguments.value("claim-timeout").map { text throws(CLIError) in
            try SearchCommand.parseDuration(text, option: "claim-timeout")
        } ?? WorkerSettings.defaultClaimTimeout
    }

    /// The shard asked for with `--shard`, and where its index came from (for the start-up line); `nil` without it.
    ///
    /// `--shard auto` (or `auto/N`) reads a Slurm job array's `SLURM_ARRAY_TASK_ID` (less `SLURM_ARRAY_TASK_MIN`)
    /// and `SLURM_ARRAY_TASK_COUNT`, or a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` with the count from `N`
    /// or `PARE_SHARD_COUNT` (a Job does not tell its pods how many completions it has). Sharding is asked for
    /// explicitly, so a plain `pare sweep` inside some unrelated array job still trains the whole grid.
    static func shard(_ arguments: ParsedArguments, environment: [String: String]) throws(CLIError) -> (shard: Shard, source: String)? {
        guard let text = arguments.value("shard") else { return nil }
        if arguments.flag("worker") {
            throw .usage("--shard and --worker exclude each other: shards split the grid in advance, workers claim trainings as they go")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw shardUsage(text) }
        let givenCount = try parts.count == 2 ? positive(parts[1], text) : nil
        if parts[0] == "auto" { return try automaticShard(count: givenCount, environment: environment) }
        guard let count = givenCount, let index = Int(parts[0]), (0..<count).contains(index) else { throw shardUsage(text) }
        return (Shard(index: index, count: count), "--shard")
    }

    /// The command line to record in `study.json` (for the reports' "reproduce" section): without the sharing
    /// options, since one process running the rest reproduces the study.
    static func recordedCommand(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                kept += arguments[(index - 1)...]
                break
            }
            if argument == "--worker" || argument.hasPrefix("--claim-timeout=") || argument.hasPrefix("--shard=") { continue }
            if argument == "--claim-timeout" || argument == "--shard" {
                index += 1
                continue
            }
            kept.append(argument)
        }
        return kept
    }

    private static func automaticShard(count givenCount: Int?, environment: [String: String]) throws(CLIError) -> (shard: Shard, source: String) {
        let variable: String, index: Int, count: Int
        if let task = environment["SLURM_ARRAY_TASK_ID"] {
            variable = "SLURM_ARRAY_TASK_ID"
            guard let id = Int(task), let first = Int(environment["SLURM_ARRAY_TASK_MIN"] ?? "0") else {
                throw .usage("--shard auto: SLURM_ARRAY_TASK_ID is '\(echoInMessage(task))', not a task number")
            }
            guard let total = givenCount ?? environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) else {
                throw .usage("--shard auto: SLURM_ARRAY_TASK_COUNT is not set; give the count as --shard auto/N")
            }
            (index, count) = (id - first, total)
        } else if let completion = environment["JOB_COMPLETION_INDEX"] {
            variable = "JOB_COMPLETION_INDEX"
            guard let id = Int(completion) else {
                throw .usage("--shard auto: JOB_COMPLETION_INDEX is '\(echoInMessage(completion))', not an index")
            }
            guard let total = givenCount ?? environment["PARE_SHARD_COUNT"].flatMap(Int.init) else {
                throw .usage("--shard auto: JOB_COMPLETION_INDEX is set but not the shard count; give --shard auto/N or set PARE_SHARD_COUNT")
            }
            (index, count) = (id, total)
        } else {
            throw .usage("--shard auto: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set; give --shard I/N")
        }
        guard count >= 1, (0..<count).contains(index) else {
            throw .usage("--shard auto: \(variable) gives shard \(index), but there are \(count) shards (0 to \(count - 1))")
        }
        return (Shard(index: index, count: count), variable)
    }

    private static func positive(_ text: String, _ whole: String) throws(CLIError) -> Int {
        guard let value = Int(text), value >= 1 else { throw shardUsage(whole) }
        return value
    }

    private static func shardUsage(_ text: String) -> CLIError {
        .usage("--shard expects I/N with 0 ≤ I < N (e.g. 0/4), auto or auto/N, got '\(echoInMessage(text))'")
    }
}
