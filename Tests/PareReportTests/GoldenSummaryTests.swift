// Every small-model golden of ../shared/golden (Keras 3.15.1 and torchinfo 1.8.0 output) against Pare's
// renderers, byte for byte, with a line diff on failure.

import Testing
import PareModel
import PareReport
import PareTestSupport

@Suite struct GoldenSummaryTests {
    /// The golden Keras models were built without a name, so Keras printed its default "sequential".
    static func kerasAnalysis(_ golden: String) throws -> ModelAnalysis {
        let entry = try #require(Golden.smallModels.first { $0.golden == golden })
        var spec = try Repository.parsedModel(entry.file, entry.overrides).spec
        spec.name = nil
        return try ModelAnalysis(spec)
    }

    /// The model torchinfo summarised: the same layers, except that qiita_mlp's PyTorch twin reads a 1x28x28
    /// image through an `nn.Flatten` where the Keras model takes a 784-vector (golden README).
    static func torchAnalysis(_ golden: String) throws -> ModelAnalysis {
        var spec = try kerasAnalysis(golden).spec
        if spec.inputShape == .vector(784) {
            spec.inputShape = .image(height: 28, width: 28, channels: 1)
            spec.layers.insert(LayerSpec(.flatten), at: 0)
        }
        return try ModelAnalysis(spec)
    }

    static func expectMatches(_ actual: String, golden fileName: String) throws {
        let expected = try Golden.text(fileName)
        if let diff = lineDiff(expected: expected, actual: actual) {
            Issue.record("\(fileName) differs:\n\(diff)")
        }
    }

    @Test(arguments: Golden.smallModels.map(\.golden))
    func kerasSummary(golden: String) throws {
        try Self.expectMatches(KerasSummary(Self.kerasAnalysis(golden)).render(), golden: "\(golden).keras.txt")
    }

    @Test(arguments: Golden.smallModels.map(\.golden))
    func torchinfoSummary(golden: String) throws {
        try Self.expectMatches(TorchinfoSummary(Self.torchAnalysis(golden)).render(),
                               golden: "\(golden).torchinfo.txt")
    }

    @Test(arguments: Golden.smallModels.map(\.golden))
    func torchinfoFullSummary(golden: String) throws {
        try Self.expectMatches(TorchinfoSummary(Self.torchAnalysis(golden)).render(columns: TorchinfoColumn.full),
                               golden: "\(golden).torchinfo_full.txt")
    }

    @Test func kerasLineLength76() throws {
        try Self.expectMatches(KerasSummary(Self.kerasAnalysis("seed000_cnn")).render(lineLength: 76),
                               golden: "seed000_cnn.keras_linelength76.txt")
    }

    @Test func kerasShowTrainable() throws {
        try Self.expectMatches(KerasSummary(Self.kerasAnalysis("seed000_cnn")).render(showTrainable: true),
                               golden: "seed000_cnn.keras_show_trainable.txt")
    }
}
