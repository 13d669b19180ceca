// Parameter shares, bottleneck detection and remedies, on the seed models and small hand-made ones.
// Expected counts are hand computations (Dense: in·units + units; Conv2D: 9·C·filters + filters).

import Testing
import PareModel
import PareTestSupport

@Suite struct ParameterBudgetTests {
    static func budget(_ text: String) throws -> ParameterBudget {
        ParameterBudget(try ParsedModel.parse(text, path: "budget.pare").analyze())
    }

    @Test(arguments: Golden.smallModels.map(\.golden))
    func sharesAddUp(golden name: String) throws {
        let entry = try #require(Golden.smallModels.first { $0.golden == name })
        let budget = ParameterBudget(try Repository.parsedModel(entry.file, entry.overrides).analyze())
        #expect(budget.shares.map(\.parameterCount) == budget.analysis.layers.map(\.parameterCount))
        #expect(abs(budget.shares.map(\.fraction).reduce(0, +) - 1) < 1e-12)
        guard let bottleneck = budget.bottleneck else { return }
        for remedy in bottleneck.remedies {
            #expect(remedy.parameterCount < budget.analysis.parameterCount, "\(remedy.kind) must shrink \(name)")
            // The inserted layers are convolutions and pooling, so the Dense bottleneck keeps its generated name.
            #expect(remedy.bottleneck.name == bottleneck.share.layerName, "\(remedy.kind) in \(name)")
        }
    }

    /// seed000_cnn: dense reads the flattened 24x24x4 map, 2,304·128 + 128 = 295,040 of 296,518 parameters.
    /// 4 channels are too few for global pooling, so three remedies apply.
    @Test func denseAfterFlattenIsTheBottleneck() throws {
        let budget = ParameterBudget(try Repository.parsedModel("seed000_cnn").analyze())
        let bottleneck = try #require(budget.bottleneck)
        #expect(bottleneck.share.layerName == "dense")
        #expect(bottleneck.share.fraction == 295_040.0 / 296_518.0)
        #expect(bottleneck.flattenIndex == 2)
        #expect(bottleneck.flattenedImage == .image(height: 24, width: 24, channels: 4))
        #expect(bottleneck.remedies.map(\.kind) == [.maxPoolingBeforeFlatten, .convolutionStageBeforeFlatten,
                                                    .narrowerLayer])
        // Pooled: 12·12·4 = 576 inputs, 576·128 + 128 = 73,856; model 40 + 148 + 73,856 + 1,290 = 75,334.
        let pooled = bottleneck.remedies[0]
        #expect(pooled.bottleneck.parameterCount == 73_856)
        #expect(pooled.parameterCount == 75_334)
        // Conv stage without activation (copied from the last conv): 24 → 22 → 20 → pool 10; convs 2·(9·4·4 + 4);
        // dense 400·128 + 128 = 51,328; model 40 + 148 + 296 + 51,328 + 1,290 = 53,102.
        #expect(bottleneck.remedies[1].parameterCount == 53_102)
        // Narrower: dense 64 → 2,304·64 + 64 = 147,520 and dense_1 64·10 + 10 = 650: 148,358.
        #expect(bottleneck.remedies[2].parameterCount == 148_358)
    }

    /// qiita_cnn1 at n = 32: 64 channels allow global pooling: dense 64·128 + 128 = 8,320, model 28,426.
    @Test func globalPoolingWithEnoughChannels() throws {
        let budget = ParameterBudget(try Repository.parsedModel("qiita_cnn1", ["n": 32]).analyze())
        let remedy = try #require(budget.bottleneck?.remedies.first { $0.kind == .globalAveragePoolingInsteadOfFlatten })
        #expect(remedy.bottleneck.parameterCount == 8_320)
        #expect(remedy.parameterCount == 28_426)
    }

    /// When the bottleneck is the output layer, its width is the class count: narrow the last convolution.
    /// qiita_cnn2 at n = 2: conv2d_3 4 → 2 filters, dense reads 4·4·2 = 32 inputs: 330; model 538.
    @Test func outputLayerBottleneckNarrowsTheLastConvolution() throws {
        let budget = ParameterBudget(try Repository.parsedModel("qiita_cnn2", ["n": 2]).analyze())
        let remedy = try #require(budget.bottleneck?.remedies.first { $0.kind == .narrowerLayer })
        // conv2d_3 is layer 4 (conv, conv, pool, conv, conv).
        let narrowed = Conv2D(filters: 2, kernelSize: Size2(square: 3), activation: .relu)
        #expect(remedy.change == .replace(4, with: LayerSpec(.conv2D(narrowed))))
        #expect(remedy.bottleneck.parameterCount == 330)
        #expect(remedy.parameterCount == 538)
    }

    /// A vector input has no image to pool: only the narrower layer applies (qiita_mlp, 784·64 + 64 = 50,240).
    @Test func vectorInputGetsOnlyTheWidthHint() throws {
        let budget = ParameterBudget(try Repository.parsedModel("qiita_mlp", ["n": 64]).analyze())
        #expect(budget.bottleneck?.share.parameterCount == 50_240)
        #expect(budget.bottleneck?.flattenIndex == nil)
        #expect(budget.bottleneck?.remedies.map(\.kind) == [.narrowerLayer])
    }

    /// Dropout between Flatten and Dense does not hide the Flatten.
    @Test func flattenFoundThroughDropout() throws {
        let budget = try Self.budget("""
            input 28x28x1
            conv2d 32 3 relu
            flatten
            dropout 0.5
            dense 128 relu
            dense 10
            """)
        #expect(budget.bottleneck?.share.layerName == "dense")
        #expect(budget.bottleneck?.flattenIndex == 1)
        #expect(budget.bottleneck?.remedies.map(\.kind).contains(.globalAveragePoolingInsteadOfFlatten) == true)
    }

    /// Exactly half is not "most": two dense layers of 8·8 + 8 = 72 parameters each have no bottleneck.
    @Test func halfIsNotABottleneck() throws {
        let budget = try Self.budget("""
            input 8
            dense 8 relu
            dense 8
            """)
        #expect(budget.bottleneck == nil)
        #expect(budget.largestShare?.layerName == "dense")
        #expect(budget.largestShare?.fraction == 0.5)
    }

    @Test func modelWithoutParameters() throws {
        let budget = try Self.budget("""
            input 4x4x1
            maxpool2d 2
            flatten
            """)
        #expect(budget.bottleneck == nil)
        #expect(budget.shares.allSatisfy { $0.fraction == 0 })
        #expect(budget.largestShare?.parameterCount == 0)
    }
}
