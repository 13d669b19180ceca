// `pare bench` runs end to end on a tiny configuration (it is a benchmark; only that it runs and reports sane fields
// is tested here), its embedded models are the repository's model files, and its usage errors are one line.

import Foundation
import Testing
import PareModel
import PareTestSupport
@testable import PareCLI

@Suite struct BenchCommandTests {
    @Test func runsOnATinyConfiguration() throws {
        let run = pare("bench", "--batches", "2", "--models", "cnn2", "--threads", "1,2", "--repetitions", "1",
                       "--gemm", "fc2.dX", "--json")
        #expect(run.status == 0, "\(run.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let models = try #require(document["models"] as? [[String: Any]])
        #expect(models.count == 2)
        for model in models {
            #expect(model["key"] as? String == "cnn2")
            #expect(model["parameterCount"] as? Int == 932)
            #expect(model["batches"] as? Int == 2)
            #expect((model["bestImagesPerSecond"] as? Double ?? 0) > 0)
            #expect((model["lastLoss"] as? Double)?.isFinite == true)
        }
        #expect((document["peaks"] as? [[String: Any]])?.map { $0["threads"] as? Int } == [1, 2])
        // fc2.dX and fc2.dX.lane, at 1 and 2 threads.
        #expect((document["gemm"] as? [[String: Any]])?.count == 4)

        let text = pare("bench", "--batches", "1", "--models", "cnn2", "--threads", "1", "--repetitions", "1", "--gemm", "none")
        #expect(text.status == 0)
        #expect(text.output.contains("| qiita_cnn2 n=2 | 932 | 128 | adadelta | 1 |"))
    }

    /// The embedded descriptions analyse to the same parameter and multiply-add counts as models/*.pare with the
    /// benchmark's variable values.
    @Test(arguments: BenchModel.all.map(\.key))
    func embeddedModelsMatchTheModelFiles(key: String) throws {
        let model = try #require(BenchModel.all.first { $0.key == key })
        let embedded = try ParsedModel.parse(model.source, path: key).analyze()
        let file = try Repository.parsedModel(model.file, model.variables).analyze()
        #expect(embedded.parameterCount == file.parameterCount)
        #expect(embedded.multiplyAdds == file.multiplyAdds)
        #expect(embedded.layers.map(\.outputShape) == file.layers.map(\.outputShape))
    }

    @Test(arguments: [
        (["bench", "--models", "cnn3"], "error: option '--models' expects model names among cnn2, qmlp, mlp, seed000, cnn1, got 'cnn3'; did you mean 'cnn2'?\n"),
        (["bench", "--threads", "1,zwei"], "error: option '--threads' expects thread counts in 1...256 separated by commas, got '1,zwei'\n"),
        (["bench", "--gemm", "fc9"], "error: option '--gemm' expects all, none or parts of case names such as fc1 or conv2, got 'fc9'\n"),
        (["bench", "--batches", "0"], "error: option '--batches' expects an integer in 1...1000000, got '0'\n"),
    ])
    func usageErrors(arguments: [String], message: String) {
        let run = pare(arguments)
        #expect(run.status == 64)
        #expect(run.error == message)
    }
}
