// Many `pare` processes on one study folder: two real worker processes finish the tiny search of
// SearchCommandTests with the single-process front and no training done twice; a worker killed with SIGKILL
// mid-training is taken over after the claim timeout; sweep shards cover the grid; option errors.

import Foundation
import Testing
@testable import PareCLI
import PareSearch
import PareTestSupport

@Suite(.serialized) struct WorkerCommandTests {
    /// SearchCommandTests' tiny search (8 trainings, 5 rounds) as a worker with one job.
    static func workerArguments(out: URL, extra: [String] = []) throws -> [String] {
        var arguments = try SearchCommandTests.arguments(out: out)
        if let jobs = arguments.firstIndex(of: "--jobs") { arguments[jobs + 1] = "1" }
        return arguments + ["--worker"] + extra
    }

    /// The single-process run of the tiny search, made once for every test that compares with it.
    static let reference: Result<URL, any Error> = Result {
        let folder = temporaryFolder("pare-worker-reference").appendingPathComponent("alone")
        let run = pare(try SearchCommandTests.arguments(out: folder))
        guard run.status == 0 else { throw CLIError.failure("the single-process search failed: \(run.error)") }
        return folder
    }

    static func resultKeys(_ folder: URL) -> Set<String> {
        Set(SharedFiles.names(in: folder.appendingPathComponent("results")).map { String($0.dropLast(".json".count)) })
    }

    static func claimNames(_ folder: URL) -> Set<String> {
        Set(SharedFiles.names(in: folder.appendingPathComponent("claims")))
    }

    /// Starts the built `pare` with `arguments`, its output going to `log`.
    static func launch(_ executable: URL, _ arguments: [String], log: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    @Test func twoWorkerProcessesFinishTheSearchOfOneProcess() throws {
        guard let executable = pareExecutable else {
            Issue.record("the pare executable is not built next to the tests (run 'swift build' first)")
            return
        }
        let alone = try Self.reference.get()
        let root = temporaryFolder("pare-workers")
        let shared = root.appendingPathComponent("shared")
        let arguments = try Self.workerArguments(out: shared)
        let logs = [root.appendingPathComponent("worker0.log"), root.appendingPathComponent("worker1.log")]
        let workers = try logs.map { try Self.launch(executable, arguments, log: $0) }
        for worker in workers { worker.waitUntilExit() }
        let outputs = try logs.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(workers.map(\.terminationStatus) == [0, 0], "\(outputs)")

        let keys = Set(try SearchCommandTests.keys(alone))
        #expect(keys.count == 8)
        #expect(try SearchCommandTests.front(shared) == SearchCommandTests.front(alone))
        // No training twice: one claim (no takeover) and one result per training, and the workers' own counts
        // ("… 8 trainings (5 now)") add up to the total.
        #expect(Self.resultKeys(shared) == keys)
        #expect(Self.claimNames(shared) == keys)
        let trainedNow = outputs.compactMap { output in
            output.firstMatch(of: /search finished after \d+ rounds, 8 trainings \((\d+) now\)/).flatMap { Int($0.1) }
        }
        #expect(trainedNow.count == 2 && trainedNow.reduce(0, +) == 8, "\(outputs)")
        // `pare report` rebuilds the same reports from the shared folder (winner.pare has no timings in it).
        #expect(pare("report", shared.path).status == 0)
        #expect(try SearchCommandTests.front(shared) == SearchCommandTests.front(alone))
        #expect(try String(contentsOf: shared.appendingPathComponent("winner.pare"), encoding: .utf8)
                == String(contentsOf: alone.appendingPathComponent("winner.pare"), encoding: .utf8))
    }

