// The files of a shared study: result files beside the journal, claim generations, shards of a grid.

import Foundation
import Testing
import PareModel
import PareSearch
import PareTestSupport
import PareTraining

@Suite struct ClaimAndResultFileTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pare-shared-\(UUID().uuidString)")
    }

    @Test func theJournalReaderTakesResultFilesAfterItsLines() throws {
        let folder = Self.folder()
        let first = JournalAndFrontTests.entry("input 4\ndense 2\n", params: 10, accuracy: 0.5)
        let second = JournalAndFrontTests.entry("input 4\ndense 3\n", params: 15, accuracy: 0.6)
        let third = JournalAndFrontTests.entry("input 4\ndense 4\n", params: 20, accuracy: 0.7)
        try Journal(directory: folder).append(first)
        let shared = try Journal(directory: folder, writing: .resultFiles)
        try shared.append(second)
        try shared.append(first)  // a training in both places counts once
        let results = ResultFiles(studyDirectory: folder)
        #expect(SharedFiles.setModificationTime(results.url(forKey: second.key), to: 2_000_000_000))  // newest: read last
        try shared.append(third)

        let journal = folder.appendingPathComponent("journal.jsonl")
        #expect(try Journal.read(journal).entries.map(\.key) == [first.key, third.key, second.key])
        #expect(try Journal(directory: folder).entries.map(\.key) == [first.key, third.key, second.key])
        // Result files hold exactly a journal line.
        let line = try String(contentsOf: results.url(forKey: third.key), encoding: .utf8)
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        #expect(try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func aResultFileUnderTheWrongNameIsAnError() throws {
        let folder = Self.folder()
        let entry = JournalAndFrontTests.entry("input 4\ndense 2\n", params: 10, accuracy: 0.5)
        let results = ResultFiles(studyDirectory: folder)
        try results.write(entry)
        let wrong = results.folder.appendingPathComponent("0123456789abcdef.json")
        try FileManager.default.moveItem(at: results.url(forKey: entry.key), to: wrong)
        let error = #expect(throws: JournalError.self) { try Journal(directory: folder) }
        #expect(error?.description == "\(wrong.path): error: holds the result of training \(entry.key), not of 0123456789abcdef")
    }

    @Test func claimsAreExclusiveAndGenerationsCountTakeovers() throws {
        let folder = Self.folder()
        let mine = ClaimBoard(studyDirectory: folder, host: "a", processID: 1, timeout: 60)
        let theirs = ClaimBoard(studyDirectory: folder, host: "b", processID: 2, timeout: 60)
        try mine.prepare()
        let claim = try #require(try mine.claim("00000000000000aa"))
        #expect(try theirs.claim("00000000000000aa") == nil)
        let observed = try #require(try theirs.observe("00000000000000aa", generation: 0))
        #expect(observed.owner?.description == "a:1")
        #expect(!theirs.isStale(observed, now: try theirs.serverTime()))
        #expect(theirs.isStale(observed, now: observed.heartbeat + 61))
        #expect(mine.heartbeat(claim))
        #expect(try theirs.takeOver(observed)?.generation == 1)
        #expect(!mine.heartbeat(claim))  // lost: generation 1 exists
        #expect(mine.generations() == ["00000000000000aa": 1])
        // The probe file that reads the server's clock is not a claim.
        #expect(SharedFiles.names(in: mine.folder).sorted() == ["00000000000000aa", "00000000000000aa.1"])
    }

    @Test func shardsCoverAListExactlyOnce() {
        let items = Array(0..<11)
        for count in 1...4 {
            let shards = (0..<count).map { Shard(index: $0, count: count).select(items) }
            #expect(shards.flatMap { $0 }.sorted() == items, "\(count) shards")
            #expect(shards.map(\.count).max()! - shards.map(\.count).min()! <= 1)
        }
        #expect(Shard(index: 1, count: 3).select(items) == [1, 4, 7, 10])
    }

    /// A sweep grid of 4 points × 2 seeds over qiita_mlp.
    static func sweepTrainings() throws -> [TrainingRequest] {
        let models = try [8, 16].map { n in ([("n", n)], try Repository.parsedModel("qiita_mlp", ["n": n]).spec) }
        let points = SweepGrid(models: models, learningRates: [0.01, 0.001]).points(base: TrainingConfiguration(epochs: 1))
        return SweepRunner.trainings(points: points, seeds: 2)
    }

    @Test func sweepWorkersAndShardsTrainTheGridOnce() throws {
        let trainings = try Self.sweepTrainings()
        let keys = Set(trainings.map(\.key))
        #expect(keys.count == 8)

        let workerFolder = Self.folder()
        let fake = FakeEvaluator(passingFamily: "base", minimumWidths: [])
        let runs = try onThreads(2) { index in
            let journal = try Journal(directory: workerFolder, writing: .resultFiles)
            return try SweepRunner(trainings: trainings, evaluator: SlowEvaluator(fake: fake, seconds: 0.01), journal: journal, jobs: 1,
                                   worker: WorkerSettings(pollInterval: 0.005, host: "sweeper\(index)")).run()
        }
        #expect(runs.allSatisfy { $0.stopReason == .finished && Set($0.entries.map(\.key)) == keys })
        #expect(fake.trainedKeys.sorted() == keys.sorted())

        let shardFolder = Self.folder()
        let sharded = FakeEvaluator(passingFamily: "base", minimumWidths: [])
        for index in 0..<3 {
            let journal = try Journal(directory: shardFolder, writing: .resultFiles)
            let share = Shard(index: index, count: 3).select(trainings)
            #expect(try SweepRunner(trainings: share, evaluator: sharded, journal: journal, jobs: 1).run().stopReason == .finished)
        }
        #expect(sharded.trainedKeys.sorted() == keys.sorted())
        #expect(Set(try Journal.read(shardFolder.appendingPathComponent("journal.jsonl")).entries.map(\.key)) == keys)
    }
}
