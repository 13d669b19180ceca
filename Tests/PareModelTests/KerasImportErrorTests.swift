// Table-driven: every Keras model Pare cannot describe gives exactly one line naming the file, the layer and its
// class, and the setting that is the problem.

import Foundation
import Testing
import PareModel

@Suite struct KerasImportErrorTests {
    /// A Keras 3 Sequential on an 8x8x2 input (or `input`) with these layer objects after its InputLayer.
    static func sequential(_ layers: String..., input: String = "[null, 8, 8, 2]") -> String {
        """
        {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "layers": [
         {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": \(input), "name": "input_layer"}}\
        \(layers.map { ", " + $0 }.joined())]}}
        """
    }

    /// A Keras 2 Functional model on a 4x4x1 input named `x`, with these layer entries and outputs.
    static func functional(_ layers: String..., inputs: String = #"[["x", 0, 0]]"#, outputs: String) -> String {
        """
        {"class_name": "Functional", "config": {"name": "model", "layers": [
         {"class_name": "InputLayer", "name": "x", "config": {"batch_input_shape": [null, 4, 4, 1], "name": "x"}, "inbound_nodes": []}\
        \(layers.map { ", " + $0 }.joined())], "input_layers": \(inputs), "output_layers": \(outputs)}}
        """
    }

    /// A Keras 2 functional layer entry fed by `inbound` (a nested list).
    static func node(_ className: String, _ name: String, _ inbound: String, config: String = "") -> String {
        #"{"class_name": "\#(className)", "name": "\#(name)", "config": {"name": "\#(name)"\#(config)}, "inbound_nodes": \#(inbound)}"#
    }

    static let conv = #""class_name": "Conv2D", "config": {"name": "conv2d", "filters": 4, "kernel_size": [3, 3]"#
    static let supported = "Activation, Add, AveragePooling2D, BatchNormalization, Conv2D, Dense, DepthwiseConv2D, Dropout, "
        + "Flatten, GlobalAveragePooling2D, InputLayer, MaxPooling2D, ReLU, ZeroPadding2D"

