// Pare's checkpoints against an independent implementation: models trained in-process by `pare train --save`,
// then run forward by numpy in Keras's layouts (Tests/PareCLITests/Python/numpy_forward.py, reading the safetensors file with its
// own reader), must predict what Pare's engine predicts on 100 test images, with the same logits.
//
// Needs python3 with numpy; without them the test is skipped and says why.

import Foundation
import Testing
import PareData
import PareEngine
import PareModel
import PareTestSupport
import PareTraining

@Suite struct NumpyCrossCheckTests {
    /// Why numpy is unusable, or `nil` when `python3 -c "import numpy"` succeeds (checked once per run).
    static let numpyProblem: String? = {
        let result = Python.run(["-c", "import numpy"])
        guard result.status != 0 else { return nil }
        let problem = "python3 with numpy is not available (\(result.error.split(separator: "\n").last ?? "exit \(result.status)"))"
        print("note: skipping the numpy cross-check: \(problem)")
        return problem
    }()

    /// The test images compared.
    static let imageCount = 100

    // Each model exercises layouts a mix-up would break: the Flatten of a multi-channel image (Keras flattens
    // channels-last, the engine channels-first), 'same' padding whose odd row goes at the bottom (28 → 14 with
    // a 5x5 window and stride 2 pads 1 above and 2 below), BatchNormalization on images and on a flattened
    // image, global pooling, bias-free convolutions, a vector input, and depthwise convolutions (multiplier 2:
    // output channel c·m + j; 14 → 7 'same' with stride 2 pads 0 above, 1 below) after an asymmetric zero
    // padding, with capped ReLUs before a Flatten.
    @Test(.enabled(if: numpyProblem == nil, "python3 with numpy is not available"), arguments: [
        "input 28x28x1\nconv2d 4 3 relu\nmaxpool2d 2\nflatten\ndense 10 softmax\n",
        """
        input 28x28x1
        conv2d 3 5 stride=2 padding=same
        batchnorm
        activation relu
        avgpool2d 2 stride=1 padding=same
        conv2d 6 3 relu bias=false
        maxpool2d 3 stride=2 padding=same
        flatten
        batchnorm momentum=0.9
        dropout 0.2
        dense 16 tanh
        dense 10 softmax

        """,
        "input 28x28x1\nconv2d 8 3 relu\nglobalavgpool2d\ndense 10 softmax\n",
        "input 784\ndense 32 sigmoid\ndense 10\n",
        """
        input 28x28x1
        conv2d 8 3 stride=2 bias=false
        batchnorm
        relu max=6
        zeropad2d top=0 bottom=1 left=0 right=1
        depthwiseconv2d 3 stride=2 padding=same multiplier=2 relu
        depthwiseconv2d 3 bias=false
        relu max=3
        flatten
        dense 10 softmax

        """,
    ])
    func numpyForwardPassAgreesWithPare(model: String) throws {
        let folder = temporaryFolder("pare-numpy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let modelFile = folder.appendingPathComponent("model.pare")
        let weights = folder.appendingPathComponent("weights.safetensors")
        try model.write(to: modelFile, atomically: true, encoding: .utf8)
        let training = pare("train", modelFile.path, "--train-limit", "600", "--test-limit", "\(Self.imageCount)",
                            "--validation-split", "0", "--epochs", "2", "--batch-size", "32", "--lr", "0.003",
                            "--save", weights.path)
        try #require(training.status == 0, "pare train failed: \(training.error)")

        let pare = try PareOutputs(model: model, weights: weights, count: Self.imageCount)
        let numpy = Python.run([Repository.path("Tests/PareCLITests/Python/numpy_forward.py"), weights.path,
                                try DatasetSource.mnist.folder(), "\(Self.imageCount)"])
        try #require(numpy.status == 0, "numpy_forward.py failed: \(numpy.error)")
        let rows = numpy.output.split(separator: "\n").map { $0.split(separator: " ") }
        try #require(rows.count == Self.imageCount)
        let numpyClasses = rows.map { Int32($0[0]) ?? -1 }
        let numpyLogits = rows.flatMap { $0.dropFirst().map { Float($0) ?? .nan } }

        #expect(numpyClasses == pare.classes)
        // Float32 sums over at most a few thousand terms in a different order: agreement to 1e-4 relative to the
        // largest logit is far inside what a layout mistake would change (whole features swap places).
        let scale = max(1, pare.logits.map(abs).max() ?? 1)
        let worst = zip(numpyLogits, pare.logits).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-4 * scale, "largest logit difference \(worst) (scale \(scale))")
        // The comparison means something only if the model tells images apart.
        #expect(Set(pare.classes).count >= 3, "the trained model predicts only \(Set(pare.classes).sorted())")
    }
}

/// What Pare's engine makes of the first test images with a checkpoint.
private struct PareOutputs {
    /// Predicted classes (`Network.predictedClasses`).
    var classes: [Int32]
    /// The last layer's outputs, sample-major (`Network.logits`; an output softmax is left out).
    var logits: [Float]

    init(model: String, weights: URL, count: Int) throws {
        let analysis = try ParsedModel.parse(model, path: "model.pare").analyze()
        let network = try NetworkBuilder.build(analysis, maxBatchSize: count, threads: 1)
        try Checkpoint.load(into: network, analysis: analysis, from: weights)
        let dataset = try Dataset.load(.mnist, options: DatasetLoadOptions(trainLimit: 1, testLimit: count))
        let batch = LaneBatch(capacity: count, shape: dataset.imageShape)
        batch.fill(from: dataset.test, indices: Array(0..<count)[...])
        let outputs = analysis.outputShape.elementCount
        var classes = [Int32](repeating: -1, count: count)
        var logits = [Float](repeating: .nan, count: count * outputs)
        network.predictedClasses(input: batch.input.pointer, count: count, into: &classes)
        network.logits(input: batch.input.pointer, count: count, into: &logits)
        self.classes = classes
        self.logits = logits
    }
}

/// Running `python3` from the tests.
enum Python {
    /// Runs `python3 arguments…` through `/usr/bin/env` and returns its status and outputs (status 127 and the
    /// reason when it cannot be started).
    static func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do {
            try process.run()
        } catch {
            return (127, "", "cannot start python3: \(error)")
        }
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

extension Repository {
    /// A path inside the checkout.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
