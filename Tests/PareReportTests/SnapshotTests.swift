// Pare's own formats on real model files: `--format json` and `--advise`, against snapshot files.

import Testing
import PareModel
import PareReport
import PareTestSupport

@Suite struct SnapshotTests {
    static let jsonModels: [(file: String, overrides: [String: Int])] = [("qiita_cnn2", ["n": 2]), ("seed004_fc1", [:])]

    @Test(arguments: jsonModels.map(\.file))
    func json(file: String) throws {
        let overrides = Self.jsonModels.first { $0.file == file }?.overrides ?? [:]
        let analysis = try Repository.parsedModel(file, overrides).analyze()
        Snapshot.expect(SummaryJSON(analysis).render(), matches: "\(file).json")
    }

    @Test func jsonOfEveryLayerKind() throws {
        Snapshot.expect(SummaryJSON(try Fixtures.zoo).render(), matches: "zoo.json")
    }

    static let adviceModels: [(file: String, overrides: [String: Int])] = [
        ("seed000_cnn", [:]), ("seed000_mlp", ["W": 128]), ("qiita_mlp", ["n": 64]), ("qiita_cnn1", ["n": 32]),
        ("qiita_cnn2", ["n": 2]), ("seed004_cnn1", [:]), ("mnist_convnet", [:]),
    ]

    @Test(arguments: adviceModels.map(\.file))
    func advice(file: String) throws {
        let overrides = Self.adviceModels.first { $0.file == file }?.overrides ?? [:]
        let analysis = try Repository.parsedModel(file, overrides).analyze()
        Snapshot.expect(ParameterAdviceReport(ParameterBudget(analysis)).render(), matches: "\(file).advice.txt")
    }
}