    /// (JSON text, the exact message).
    static let cases: [(String, String)] = [
        // Layers Pare cannot describe.
        (sequential(#"{"class_name": "Lambda", "config": {"name": "lambda", "function": "…"}}"#),
         "m.json: error: layer 'lambda' (Lambda): Pare cannot describe this layer class (it describes \(supported))"),
        (sequential(#"{"class_name": "Conv1D", "config": {"name": "conv1d"}}"#),
         "m.json: error: layer 'conv1d' (Conv1D): Pare cannot describe this layer class (it describes \(supported))"),
        (sequential(#"{"class_name": "Sequential", "config": {"name": "inner", "layers": []}}"#),
         "m.json: error: layer 'inner' (Sequential): a model used as a layer is not supported; import that model on its own"),
        (sequential(#"{"class_name": "InputLayer", "config": {"name": "again", "batch_shape": [null, 8, 8, 2]}}"#),
         "m.json: error: layer 'again' (InputLayer): an InputLayer after the first layer of a Sequential model"),
        // Settings Pare cannot represent.
        (sequential("{\(conv), \"data_format\": \"channels_first\"}}"),
         "m.json: error: layer 'conv2d' (Conv2D): data_format 'channels_first' is not supported: Pare describes channels-last models"),
        (sequential("{\(conv), \"dilation_rate\": [2, 2]}}"),
         "m.json: error: layer 'conv2d' (Conv2D): dilation_rate [2, 2] is not supported: Pare's convolutions are not dilated"),
        (sequential("{\(conv), \"groups\": 2}}"),
         "m.json: error: layer 'conv2d' (Conv2D): groups 2 is not supported: Pare's convolutions have one group"),
        (sequential("{\(conv), \"padding\": \"causal\"}}"),
         "m.json: error: layer 'conv2d' (Conv2D): padding 'causal' is not supported: Pare pads 'valid' or 'same'"),
        (sequential("{\(conv), \"activation\": \"gelu\"}}"),
         "m.json: error: layer 'conv2d' (Conv2D): activation 'gelu' is not supported: Pare has linear, relu, sigmoid, tanh, softmax"),
        (sequential("{\(conv), \"dtype\": {\"module\": \"keras\", \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"mixed_float16\"}}}}"),
         "m.json: error: layer 'conv2d' (Conv2D): dtype 'mixed_float16' is not supported: Pare counts and computes in float32"),
        (sequential(#"{"class_name": "Flatten", "config": {"name": "flatten"}}, {"class_name": "Dense", "config": {"name": "dense", "units": 3, "lora_rank": 4}}"#),
         "m.json: error: layer 'dense' (Dense): lora_rank 4 is not supported: Pare has no LoRA adapters"),
        (sequential(#"{"class_name": "BatchNormalization", "config": {"name": "bn", "axis": 1}}"#),
         "m.json: error: layer 'bn' (BatchNormalization): axis 1 is not supported: Pare normalises the last (channel) axis"),
        (sequential(#"{"class_name": "BatchNormalization", "config": {"name": "bn", "center": false}}"#),
         "m.json: error: layer 'bn' (BatchNormalization): center False is not supported: Pare's batch normalisation learns both gamma and beta"),
        (sequential(#"{"class_name": "BatchNormalization", "config": {"name": "bn", "renorm": true}}"#),
         "m.json: error: layer 'bn' (BatchNormalization): renorm True is not supported: Pare has no batch renormalisation"),
        (sequential(#"{"class_name": "ReLU", "config": {"name": "leaky", "negative_slope": 0.1}}"#),
         "m.json: error: layer 'leaky' (ReLU): negative_slope 0.1 is not supported: Pare's ReLU has no leak"),
        (sequential(#"{"class_name": "Dropout", "config": {"name": "drop", "rate": 0.5, "noise_shape": [null, 1, 1, 2]}}"#),
         "m.json: error: layer 'drop' (Dropout): noise_shape [None, 1, 1, 2] is not supported: Pare's dropout drops single elements"),
        (sequential(#"{"class_name": "GlobalAveragePooling2D", "config": {"name": "gap", "keepdims": true}}"#),
         "m.json: error: layer 'gap' (GlobalAveragePooling2D): keepdims True is not supported: Pare's global pooling outputs a vector"),
        // Malformed values.
        (sequential(#"{"class_name": "Flatten", "config": {"name": "flatten"}}, {"class_name": "Dense", "config": {"name": "dense", "units": "ten"}}"#),
         "m.json: error: layer 'dense' (Dense): expected a positive integer for 'units', found 'ten'"),
        (sequential(#"{"class_name": "Flatten", "config": {"name": "flatten"}}, {"class_name": "Dense", "config": {"name": "dense"}}"#),
         "m.json: error: layer 'dense' (Dense): the config has no 'units'"),
        (sequential(#"{"class_name": "Conv2D", "config": {"name": "conv2d", "filters": 4, "kernel_size": [3]}}"#),
         "m.json: error: layer 'conv2d' (Conv2D): expected a positive integer or a pair of them for 'kernel_size', found [3]"),
        (sequential(#"{"class_name": "ZeroPadding2D", "config": {"name": "pad", "padding": [1, 2, 3]}}"#),
         "m.json: error: layer 'pad' (ZeroPadding2D): expected n, [rows, columns] or [[top, bottom], [left, right]] of integers ≥ 0 "
            + "for 'padding', found [1, 2, 3]"),
        (sequential(#"{"class_name": "Dropout", "config": {"name": "drop", "rate": 1.0}}"#),
         "m.json: error: layer 'drop' (Dropout): expected a rate in [0, 1) for 'rate', found 1.0"),
        (sequential(#"{"class_name": "Activation", "config": {"name": "act"}}"#),
         "m.json: error: layer 'act' (Activation): the config has no 'activation'"),
        (sequential(#"{"class_name": "Flatten", "config": {"name": "my flatten"}}"#),
         "m.json: error: layer 'my flatten' (Flatten): layer name 'my flatten' cannot be written in a .pare file "
            + "(letters, digits, '_', '.', '-', starting with a letter or '_')"),
        (sequential(#"{"config": {"name": "dense"}}"#), "m.json: error: malformed Keras model: layer #1 has no 'class_name'"),
        // Inputs.
        (sequential(#"{"class_name": "Flatten", "config": {"name": "flatten"}}"#, input: "[null, 28, 28]"),
         "m.json: error: input shape (None, 28, 28) is not supported: Pare takes images (None, H, W, C) and vectors (None, N)"),
        (sequential(#"{"class_name": "Flatten", "config": {"name": "flatten"}}"#, input: "[null, null, null, 3]"),
         "m.json: error: input shape (None, None, None, 3) is not supported: every dimension but the batch must be a known positive size"),
        (#"{"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense", "config": {"units": 2}}]}}"#,
         "m.json: error: the model has no input shape (no InputLayer, batch_input_shape or build shape); save it after building"),
        (sequential(), "m.json: error: the model has no layers"),
        // Not a model at all.
        ("{", "m.json: error: not a Keras model: invalid JSON at byte 1: expected a string key"),
        (#"{"class_name": "Sequential", "config": {"layers": [1,]}}"#, "m.json: error: not a Keras model: invalid JSON at byte 53: unexpected character"),
        ("[]", "m.json: error: expected a Keras Sequential or Functional model, found an array"),
        (#"{"class_name": "Dense", "config": {"units": 3}}"#, "m.json: error: expected a Keras Sequential or Functional model, found class 'Dense'"),
        (#"{"config": {}}"#, "m.json: error: expected a Keras Sequential or Functional model, found an object without 'class_name'"),
        // Graphs Pare cannot follow.
        (functional(node("Conv2D", "a", #"[[["x", 0, 0, {}]]]"#, config: #", "filters": 1, "kernel_size": 1"#),
                    node("Conv2D", "b", #"[[["x", 0, 0, {}]]]"#, config: #", "filters": 1, "kernel_size": 1"#),
                    outputs: #"[["a", 0, 0], ["b", 0, 0]]"#),
         "m.json: error: the model has 2 outputs; Pare models have one"),
        (functional(node("Conv2D", "a", #"[[["x", 0, 0, {}]]]"#, config: #", "filters": 1, "kernel_size": 1"#),
                    inputs: #"[["x", 0, 0], ["y", 0, 0]]"#, outputs: #"[["a", 0, 0]]"#),
         "m.json: error: the model has 2 inputs; Pare models have one"),
        (functional(node("Conv2D", "a", #"[[["x", 0, 0, {}]]]"#, config: #", "filters": 1, "kernel_size": 1"#),
                    node("Flatten", "f", #"[[["a", 0, 0, {}]]]"#), outputs: #"[["a", 0, 0]]"#),
         "m.json: error: the output layer 'a' is not the last layer of the config; Pare models end with their output"),
        (functional(node("Conv2D", "a", #"[[["x", 0, 0, {}]], [["x", 0, 0, {}]]]"#, config: #", "filters": 1, "kernel_size": 1"#),
                    outputs: #"[["a", 0, 0]]"#),
         "m.json: error: layer 'a' (Conv2D): the layer is called 2 times; Pare models use each layer once"),
        (functional(node("Conv2D", "a", #"[[["x", 1, 0, {}]]]"#, config: #", "filters": 1, "kernel_size": 1"#),
                    outputs: #"[["a", 0, 0]]"#),
         "m.json: error: layer 'a' (Conv2D): input ['x', 1, 0] is not supported: Pare layers take the one output of a layer called once"),
        (functional(#"{"class_name": "Conv2D", "config": {"filters": 1, "kernel_size": 1}, "inbound_nodes": [[["x", 0, 0, {}]]]}"#,
                    outputs: "[]"),
         "m.json: error: layer '#1' (Conv2D): malformed Keras model: a functional layer without a name"),
    ]

    @Test(arguments: cases.indices)
    func errorIsOneExactLine(index: Int) {
        let (json, message) = Self.cases[index]
        let error = #expect(throws: KerasImportError.self) { try KerasFixtures.parse(json) }
        #expect(error?.description == message, "case \(index)")
    }

    @Test func unreadableFilesAndArchives() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pare-keras-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func message(_ name: String, _ bytes: [UInt8]?) -> String? {
            let path = folder.appendingPathComponent(name).path
            if let bytes { _ = FileManager.default.createFile(atPath: path, contents: Data(bytes)) }
            do {
                _ = try KerasFixtures.load(path: path)
                return nil
            } catch {
                return String(describing: error).replacingOccurrences(of: folder.path + "/", with: "")
            }
        }
        #expect(message("missing.json", nil) == "missing.json: error: no such file")
        // A zip's local header magic, then nothing: no end of central directory record.
        #expect(message("cut.keras", [0x50, 0x4B, 0x03, 0x04, 0, 0]) == "cut.keras: error: not a .keras archive: no end of central directory record (not a zip file)")
        // HDF5's 8-byte signature, whatever the extension.
        #expect(message("model.h5", [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A, 0])
                == "model.h5: error: Keras HDF5 files are not read; save the architecture with model.to_json() or the model as .keras")
        // An empty archive (only the 22-byte end record): no config.json.
        #expect(message("empty.keras", [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
                == "empty.keras: error: the .keras archive has no config.json")
        // A DEFLATE member reaches the inflater, whose failure is reported with the member's name.
        let deflated = try [UInt8](Data(contentsOf: URL(fileURLWithPath: KerasFixtures.path("keras3/qiita_cnn2_2_deflated.keras"))))
        #expect(message("deflated.keras", deflated)
                == "deflated.keras: error: not a .keras archive: metadata.json: no DEFLATE decoder in PareModelTests")
    }
}