    @Test func aKilledWorkersTrainingIsTakenOverAfterTheClaimTimeout() throws {
        guard let executable = pareExecutable else {
            Issue.record("the pare executable is not built next to the tests (run 'swift build' first)")
            return
        }
        let alone = try Self.reference.get()
        let root = temporaryFolder("pare-worker-kill")
        let shared = root.appendingPathComponent("shared")
        let arguments = try Self.workerArguments(out: shared, extra: ["--claim-timeout", "2"])
        let victim = try Self.launch(executable, arguments, log: root.appendingPathComponent("victim.log"))
        // Kill it while it trains: a claim without a result, after two results. SIGSTOP freezes the folder while
        // the condition is checked again, so it still holds at the SIGKILL.
        func orphans() -> Set<String> { Self.claimNames(shared).subtracting(Self.resultKeys(shared)) }
        let deadline = Date().addingTimeInterval(60)
        var killed = false
        while !killed, victim.isRunning, Date() < deadline {
            if Self.resultKeys(shared).count >= 2, !orphans().isEmpty {
                kill(victim.processIdentifier, SIGSTOP)
                if orphans().isEmpty {
                    kill(victim.processIdentifier, SIGCONT)
                } else {
                    kill(victim.processIdentifier, SIGKILL)
                    killed = true
                }
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        if !killed { kill(victim.processIdentifier, SIGKILL) }
        victim.waitUntilExit()
        let orphaned = orphans()
        #expect(killed && orphaned.count == 1, "killed: \(killed), claims without results: \(orphaned)")

        let start = Date()
        let rescuer = pare(arguments)
        #expect(rescuer.status == 0, "\(rescuer.error)")
        #expect(rescuer.output.contains("taking over"), "\(rescuer.output)")
        #expect(Date().timeIntervalSince(start) >= 1, "the dead claim was taken over before its timeout")
        // Nothing lost, the orphan taken over exactly once, the single-process answer.
        let keys = Set(try SearchCommandTests.keys(alone))
        #expect(Self.resultKeys(shared) == keys)
        #expect(Self.claimNames(shared) == keys.union(orphaned.map { "\($0).1" }))
        #expect(try SearchCommandTests.front(shared) == SearchCommandTests.front(alone))
    }

    @Test func sweepShardsCoverTheGridAndTheLastOneWritesTheReports() throws {
        let root = temporaryFolder("pare-shards")
        let model = root.appendingPathComponent("tiny.pare")
        try "model \"tiny\"\ninput 28x28x1\nmaxpool2d 4\nflatten\ndense 4 relu\ndense 10 softmax\n"
            .write(to: model, atomically: true, encoding: .utf8)
        func sweep(_ out: URL, _ extra: [String] = []) -> Run {
            pare(["sweep", model.path, "--lr", "0.01,0.001", "--seeds", "2", "--epochs", "1", "--train-limit", "300",
                  "--test-limit", "50", "--batch-size", "32", "--jobs", "1", "--out", out.path] + extra)
        }
        let alone = root.appendingPathComponent("alone")
        #expect(sweep(alone).status == 0)
        let sharded = root.appendingPathComponent("sharded")
        let first = sweep(sharded, ["--shard", "0/3"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("shard 0/3 (from --shard): 2 of the 4 trainings"))
        #expect(first.output.contains("reports are written by the shard that completes the grid"))
        #expect(!FileManager.default.fileExists(atPath: sharded.appendingPathComponent("report.md").path))
        #expect(sweep(sharded, ["--shard", "2/3"]).status == 0)
        let last = sweep(sharded, ["--shard", "1/3"])
        #expect(last.output.contains("the grid is complete"), "\(last.output)")
        #expect(FileManager.default.fileExists(atPath: sharded.appendingPathComponent("report.md").path))

        func results(_ folder: URL) throws -> [String: Double?] {
            Dictionary(uniqueKeysWithValues: try Journal.read(folder.appendingPathComponent("journal.jsonl")).entries
                .map { ($0.key, $0.outcome.validationAccuracy) })
        }
        #expect(try results(sharded) == results(alone))
        #expect(try results(alone).count == 4)
        // The recorded command reproduces the study in one process: no shard in it.
        #expect(try !StudyDescription.read(from: sharded).command.contains("--shard"))
    }

    @Test(arguments: [
        (["--shard", "1/3"], [:], "1/3 --shard"),
        (["--shard", "auto"], ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "4", "SLURM_ARRAY_TASK_COUNT": "4"],
         "1/4 SLURM_ARRAY_TASK_ID"),
        (["--shard", "auto"], ["JOB_COMPLETION_INDEX": "2", "PARE_SHARD_COUNT": "3"], "2/3 JOB_COMPLETION_INDEX"),
        (["--shard", "auto/8"], ["JOB_COMPLETION_INDEX": "7"], "7/8 JOB_COMPLETION_INDEX"),
        (["--shard", "3/3"], [:], "error: --shard expects I/N with 0 ≤ I < N (e.g. 0/4), auto or auto/N, got '3/3'"),
        (["--shard", "auto"], ["JOB_COMPLETION_INDEX": "2"],
         "error: --shard auto: JOB_COMPLETION_INDEX is set but not the shard count; give --shard auto/N or set PARE_SHARD_COUNT"),
        (["--shard", "auto"], ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"],
         "error: --shard auto: SLURM_ARRAY_TASK_ID gives shard 4, but there are 4 shards (0 to 3)"),
        (["--shard", "auto"], [:], "error: --shard auto: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set; give --shard I/N"),
        (["--shard", "0/2", "--worker"], [:],
         "error: --shard and --worker exclude each other: shards split the grid in advance, workers claim trainings as they go"),
    ] as [([String], [String: String], String)])
    func shardsComeFromTheOptionOrTheEnvironment(arguments: [String], environment: [String: String], expected: String) throws {
        let parsed = try ParsedArguments(arguments, options: SweepCommand.options, command: "sweep")
        do {
            let shard = try #require(try WorkerOptions.shard(parsed, environment: environment))
            #expect("\(shard.shard) \(shard.source)" == expected)
        } catch let error as CLIError {
            #expect(error.description == expected)
        }
    }

    @Test func workerOptionsAreCheckedAndLeftOutOfTheRecordedCommand() {
        #expect(pare("search", "--claim-timeout", "5s").error == "error: --claim-timeout applies to --worker\n")
        #expect(pare("search", "--worker", "--claim-timeout", "soon").error
                == "error: --claim-timeout expects a duration like 90s, 10m or 1h30m, got 'soon'\n")
        #expect(WorkerOptions.recordedCommand(["sweep", "m.pare", "--worker", "--claim-timeout", "2", "--shard=0/2", "--lr", "0.1"])
                == ["sweep", "m.pare", "--lr", "0.1"])
    }
}
