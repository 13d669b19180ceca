// The search strategy driven by a fake evaluator: it must find the known smallest model, never train a
// candidate that cannot beat the best, give the same answer with 1 or 2 jobs, and resume from its journal.

import Foundation
import Testing
import PareModel
import PareSearch
import PareTestSupport
import PareTraining

@Suite struct SearchStrategyTests {
    /// The Keras tutorial CNN (qiita_cnn1, n = 32) as the base, as `pare search` uses by default.
    static func base() throws -> ModelSpec { try Repository.parsedModel("qiita_cnn1").spec }

    static func settings(seeds: Int = 1) -> SearchSettings {
        SearchSettings(target: 0.97, seeds: seeds, training: TrainingConfiguration(epochs: 2),
                       stopRule: StopRule.never(target: 0.97))
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pare-search-\(UUID().uuidString)")
    }

    /// The known answer: conv-stage + drop-dense with widths (2, 2, 4, 4) is qiita_cnn2 at n = 2, 932 parameters
    /// (../shared/golden/qiita_cnn2_2.keras.txt); narrowing any layer of it fails by construction of the fake.
    static let passing = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4])

    @Test func findsTheKnownSmallestModel() throws {
        let evaluator = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4])
        let outcome = try SearchRunner(planner: SearchPlanner(base: Self.base(), settings: Self.settings()),
                                       evaluator: evaluator, journal: Journal(directory: Self.temporaryFolder()), jobs: 1).run()
        #expect(outcome.stopReason == .finished)
        #expect(outcome.best?.widths == [2, 2, 4, 4])
        #expect(outcome.best?.parameterCount == 932)
        #expect(outcome.best?.spec.layers == (try Repository.parsedModel("qiita_cnn2", ["n": 2]).spec.layers))
        // Every training is distinct: nothing was trained twice.
        #expect(Set(evaluator.trainedKeys).count == evaluator.trainedKeys.count)
    }

    /// conv-stage+drop-dense+gap wins at uniform widths (3·6·6·6, 928 parameters, and no narrowing of it passes),
    /// but conv-stage, whose uniform members pass only from 2·4·4·4·8 (1,002 parameters), narrows layer by layer
    /// down to 1·1·1·1·8: refinement must start from every family's smallest pass, not only from the best.
    @Test func refinesEveryFamilyNotOnlyTheUniformWinner() throws {
        let evaluator = FakeEvaluator(minimumWidths: ["conv-stage+drop-dense+gap": [3, 6, 6, 6],
                                                      "conv-stage": [1, 1, 1, 1, 8]])
        let outcome = try SearchRunner(planner: SearchPlanner(base: Self.base(), settings: Self.settings()),
                                       evaluator: evaluator, journal: Journal(directory: Self.temporaryFolder()), jobs: 2).run()
        #expect(outcome.best?.familyName == "conv-stage")
        #expect(outcome.best?.widths == [1, 1, 1, 1, 8])
        #expect((outcome.best?.parameterCount ?? .max) < 928)
        #expect(Set(evaluator.trainedKeys).count == evaluator.trainedKeys.count)
    }

    @Test func neverTrainsACandidateThatCannotBeatTheBest() throws {
        let journal = try Journal(directory: Self.temporaryFolder())
        let planner = SearchPlanner(base: try Self.base(), settings: Self.settings(seeds: 3))
        let evaluator = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4], wobble: 0.002)
        let rounds = RoundRecorder()
        _ = try SearchRunner(planner: planner, evaluator: evaluator, journal: journal, jobs: 2,
                             observer: { event in
                                 if case .roundPlanned(_, _, let trainings, let best) = event { rounds.record(trainings, best) }
                             }).run()
        for (trainings, best) in rounds.rounds {
            guard let best else { continue }
            for training in trainings {
                let isBestItself = training.candidate.pareText == best.pareText
                #expect(isBestItself || training.candidate.parameterCount < best.parameterCount,
                        "trained \(training.candidate.familyName) \(training.candidate.widthsText) with a best of \(best.parameterCount)")
            }
        }
    }

    @Test func jobsDoNotChangeTheAnswer() throws {
        var answers: [(String?, Set<String>)] = []
        for jobs in [1, 2] {
            let evaluator = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4], wobble: 0.003)
            let outcome = try SearchRunner(planner: SearchPlanner(base: Self.base(), settings: Self.settings(seeds: 3)),
                                           evaluator: evaluator, journal: Journal(directory: Self.temporaryFolder()), jobs: jobs).run()
            answers.append((outcome.best?.pareText, Set(outcome.entries.map(\.key))))
        }
        #expect(answers[0].0 != nil)
        #expect(answers[0].0 == answers[1].0)
        #expect(answers[0].1 == answers[1].1)
    }

    @Test func resumesFromTheJournalWithoutRetraining() throws {
        let folder = Self.temporaryFolder()
        let planner = SearchPlanner(base: try Self.base(), settings: Self.settings(seeds: 3))
        let first = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4], wobble: 0.003)
        let interrupted = try SearchRunner(planner: planner, evaluator: first, journal: Journal(directory: folder), jobs: 2,
                                           budget: SearchBudget(maxTrainings: 7)).run()
        #expect(interrupted.stopReason == .budgetExhausted)
        #expect(interrupted.trainedNow == 7)

        let second = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4], wobble: 0.003)
        let resumed = try SearchRunner(planner: planner, evaluator: second, journal: Journal(directory: folder), jobs: 2).run()
        #expect(Set(first.trainedKeys).isDisjoint(with: second.trainedKeys))

        let uninterrupted = try SearchRunner(planner: planner, evaluator: FakeEvaluator(passingFamily: "conv-stage+drop-dense",
                                             minimumWidths: [2, 2, 4, 4], wobble: 0.003),
                                             journal: Journal(directory: Self.temporaryFolder()), jobs: 1).run()
        #expect(resumed.best?.pareText == uninterrupted.best?.pareText)
        #expect(Set(resumed.entries.map(\.key)) == Set(uninterrupted.entries.map(\.key)))
    }

    @Test func nearTheTargetMoreSeedsDecide() throws {
        // 0.9705 - 0.002 = 0.9685 for seed 0: within the margin, so seeds 1 and 2 are trained and the mean
        // (0.9705) decides; a narrowing at 0.9 fails outright.
        let evaluator = FakeEvaluator(passingFamily: "conv-stage+drop-dense", minimumWidths: [2, 2, 4, 4], wobble: 0.002)
        let outcome = try SearchRunner(planner: SearchPlanner(base: Self.base(), settings: Self.settings(seeds: 3)),
                                       evaluator: evaluator, journal: Journal(directory: Self.temporaryFolder()), jobs: 1).run()
        let winnerTrainings = outcome.entries.filter { $0.pare == outcome.best?.pareText }
        #expect(winnerTrainings.map(\.seedIndex).sorted() == [0, 1, 2])
        let failures = outcome.entries.filter { $0.outcome.validationAccuracy! < 0.95 }
        #expect(failures.allSatisfy { $0.seedIndex == 0 })
    }

    @Test func reportsNothingWhenNoCandidatePasses() throws {
        let evaluator = FakeEvaluator(passingFamily: "no such family", minimumWidths: [])
        let base = try ParsedModel.parse("input 8x8x1\nconv2d 2 3 relu\nflatten\ndense 4 relu\ndense 10 softmax\n", path: "t").spec
        let outcome = try SearchRunner(planner: SearchPlanner(base: base, settings: Self.settings()), evaluator: evaluator,
                                       journal: Journal(directory: Self.temporaryFolder()), jobs: 1).run()
        #expect(outcome.stopReason == .finished)
        #expect(outcome.best == nil)
        #expect(!outcome.entries.isEmpty)
    }
}

