// `pare export`'s scripts: generation snapshots for both frameworks (re-recorded only with
// PARE_RECORD_SNAPSHOTS=1; the depthwise scripts were also run by hand against `pare evaluate`), Keras's 'same'
// padding amounts, Python literals, and the models refused for now.

import Testing
import PareModel
@testable import PareReport
import PareTestSupport

@Suite struct PythonExportTests {
    /// Every layer kind the exporter writes, with the layouts that need care: asymmetric 'same' padding on a
    /// strided convolution (28 → 14 with a 5x5 window pads 1 above, 2 below), same-padded average and max
    /// pooling, a symmetric 'same' convolution, and BatchNormalization and Dense on a flattened image.
    static let layersText = """
        model "export_layers"
        input 28x28x1
        conv2d 3 5 stride=2 padding=same
        batchnorm
        activation relu
        avgpool2d 2 stride=1 padding=same
        conv2d 6 3 relu padding=same bias=false
        maxpool2d 3 stride=2 padding=same
        flatten
        batchnorm momentum=0.9 epsilon=1e-05
        dropout 0.2
        dense 16 tanh bias=false
        dense 10 softmax
        """

    /// The layers a `separable` search move brings, with the layouts that need care: a depthwise convolution with
    /// multiplier 2, stride 2 and asymmetric 'same' padding (14 → 7 with a 3x3 window pads 0 above, 1 below), an
    /// asymmetric zero padding, ReLU6 as a layer and as another cap, a fused ReLU on a depthwise convolution, and
    /// a Flatten after them that still needs the channels-last reorder.
    static let depthwiseText = """
        model "export_depthwise"
        input 28x28x1
        conv2d 4 5 stride=2 padding=same bias=false
        relu max=6
        depthwiseconv2d 3 stride=2 padding=same multiplier=2
        batchnorm
        relu
        zeropad2d top=1 bottom=0 left=2 right=1
        depthwiseconv2d 3 relu bias=false
        relu max=4.5
        flatten
        dense 10 softmax
        """

    static func export(_ analysis: ModelAnalysis, _ framework: ExportFramework, weights: String) -> PythonExport {
        PythonExport(analysis: analysis, framework: framework, weightsPath: weights, dataFolder: "/data/mnist",
                     datasetName: "mnist", source: "model.pare", pareVersion: "0.1.0")
    }

    @Test(arguments: ExportFramework.allCases)
    func qiitaCNN2Script(framework: ExportFramework) throws {
        let analysis = try Repository.parsedModel("qiita_cnn2", ["n": 2]).analyze()
        Snapshot.expect(try Self.export(analysis, framework, weights: "qiita_cnn2.safetensors").render(),
                        matches: "export-qiita_cnn2.\(framework.rawValue).py")
    }

    @Test(arguments: ExportFramework.allCases)
    func everyExportedLayerKind(framework: ExportFramework) throws {
        let analysis = try ParsedModel.parse(Self.layersText, path: "model.pare").analyze()
        Snapshot.expect(try Self.export(analysis, framework, weights: "weights/layers.safetensors").render(),
                        matches: "export-layers.\(framework.rawValue).py")
    }

    @Test(arguments: ExportFramework.allCases)
    func depthwiseZeroPaddingAndReLUScript(framework: ExportFramework) throws {
        let analysis = try ParsedModel.parse(Self.depthwiseText, path: "model.pare").analyze()
        Snapshot.expect(try Self.export(analysis, framework, weights: "depthwise.safetensors").render(),
                        matches: "export-depthwise.\(framework.rawValue).py")
    }

