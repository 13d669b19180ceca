// Keras model files import to the right specs: real Keras 3 `to_json()` output of the seed models and MobileNetV2
// equals their .pare files; every layer kind, both Keras generations, Sequential and Functional, `.keras`
// archives; and the .pare text written for an import reads back as the same model.

import Testing
import PareModel
import PareTestSupport

@Suite struct KerasImportTests {
    @Test(arguments: KerasFixtures.seedModels.map(\.golden))
    func seedModelsImportAsTheirPareFiles(golden: String) throws {
        let seed = try #require(KerasFixtures.seedModels.first { $0.golden == golden })
        var expected = try Repository.parsedModel(seed.file, seed.overrides).spec
        expected.name = nil  // the .pare files name their models; the Keras fixtures are unnamed Sequentials
        let model = try KerasFixtures.load("keras3/\(golden).json")
        #expect(model.spec == expected)
        #expect(model.format == .keras3)
        #expect(model.modelClass == "Sequential")
    }

    @Test func mobileNetV2ImportsAsItsPareFile() throws {
        let model = try KerasFixtures.load("keras3/mobilenetv2.json")
        #expect(model.spec == (try Repository.parsedModel("mobilenetv2").spec))
        #expect(model.modelClass == "Functional")
        #expect(try model.parsedModel.analyze().parameterCount == 3_538_984)  // params_mobilenetv2.json
    }

    /// keras3/every_layer.json (see make_keras3_fixtures.py, `every_layer()`), written out by hand.
    static let everyLayer = ModelSpec(
        name: "every_layer", inputShape: .image(height: 12, width: 12, channels: 3), inputName: "pixels", layers: [
            LayerSpec(.conv2D(Conv2D(filters: 8, kernelSize: Size2(square: 3), strides: Size2(square: 2), padding: .same,
                                     useBias: false)), name: "stem"),
            LayerSpec(.batchNormalization(BatchNormalization(momentum: 0.9, epsilon: 1e-5)), name: "stem_bn", trainable: false),
            LayerSpec(.reLU(ReLU(maxValue: 6)), name: "stem_relu"),
            LayerSpec(.zeroPadding2D(ZeroPadding2D(top: 1, bottom: 1, left: 1, right: 1)), name: "pad_int"),
            LayerSpec(.depthwiseConv2D(DepthwiseConv2D(kernelSize: Size2(square: 3), activation: .relu)), name: "dw"),
            LayerSpec(.add, name: "residual", inputs: ["stem_relu", "dw"]),
            LayerSpec(.zeroPadding2D(ZeroPadding2D(top: 1, bottom: 1, left: 2, right: 2)), name: "pad_pair"),
            LayerSpec(.depthwiseConv2D(DepthwiseConv2D(kernelSize: Size2(3, 5), depthMultiplier: 2, useBias: false)),
                      name: "dw_multiplier"),
            LayerSpec(.zeroPadding2D(ZeroPadding2D(top: 0, bottom: 1, left: 1, right: 0)), name: "pad_pairs"),
            LayerSpec(.averagePooling2D(Pooling2D(poolSize: Size2(square: 2), strides: Size2(square: 1), padding: .same)),
                      name: "avg"),
            LayerSpec(.maxPooling2D(Pooling2D(poolSize: Size2(square: 3), strides: Size2(square: 2))), name: "max"),
            LayerSpec(.activation(.tanh), name: "tanh"),
            LayerSpec(.globalAveragePooling2D, name: "gap"),
            LayerSpec(.dropout(Dropout(rate: 0.3)), name: "drop"),
            LayerSpec(.dense(Dense(units: 10, activation: .softmax)), name: "head"),
        ])

    @Test func everyLayerKindFunctional() throws {
        let model = try KerasFixtures.load("keras3/every_layer.json")
        #expect(model.spec == Self.everyLayer)
        #expect(model.modelClass == "Functional")
    }

    @Test func everyLayerKindSequential() throws {
        // Keras's generated names equal Pare's, so none is written out; the Dense(12) is frozen.
        let expected = ModelSpec(name: "every_layer_sequential", inputShape: .image(height: 10, width: 10, channels: 2), layers: [
            LayerSpec(.conv2D(Conv2D(filters: 3, kernelSize: Size2(3, 2), strides: Size2(1, 2), activation: .relu))),
            LayerSpec(.batchNormalization(BatchNormalization())),
            LayerSpec(.reLU(ReLU())),
            LayerSpec(.maxPooling2D(Pooling2D(poolSize: Size2(2, 1), padding: .same))),
            LayerSpec(.averagePooling2D(Pooling2D(poolSize: Size2(square: 2)))),
            LayerSpec(.flatten),
            LayerSpec(.dense(Dense(units: 12, activation: .sigmoid, useBias: false)), trainable: false),
            LayerSpec(.activation(.relu)),
            LayerSpec(.dropout(Dropout(rate: 0.5))),
            LayerSpec(.dense(Dense(units: 4))),
        ])
        #expect(try KerasFixtures.load("keras3/every_layer_sequential.json").spec == expected)
    }

