// Study folders made by the real runners with the modelled evaluator: a finished search, searches stopped
// by their budget, a search where nothing passes, and a sweep. Each is made once per test process.

import Foundation
import PareModel
import PareReport
import PareSearch
import PareTestSupport
import PareTraining

enum StudyFixtures {
    static let finished = Result { try search() }
    /// Stopped after 20 trainings: nothing has passed yet.
    static let stoppedEarly = Result { try search(maxTrainings: 20) }
    /// Stopped after 40 trainings: a provisional best exists.
    static let stoppedWithBest = Result { try search(maxTrainings: 40) }
    /// A 99.5% target no candidate reaches.
    static let nothingPassed = Result { try search(target: 0.995) }
    static let sweepFolder = Result { try sweep() }

    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pare-report-\(name)-\(UUID().uuidString)")
    }

    /// The Keras tutorial CNN (qiita_cnn1, n = 32: 1,199,882 params) searched for ≥ `target` on mnist with 3
    /// seeds, 6 epochs and a stop rule, on one job (so the journal order is fixed). The moves are listed, not
    /// the default, so that a new move does not rewrite the snapshots.
    static func searchSettings(target: Double = 0.97) -> SearchSettings {
        SearchSettings(target: target, measure: .params, moves: [.width, .inputPool, .convStage, .dropDense, .gap], seeds: 3, margin: 0.005,
                       training: TrainingConfiguration(epochs: 6, batchSize: 128, seed: 0, validationFraction: 0.1),
                       stopRule: StopRule(target: target, slack: [0.08, 0.04, 0.02]))
    }

    /// A search's folder and what its runner returned.
    struct SearchRun: Sendable {
        var folder: URL
        var stopReason: SearchStopReason
        /// The runner's best candidate's `.pare` text.
        var best: String?
    }

    /// Runs a search into a new folder.
    static func search(target: Double = 0.97, maxTrainings: Int? = nil) throws -> SearchRun {
        let folder = temporaryFolder("search")
        let base = try Repository.parsedModel("qiita_cnn1").spec
        let settings = searchSettings(target: target)
        let description = StudyDescription(
            kind: .search, base: base.pareText, modelName: "qiita_cnn1", search: settings,
            command: ["search", "models/qiita_cnn1.pare", "--target", "\(target)", "--seeds", "3", "--epochs", "6",
                      "--out", "reports/search qiita"],
            pareVersion: "0.1.0")
        let journal = try description.open(in: folder)
        let outcome = try SearchRunner(planner: SearchPlanner(base: base, settings: settings), evaluator: ModelledEvaluator(),
                                       journal: journal, jobs: 1, budget: SearchBudget(maxTrainings: maxTrainings)).run()
        return SearchRun(folder: folder, stopReason: outcome.stopReason, best: outcome.best?.pareText)
    }

    /// A sweep of qiita_cnn1 over n = 1, 2, 4 × lr 0.01, 0.001 × activation relu, sigmoid with 2 seeds.
    static func sweep() throws -> URL {
        let folder = temporaryFolder("sweep")
        let models = try [1, 2, 4].map { n in
            (values: [("n", n)], spec: try Repository.parsedModel("qiita_cnn1", ["n": n]).spec)
        }
        let grid = SweepGrid(models: models, learningRates: [0.01, 0.001], activations: [.relu, .sigmoid])
        let points = grid.points(base: TrainingConfiguration(epochs: 5, seed: 0))
        let trainings = SweepRunner.trainings(points: points, seeds: 2)
        let description = StudyDescription(
            kind: .sweep, base: points[0].candidate.pareText, modelName: "qiita_cnn1",
            sweepKeys: trainings.map(\.key), sweepSeeds: 2,
            command: ["sweep", "models/qiita_cnn1.pare", "--set", "n=1,2,4", "--lr", "0.01,0.001", "--activation",
                      "relu,sigmoid", "--seeds", "2", "--epochs", "5", "--out", "reports/sweep"],
            pareVersion: "0.1.0")
        let journal = try description.open(in: folder)
        _ = try SweepRunner(trainings: trainings, evaluator: ModelledEvaluator(), journal: journal, jobs: 1).run()
        return folder
    }
}