    @Test func vectorInputsAndGlobalPoolingInPyTorch() throws {
        let mlp = try Self.export(ParsedModel.parse("input 784\ndense 32 sigmoid\ndense 10\n", path: "m").analyze(),
                                  .pytorch, weights: "w").render()
        #expect(!mlp.contains("transpose(0, 3, 1, 2)"))  // a vector input stays as it is
        #expect(mlp.contains(#"("dense_sigmoid", nn.Sigmoid()),"#))
        let pooled = try Self.export(ParsedModel.parse("input 8x8x1\nconv2d 4 3\nglobalavgpool2d\ndense 10\n", path: "m").analyze(),
                                     .pytorch, weights: "w").render()
        #expect(pooled.contains(#"("global_average_pooling2d", nn.AdaptiveAvgPool2d(1)),"#))
        #expect(pooled.contains(#"("global_average_pooling2d_flatten", nn.Flatten()),"#))
        #expect(pooled.contains(#"set_linear(model.get_submodule("dense"), tensors, "dense")"#))  // no flatten reorder
    }

    @Test func moduleNamesArePyTorchNames() throws {
        // Dots are not allowed in module names; a clash with an activation module gets a suffix.
        let analysis = try ParsedModel.parse("input 4\ndense 3 relu name=a.b\ndense 2 name=a_b_relu\n", path: "m").analyze()
        let script = try Self.export(analysis, .pytorch, weights: "w").render()
        #expect(script.contains(#"("a_b", nn.Linear(4, 3)),"#))
        #expect(script.contains(#"("a_b_relu", nn.ReLU()),"#))
        #expect(script.contains(#"("a_b_relu_2", nn.Linear(3, 2)),"#))
        #expect(script.contains(#"set_linear(model.get_submodule("a_b_relu_2"), tensors, "a_b_relu")"#))
    }

    @Test(arguments: [
        // (input size, window, stride) → (before, after), by hand: out = ceil(in / s), total = (out-1)·s + k - in.
        (28, 5, 2, 1, 2),  // out 14, total 13·2 + 5 - 28 = 3
        (14, 2, 1, 0, 1),  // out 14, total 13 + 2 - 14 = 1
        (12, 3, 2, 0, 1),  // out 6, total 5·2 + 3 - 12 = 1
        (28, 3, 1, 1, 1),  // out 28, total 2
        (7, 2, 2, 0, 1),   // out 4, total 3·2 + 2 - 7 = 1
        (8, 1, 3, 0, 0),   // out 3, total 2·3 + 1 - 8 = -1 → 0
    ] as [(Int, Int, Int, Int, Int)])
    func samePaddingPutsTheOddRowLast(size: Int, window: Int, stride: Int, before: Int, after: Int) {
        let pads = PythonExport.samePadding(.same, input: .image(height: size, width: 1, channels: 1),
                                            window: Size2(window, 1), strides: Size2(stride, 1))
        #expect(pads.top == before && pads.bottom == after && pads.left == 0 && pads.right == 0)
        #expect(PythonExport.samePadding(.valid, input: .image(height: size, width: size, channels: 1),
                                         window: Size2(square: window), strides: Size2(square: stride)).isZero)
    }

    @Test func pythonLiterals() {
        #expect(PythonLiteral.string("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\x01""#)
        #expect([0.25, 1e-5, 1 - 0.99, 1, 0.001].map(PythonLiteral.number) == ["0.25", "1e-05", "0.01", "1.0", "0.001"])
        #expect(PythonLiteral.tuple([784]) == "(784,)")
        #expect(PythonLiteral.tuple([28, 28, 1]) == "(28, 28, 1)")
    }

    @Test func graphModelsAreRefused() throws {
        let graph = try Repository.parsedModel("mobilenetv2_notop", ["size": 32]).analyze()
        #expect(throws: ExportError.graphModel) { try Self.export(graph, .keras, weights: "w").render() }
        #expect(ExportError.graphModel.description == "export of graph models (named inputs, add) is not supported yet: "
                + "the scripts rebuild sequential models only")
        #expect(ExportError.unsupportedLayer(name: "block_1_add", className: "Add").description
                == "export of layer 'block_1_add' (Add) is not supported yet: the scripts rebuild sequential models only")
    }
}