    @Test func aFunctionalChainStaysFunctional() throws {
        // One explicit input keeps it a graph, which Keras lists with its InputLayer row.
        let expected = ModelSpec(inputShape: .image(height: 28, width: 28, channels: 1), inputName: "input_layer", layers: [
            LayerSpec(.conv2D(Conv2D(filters: 2, kernelSize: Size2(square: 3), activation: .relu)), inputs: ["input_layer"]),
            LayerSpec(.flatten),
            LayerSpec(.dense(Dense(units: 10))),
        ])
        let model = try KerasFixtures.load("keras3/functional_chain.json")
        #expect(model.spec == expected)
        #expect(model.spec.isGraph && model.spec.displayName == "functional")
    }

    @Test func keras2FilesImportLikeKeras3() throws {
        let functional = try KerasFixtures.load("keras2/every_layer.json")
        #expect(functional.spec == Self.everyLayer)
        #expect(functional.format == .keras2 && functional.kerasVersion == "2.13.1" && functional.modelClass == "Functional")

        var cnn = try Repository.parsedModel("qiita_cnn2", ["n": 2]).spec
        cnn.name = nil
        #expect(try KerasFixtures.load("keras2/qiita_cnn2_2.json").spec == cnn)

        // Keras 2.1: a list config, batch_input_shape on the Flatten, 1-based names kept as written.
        let legacy = ModelSpec(inputShape: .image(height: 28, width: 28, channels: 1), layers: [
            LayerSpec(.flatten, name: "flatten_1"),
            LayerSpec(.dense(Dense(units: 128, activation: .relu)), name: "dense_1"),
            LayerSpec(.dense(Dense(units: 10)), name: "dense_2"),
        ])
        let model = try KerasFixtures.load("keras2/seed000_mlp_128_legacy.json")
        #expect(model.spec == legacy)
        #expect(model.kerasVersion == "2.1.6")
    }

    @Test func kerasArchiveHoldsTheSameModel() throws {
        let archive = try KerasFixtures.load("keras3/qiita_cnn2_2.keras")
        #expect(archive.spec == (try KerasFixtures.load("keras3/qiita_cnn2_2.json").spec))
        #expect(archive.kerasVersion == "3.15.1")  // from the archive's metadata.json
    }

    static let allFixtures = KerasFixtures.seedModels.map { "keras3/\($0.golden).json" } + [
        "keras3/mobilenetv2.json", "keras3/every_layer.json", "keras3/every_layer_sequential.json",
        "keras3/functional_chain.json", "keras3/qiita_cnn2_2.keras", "keras2/every_layer.json", "keras2/qiita_cnn2_2.json",
        "keras2/seed000_mlp_128_legacy.json",
    ]

    @Test(arguments: allFixtures)
    func pareTextReadsBackAsTheSameModel(fixture: String) throws {
        let model = try KerasFixtures.load(fixture)
        let reread = try ParsedModel.parse(model.pareText, path: "imported.pare")
        #expect(reread.spec == model.spec)
        #expect(try reread.analyze() == (try model.parsedModel.analyze()))
        #expect(model.pareText.hasPrefix("# Imported by `pare import` from \(KerasFixtures.path(fixture)) ("))
    }

    @Test func trainingOnlySettingsAreIgnored() throws {
        // Regularizers, constraints, initializers and seeds change training, not the model.
        let model = try KerasFixtures.parse("""
            {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
             {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "name": "in"}},
             {"class_name": "Dense", "config": {"name": "dense", "units": 3, "kernel_regularizer": {"class_name": "L2",
              "config": {"l2": 0.01}}, "activity_regularizer": {"class_name": "L1", "config": {"l1": 0.1}},
              "kernel_constraint": {"class_name": "MaxNorm", "config": {"max_value": 2}},
              "kernel_initializer": {"class_name": "HeNormal", "config": {"seed": 7}}}},
             {"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.5, "seed": 3}}]}}
            """)
        #expect(model.spec == ModelSpec(inputShape: .vector(4), layers: [LayerSpec(.dense(Dense(units: 3))),
                                                                           LayerSpec(.dropout(Dropout(rate: 0.5)))]))
    }

    @Test func aFrozenModelFreezesEveryLayer() throws {
        let model = try KerasFixtures.parse("""
            {"module": "keras", "class_name": "Sequential", "config": {"name": "base", "trainable": false, "layers": [
             {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 4, 4, 1], "name": "input_layer"}},
             {"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true, "filters": 2,
              "kernel_size": 3, "activation": {"module": "keras.activations", "class_name": "function", "config": "relu"}}}]}}
            """)
        #expect(model.spec == ModelSpec(name: "base", inputShape: .image(height: 4, width: 4, channels: 1), layers: [
            LayerSpec(.conv2D(Conv2D(filters: 2, kernelSize: Size2(square: 3), activation: .relu)), trainable: false)]))
    }

    @Test func namesPareWouldGenerateAreLeftImplicit() throws {
        // `dense_1` is not what Pare generates for the first Dense, so it is kept; the second Dense's `dense` is
        // what Pare generates for it (explicit names do not advance the count), so it is left implicit.
        let model = try KerasFixtures.parse("""
            {"class_name": "Sequential", "config": {"layers": [
             {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4]}},
             {"class_name": "Dense", "config": {"name": "dense_1", "units": 3}},
             {"class_name": "Dense", "config": {"name": "dense", "units": 2}}]}}
            """)
        #expect(model.spec.layers.map(\.name) == ["dense_1", nil])
        #expect(model.spec.resolvedLayerNames == ["dense_1", "dense"])
    }
}
