// The journal survives torn writes and rejects corrupt lines; fronts, judgements, stop rules and sweep grids.

import Foundation
import Testing
import PareModel
import PareSearch
import PareTestSupport
import PareTraining

@Suite struct JournalAndFrontTests {
    static func entry(_ pare: String, seedIndex: Int = 0, params: Int, accuracy: Double, seconds: Double = 1) -> JournalEntry {
        let spec = try! ParsedModel.parse(pare, path: "t").spec
        let candidate = Candidate(spec: spec, moves: [])!
        var configuration = TrainingConfiguration()
        configuration.seed = UInt64(seedIndex)
        let request = TrainingRequest(candidate: candidate, configuration: configuration, stopRule: .never(target: 0.97),
                                      seedIndex: seedIndex)
        var entry = JournalEntry(request: request, outcome: TrainingOutcome(
            status: .completed, epochs: 1, validationCurve: [accuracy], validationAccuracy: accuracy,
            testAccuracy: accuracy, seconds: seconds, threads: 1))
        entry.params = params
        return entry
    }

    @Test func journalDropsATornLastLineAndKeepsTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pare-journal-\(UUID().uuidString)")
        let journal = try Journal(directory: folder)
        try journal.append(Self.entry("input 4\ndense 2\n", params: 10, accuracy: 0.5))
        try journal.append(Self.entry("input 4\ndense 3\n", params: 15, accuracy: 0.6))
        // Simulate kill -9 in the middle of the third append.
        let handle = try FileHandle(forWritingTo: journal.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"key\":\"abc\",\"fam".utf8))
        try handle.close()

        let reopened = try Journal(directory: folder)
        #expect(reopened.entries.count == 2)
        #expect(reopened.recoveryNote?.contains("dropped an incomplete last line") == true)
        // The torn bytes are gone from the file, so the next append starts on a fresh line.
        try reopened.append(Self.entry("input 4\ndense 4\n", params: 20, accuracy: 0.7))
        #expect(try Journal.read(journal.url).entries.count == 3)
    }

    @Test func journalRejectsACorruptLineInTheMiddle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pare-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("journal.jsonl")
        try "not json\n{}\n".write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: JournalError.self) { try Journal(directory: folder) }
        #expect(error?.description.hasPrefix("\(url.path):1: error: not a journal entry") == true)
    }

    @Test func sizeAccuracyFrontKeepsOnlyNonDominatedPoints() {
        let entries = [
            Self.entry("input 4\ndense 2\n", params: 100, accuracy: 0.90),
            Self.entry("input 4\ndense 3\n", params: 200, accuracy: 0.95),
            Self.entry("input 4\ndense 4\n", params: 300, accuracy: 0.94),  // dominated by 200 / 0.95
            Self.entry("input 4\ndense 5\n", params: 400, accuracy: 0.97),
            Self.entry("input 4\ndense 6\n", params: 100, accuracy: 0.85),  // dominated by 100 / 0.90
        ]
        let front = ParetoFront.sizeVersusAccuracy(CandidateSummary.summarize(entries), measure: .params)
        #expect(front.map(\.params) == [100, 200, 400])
    }

    @Test func summariesAggregateSeeds() {
        let entries = [0.96, 0.97, 0.98].enumerated().map { Self.entry("input 4\ndense 2\n", seedIndex: $0.offset, params: 10, accuracy: $0.element) }
        let summary = CandidateSummary.summarize(entries)
        #expect(summary.count == 1)
        #expect(abs(summary[0].validationMean - 0.97) < 1e-12)
        #expect(abs(summary[0].validationSpread - 0.01) < 1e-12)  // sample s.d. of 0.96, 0.97, 0.98
        #expect(summary[0].seeds == [0, 1, 2])
    }

    @Test func stopRuleThresholds() {
        let rule = StopRule(target: 0.97, slack: [0.10, 0.05, 0.02])
        #expect(rule.shouldStop(epoch: 1, epochs: 12, validationAccuracy: 0.86))
        #expect(!rule.shouldStop(epoch: 1, epochs: 12, validationAccuracy: 0.88))
        #expect(rule.shouldStop(epoch: 2, epochs: 12, validationAccuracy: 0.91))
        #expect(rule.shouldStop(epoch: 7, epochs: 12, validationAccuracy: 0.949))
        #expect(!rule.shouldStop(epoch: 12, epochs: 12, validationAccuracy: 0.1))  // the last epoch always finishes
        #expect(rule.explanation.contains("epoch 1: below 87.0%"))
    }

    @Test func judgementNeedsSeedsOnlyNearTheTarget() {
        let settings = SearchSettings(target: 0.97, seeds: 3, margin: 0.005, training: TrainingConfiguration(),
                                      stopRule: .never(target: 0.97))
        func outcome(_ accuracy: Double, _ status: TrainingStatus = .completed) -> TrainingOutcome {
            TrainingOutcome(status: status, epochs: 1, validationCurve: [accuracy], validationAccuracy: accuracy,
                            testAccuracy: nil, seconds: 1, threads: 1)
        }
        #expect(Judgement(outcomes: [:], settings: settings).verdict == .unknown)
        #expect(Judgement(outcomes: [0: outcome(0.968)], settings: settings).verdict == .needsSeeds)
        #expect(Judgement(outcomes: [0: outcome(0.960)], settings: settings).verdict == .fail)
        #expect(Judgement(outcomes: [0: outcome(0.980)], settings: settings).verdict == .pass)
        #expect(Judgement(outcomes: [0: outcome(0.968), 1: outcome(0.972), 2: outcome(0.971)], settings: settings).verdict == .pass)
        #expect(Judgement(outcomes: [0: outcome(0.99, .diverged)], settings: settings).verdict == .fail)
    }

    @Test func sweepGridCoversEveryCombination() throws {
        let models = try [16, 32].map { n in ([("n", n)], try Repository.parsedModel("qiita_mlp", ["n": n]).spec) }
        let grid = SweepGrid(models: models, learningRates: [0.01, 0.001], batchSizes: [32, 64], activations: [.relu, .sigmoid])
        let points = grid.points(base: TrainingConfiguration())
        #expect(points.count == 2 * 2 * 2 * 2)
        #expect(points[0].label.name == "n=16 lr=0.01 batch-size=32 activation=relu")
        #expect(points[1].candidate.spec.layers[0].kind.activation == .sigmoid)
        #expect(points.last?.configuration.batchSize == 64 && points.last?.configuration.learningRate == 0.001)
        #expect(Set(points.map { TrainingRequest(candidate: $0.candidate, configuration: $0.configuration,
                                                 stopRule: .never(target: 1), seedIndex: 0).key }).count == 16)
    }
}
