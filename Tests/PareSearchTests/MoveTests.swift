// Each move is a pure spec → spec function; these pin down exactly what it does on the seed models.

import Testing
import PareModel
import PareSearch
import PareTestSupport

@Suite struct MoveTests {
    func model(_ name: String, _ overrides: [String: Int] = [:]) throws -> ModelSpec {
        try Repository.parsedModel(name, overrides).spec
    }

    @Test func inputPoolingIsTheQiitaPoolMLP() throws {
        // qiita_poolmlp is exactly seed000-style flatten MLP with a 2x2 max pool in front.
        let mlp = try ParsedModel.parse("input 28x28x1\nflatten\ndense 64 relu\ndense 64 relu\ndense 10 softmax\n", path: "t").spec
        #expect(mlp.withInputPooling()?.layers == (try model("qiita_poolmlp", ["n": 64]).layers))
        #expect(try model("qiita_mlp").withInputPooling() == nil)  // a 784 vector is not an image
        #expect(try model("qiita_poolmlp").withInputPooling() == nil)  // already pooled
    }

    @Test func convStagePlusDropDenseTurnsCNN1IntoCNN2() throws {
        // conv n, conv 2n, pool, flatten, dense 4n, dense 10 → conv n, conv 2n, pool, conv 2n, conv 2n, pool, flatten, dense 10
        let moved = try model("qiita_cnn1", ["n": 2]).withConvStage()?.droppingLastHiddenDense()
        #expect(moved?.hiddenWidths == [2, 4, 4, 4])
        #expect(moved?.settingHiddenWidths([2, 2, 4, 4]).layers == (try model("qiita_cnn2", ["n": 2]).layers))
        // The stage takes the width and activation of the last convolution.
        #expect(try model("seed000_cnn").withConvStage()?.hiddenWidths == [4, 4, 4, 4, 128])
    }

    @Test func dropDenseRemovesTheHiddenDenseNearestTheOutputWithItsDropout() throws {
        let dropped = try model("seed004_fc1").droppingLastHiddenDense()
        #expect(dropped?.layers.map(\.kind.kerasClassName) == ["Flatten", "Dense"])
        #expect(try model("qiita_mlp").droppingLastHiddenDense()?.hiddenWidths == [64])
        #expect(try model("qiita_cnn2").droppingLastHiddenDense() == nil)
    }

    @Test func gapReplacesFlatten() throws {
        let gap = try model("qiita_cnn2", ["n": 2]).withGlobalAveragePooling()
        #expect(gap.map { try? ModelAnalysis($0).parameterCount } == 20 + 38 + 76 + 148 + 50)
        #expect(try model("qiita_mlp").withGlobalAveragePooling() == nil)
    }

    @Test func widthSlotsSkipTheOutputLayer() throws {
        let spec = try model("qiita_cnn1", ["n": 32])
        #expect(spec.hiddenWidths == [32, 64, 128])
        #expect(spec.scalingHiddenWidths(by: 1.0 / 16).hiddenWidths == [2, 4, 8])
        #expect(spec.scalingHiddenWidths(by: 0.001).hiddenWidths == [1, 1, 1])
        #expect(narrowerWidth(1) == nil && narrowerWidth(4) == 3 && narrowerWidth(8) == 6 && narrowerWidth(5) == 4)
    }

    @Test func familiesOfTheKerasTutorialCNN() throws {
        let families = Family.enumerate(base: try model("qiita_cnn1"), moves: Set(SearchMove.allCases))
        let names = families.map(\.name)
        #expect(names.first == "base")
        #expect(names.contains("conv-stage+drop-dense"))
        #expect(names.contains("input-pool"))
        #expect(Set(names).count == names.count)
        // Every family is a valid model.
        for family in families { #expect((try? ModelAnalysis(family.spec)) != nil, "\(family.name)") }
        // The ladder is fine at the small end: widths 1, 2, 3, 4, 6, 8, … of the narrowest layer.
        let members = families[0].levels(measure: .params, scaleWidths: true)
        #expect(members.prefix(4).map(\.widths) == [[1, 2, 4], [2, 4, 8], [3, 6, 12], [4, 8, 16]])
        #expect(members.last?.parameterCount == 1_199_882)
        #expect(zip(members, members.dropFirst()).allSatisfy { $0.parameterCount < $1.parameterCount })
    }

    @Test func hiddenActivationsAreReplacedButTheOutputKeepsSoftmax() throws {
        let sigmoid = try model("qiita_cnn1", ["n": 2]).replacingHiddenActivations(with: .sigmoid)
        #expect(sigmoid.layers.compactMap(\.kind.activation) == [.sigmoid, .sigmoid, .sigmoid, .softmax])
        let seed000 = try model("seed000_cnn").replacingHiddenActivations(with: .tanh)
        #expect(seed000.layers.compactMap(\.kind.activation) == [.linear, .linear, .tanh, .linear])
    }
}

@Suite struct SeparableMoveTests {
    @Test func separableReplacesMultiChannelConvolutions() throws {
        let spec = try Repository.parsedModel("qiita_cnn2", ["n": 2]).spec.withSeparableConvolutions()
        let kinds = spec?.layers.map(\.kind.kerasClassName)
        // The first convolution reads one channel and stays; the three others become depthwise + pointwise.
        #expect(kinds == ["Conv2D", "DepthwiseConv2D", "Conv2D", "MaxPooling2D", "DepthwiseConv2D", "Conv2D",
                          "DepthwiseConv2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense"])
        // 20 + (9·2 + 2 + 2·2 + 2) + (18 + 2 + 2·4 + 4) + (36 + 4 + 16 + 4) + 650 = 20 + 26 + 32 + 60 + 650 = 788
        // (the full model has 932: conv 2→2 is 38, 2→4 is 76, 4→4 is 148).
        #expect(spec.map { try? ModelAnalysis($0).parameterCount } == 788)
        #expect(spec?.hiddenWidths == [2, 2, 4, 4])  // the pointwise convolutions carry the widths
        #expect(try Repository.parsedModel("qiita_mlp").spec.withSeparableConvolutions() == nil)
    }
}