/// Collects planned rounds from the observer (called on worker threads).
final class RoundRecorder: @unchecked Sendable {
    // @unchecked Sendable: guarded by `lock`.
    private let lock = NSLock()
    private var stored: [([TrainingRequest], Candidate?)] = []

    func record(_ trainings: [TrainingRequest], _ best: Candidate?) { lock.withLock { stored.append((trainings, best)) } }

    var rounds: [([TrainingRequest], Candidate?)] { lock.withLock { stored } }
}

@Suite struct SearchLogTests {
    @Test func replayGivesBackTheRunnersRounds() throws {
        let planner = SearchPlanner(base: try SearchStrategyTests.base(), settings: SearchStrategyTests.settings(seeds: 3))
        let recorder = RoundRecorder()
        let outcome = try SearchRunner(planner: planner, evaluator: FakeEvaluator(passingFamily: "conv-stage+drop-dense",
                                                                                  minimumWidths: [2, 2, 4, 4], wobble: 0.002),
                                       journal: Journal(directory: SearchStrategyTests.temporaryFolder()), jobs: 2,
                                       observer: { if case .roundPlanned(_, _, let t, let b) = $0 { recorder.record(t, b) } }).run()
        let replay = SearchLog.replay(planner, entries: outcome.entries.shuffled())
        #expect(replay.finished)
        #expect(replay.best?.pareText == outcome.best?.pareText)
        #expect(replay.rounds.map { $0.trainings.map(\.request.key) } == recorder.rounds.map { $0.0.map(\.key) })
    }
}
