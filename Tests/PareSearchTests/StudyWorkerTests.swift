// Several workers sharing one study folder (threads here, processes in the CLI tests): they finish the study
// with the single-process answer, train each training once, and take over a dead worker's claim exactly once.

import Foundation
import Testing
import PareModel
import PareSearch
import PareTestSupport
import PareTraining

@Suite struct StudyWorkerTests {
    static func planner() throws -> SearchPlanner {
        SearchPlanner(base: try SearchStrategyTests.base(), settings: SearchStrategyTests.settings(seeds: 3))
    }

    static func fake() -> FakeEvaluator {
        FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4], wobble: 0.002)
    }

    /// What a worker thread reports back.
    struct WorkerRun: Sendable {
        let outcome: SearchOutcome
        let events: [String]
    }

    /// Runs `count` search workers on `folder`, sharing `evaluator`, each with its own journal and identity.
    static func workers(_ count: Int, folder: URL, evaluator: any CandidateEvaluator, claimTimeout: Double = 60) throws -> [WorkerRun] {
        let planner = try planner()
        return try onThreads(count) { index in
            let events = LockedArray<String>(repeating: "", count: 0)
            let settings = WorkerSettings(claimTimeout: claimTimeout, pollInterval: 0.005, host: "worker\(index)", processID: 1,
                                          observer: { event in
                                              switch event {
                                              case .waiting: events.append("waiting")
                                              case .tookOver(let request, let owner, _): events.append("took \(request.key) from \(owner?.description ?? "?")")
                                              case .lostClaim(let request): events.append("lost \(request.key)")
                                              }
                                          })
            let journal = try Journal(directory: folder, writing: .resultFiles)
            let outcome = try SearchRunner(planner: planner, evaluator: evaluator, journal: journal, jobs: 1, worker: settings).run()
            return WorkerRun(outcome: outcome, events: events.values)
        }
    }

    /// The single-process run the workers must agree with.
    static func alone() throws -> SearchOutcome {
        try SearchRunner(planner: planner(), evaluator: fake(), journal: Journal(directory: SearchStrategyTests.temporaryFolder()),
                         jobs: 1).run()
    }

    /// (pare text, mean validation accuracy) of the size–accuracy front.
    static func front(_ entries: [JournalEntry]) -> [String] {
        ParetoFront.sizeVersusAccuracy(CandidateSummary.summarize(entries), measure: .params).map { "\($0.params) \($0.validationMean) \($0.pare)" }
    }

    static func names(_ folder: URL, _ subfolder: String) -> [String] {
        SharedFiles.names(in: folder.appendingPathComponent(subfolder))
    }

    @Test func threeWorkersFinishTheSearchOfOneProcess() throws {
        let folder = SearchStrategyTests.temporaryFolder()
        let fake = Self.fake()
        let runs = try Self.workers(3, folder: folder, evaluator: SlowEvaluator(fake: fake, seconds: 0.01))
        let alone = try Self.alone()

        for run in runs {
            #expect(run.outcome.stopReason == .finished)
            #expect(run.outcome.best?.pareText == alone.best?.pareText)
            #expect(Set(run.outcome.entries.map(\.key)) == Set(alone.entries.map(\.key)))
            #expect(Self.front(run.outcome.entries) == Self.front(alone.entries))
        }
        #expect(Self.front(alone.entries).count >= 2)  // a real front, so the comparison above means something
        // Each training exactly once, by one worker; the work was shared; one claim and one result per training.
        #expect(fake.trainedKeys.count == alone.entries.count)
        #expect(Set(fake.trainedKeys).count == fake.trainedKeys.count)
        #expect(runs.map(\.outcome.trainedNow).reduce(0, +) == alone.entries.count)
        #expect(runs.filter { $0.outcome.trainedNow > 0 }.count >= 2, "trained per worker: \(runs.map(\.outcome.trainedNow))")
        #expect(Set(Self.names(folder, "claims")) == Set(alone.entries.map(\.key)))
        #expect(Set(Self.names(folder, "results")) == Set(alone.entries.map { "\($0.key).json" }))
        #expect(runs.allSatisfy { !$0.events.contains { $0.hasPrefix("took") || $0.hasPrefix("lost") } })
        // Workers never append to journal.jsonl; readers (reports, resumption) find everything in results/.
        let journal = folder.appendingPathComponent("journal.jsonl")
        #expect(try Data(contentsOf: journal).isEmpty)
        #expect(Set(try Journal.read(journal).entries.map(\.key)) == Set(alone.entries.map(\.key)))
        let resumed = try SearchRunner(planner: Self.planner(), evaluator: Self.fake(), journal: Journal(directory: folder), jobs: 1).run()
        #expect(resumed.trainedNow == 0 && resumed.best?.pareText == alone.best?.pareText)
    }

    @Test func aDeadWorkersClaimIsTakenOverOnceAndTheStudyFinishes() throws {
        let folder = SearchStrategyTests.temporaryFolder()
        guard case .train(let firstRound, _) = try Self.planner().plan(SearchResults([])) else {
            Issue.record("the planner has no first round")
            return
        }
        // A worker on another host claimed the first training an hour ago and died.
        let dead = ClaimBoard(studyDirectory: folder, host: "dead-host", processID: 7, timeout: 60)
        try dead.prepare()
        let orphan = firstRound[0].key
        #expect(try dead.claim(orphan) != nil)
        let claimFile = dead.folder.appendingPathComponent(orphan)
        #expect(SharedFiles.setModificationTime(claimFile, to: Date().timeIntervalSince1970 - 3600))

        let fake = Self.fake()
        let runs = try Self.workers(2, folder: folder, evaluator: SlowEvaluator(fake: fake, seconds: 0.005))
        let alone = try Self.alone()
        #expect(runs.allSatisfy { $0.outcome.stopReason == .finished && $0.outcome.best?.pareText == alone.best?.pareText })
        #expect(Set(fake.trainedKeys).count == fake.trainedKeys.count)
        #expect(Set(fake.trainedKeys) == Set(alone.entries.map(\.key)))
        let takeovers = runs.flatMap(\.events).filter { $0.hasPrefix("took") }
        #expect(takeovers == ["took \(orphan) from dead-host:7"])
        #expect(Set(Self.names(folder, "claims")) == Set(alone.entries.map(\.key) + ["\(orphan).1"]))
    }

    @Test func aStaleClaimIsTakenOverByExactlyOneOfManyRacingWorkers() throws {
        let folder = SearchStrategyTests.temporaryFolder()
        let dead = ClaimBoard(studyDirectory: folder, host: "dead-host", processID: 7, timeout: 5)
        try dead.prepare()
        let key = "00000000000000ab"
        #expect(try dead.claim(key) != nil)
        #expect(SharedFiles.setModificationTime(dead.folder.appendingPathComponent(key), to: Date().timeIntervalSince1970 - 60))

        for attempt in 0..<5 {
            let winners = try onThreads(8) { index -> Int in
                let board = ClaimBoard(studyDirectory: folder, host: "racer\(index)", processID: Int32(attempt), timeout: 5)
                let generation = board.generations()[key] ?? 0
                guard let observed = try board.observe(key, generation: generation),
                      board.isStale(observed, now: try board.serverTime()) else { return 0 }
                return try board.takeOver(observed) == nil ? 0 : 1
            }
            #expect(winners.reduce(0, +) == 1, "attempt \(attempt): \(winners)")
            // The new claim is fresh, so nobody takes it over in the same breath; age it for the next attempt.
            let current = dead.generations()[key] ?? 0
            #expect(current == attempt + 1)
            let observed = try #require(try dead.observe(key, generation: current))
            #expect(!dead.isStale(observed, now: try dead.serverTime()))
            #expect(observed.owner?.host.hasPrefix("racer") == true && observed.owner?.pid == Int32(attempt))
            SharedFiles.setModificationTime(dead.folder.appendingPathComponent(ClaimBoard.fileName(key: key, generation: current)),
                                            to: Date().timeIntervalSince1970 - 60)
        }
    }

    @Test func heartbeatsKeepAClaimAliveAndALostClaimStopsItsTraining() throws {
        let folder = SearchStrategyTests.temporaryFolder()
        guard case .train(let firstRound, _) = try Self.planner().plan(SearchResults([])) else {
            Issue.record("the planner has no first round")
            return
        }
        let request = firstRound[0]
        let events = LockedArray<String>(repeating: "", count: 0)
        // Timeout 0.4 s: heartbeats every 0.1 s. The training would take 20 s unless cancelled.
        let settings = WorkerSettings(claimTimeout: 0.4, pollInterval: 0.01, host: "holder", processID: 1, observer: { event in
            if case .lostClaim(let lost) = event { events.append("lost \(lost.key)") }
        })
        let holder = StudyWorker(evaluator: BlockingEvaluator(fake: Self.fake(), limit: 20),
                                 journal: try Journal(directory: folder, writing: .resultFiles), jobs: 1, settings: settings)
        let other = ClaimBoard(studyDirectory: folder, host: "other", processID: 2, timeout: 0.4)
        // Thread 0 is the holder; thread 1 plays another worker and reports (fresh after 1.2 s, took it over).
        let results = try onThreads(2) { index -> [Bool] in
            if index == 0 { return [try holder.train([request], limit: nil, deadline: nil) == 0] }
            // Three timeouts later the holder's claim is still fresh: its heartbeat runs while it trains.
            Thread.sleep(forTimeInterval: 1.2)
            guard let observed = try other.observe(request.key, generation: 0) else { return [false, false] }
            let fresh = !other.isStale(observed, now: try other.serverTime())
            // Take it over anyway (as a worker with a wrong clock would): the holder must stop its training.
            let tookOver = try other.takeOver(observed) != nil
            let deadline = Date().addingTimeInterval(5)
            while events.values.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            // The new owner records the result; the holder, waiting for it, then returns having trained nothing.
            if let outcome = Self.fake().train(request, threads: 1, cancellation: Cancellation(), progress: { _ in }) {
                try Journal(directory: folder, writing: .resultFiles).append(JournalEntry(request: request, outcome: outcome))
            }
            return [fresh, tookOver]
        }
        #expect(results == [[true], [true, true]])
        #expect(events.values == ["lost \(request.key)"])
    }
}
