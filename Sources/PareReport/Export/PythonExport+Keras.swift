// The Keras half of an exported script: a keras.Sequential with Pare's layer names, whose weights load from the
// safetensors file as stored (Pare writes Keras layouts), and the evaluation.

import PareModel

extension PythonExport {
    /// The Keras parts of the script.
    func kerasCode() -> FrameworkCode {
        var lines = ["keras.Input(shape=\(PythonLiteral.tuple(analysis.inputShape.dimensions)))"]
        var loads: [String] = []
        for layer in analysis.layers {
            let (constructor, weights) = Self.kerasLayer(layer.spec.kind)
            let arguments = constructor.arguments + ["name=\(PythonLiteral.string(layer.name))"]
            lines.append("layers.\(constructor.className)(\(arguments.joined(separator: ", ")))")
            if !weights.isEmpty {
                let suffixes = weights.map { PythonLiteral.string($0) }.joined(separator: ", ")
                loads.append("set_layer(model, tensors, \(PythonLiteral.string(layer.name)), [\(suffixes)])")
            }
        }
        let name = analysis.spec.name.map { ", name=\(PythonLiteral.string($0))" } ?? ""
        let definitions = #"""
            def set_layer(model, tensors, name, suffixes):
                """Sets a layer's weights from the tensors name/suffix, checked against the layer's own shapes."""
                layer = model.get_layer(name)
                layer.set_weights([take(tensors, name + "/" + suffix, weight.shape) for suffix, weight in zip(suffixes, layer.weights)])


            def build_model():
                """The network as Keras layers, named as in Pare so that the weights' names match."""
                return keras.Sequential([
            \#(lines.map { "        \($0)," }.joined(separator: "\n"))
                ]\#(name))


            def load_weights(model, tensors):
                """Sets every layer's weights; Pare saved them in Keras's layouts, so they load as stored."""
            \#(loads.map { "    " + $0 }.joined(separator: "\n"))
            """#
        let evaluation = """
            predictions = model.predict(inputs, batch_size=1000, verbose=0).argmax(axis=1)
            correct = int((predictions == labels).sum())
            """
        return FrameworkCode(imports: PythonSupport.imports(standardLibrary: [], framework: ["import keras", "from keras import layers"]),
                             definitions: definitions, main: mainFunction(evaluation: evaluation))
    }

    /// The Keras constructor of a layer kind (class and arguments other than `name`, defaults left out) and the
    /// suffixes of its weights in Keras's order.
    private static func kerasLayer(_ kind: LayerKind) -> (constructor: (className: String, arguments: [String]), weights: [String]) {
        func size(_ size: Size2) -> String { PythonLiteral.tuple([size.height, size.width]) }
        func activation(_ activation: Activation) -> [String] {
            activation == .linear ? [] : ["activation=\(PythonLiteral.string(activation.rawValue))"]
        }
        func window(_ kernelSize: Size2, _ strides: Size2, _ padding: Padding) -> [String] {
            [size(kernelSize)] + (strides == Size2(square: 1) ? [] : ["strides=\(size(strides))"])
                + (padding == .valid ? [] : ["padding=\(PythonLiteral.string(padding.rawValue))"])
        }
        let className = kind.kerasClassName
        switch kind {
        case .dense(let dense):
            return ((className, ["\(dense.units)"] + activation(dense.activation) + (dense.useBias ? [] : ["use_bias=False"])),
                    dense.useBias ? ["kernel", "bias"] : ["kernel"])
        case .conv2D(let conv):
            return ((className, ["\(conv.filters)"] + window(conv.kernelSize, conv.strides, conv.padding)
                        + activation(conv.activation) + (conv.useBias ? [] : ["use_bias=False"])),
                    conv.useBias ? ["kernel", "bias"] : ["kernel"])
        case .depthwiseConv2D(let depthwise):
            let multiplier = depthwise.depthMultiplier == 1 ? [] : ["depth_multiplier=\(depthwise.depthMultiplier)"]
            return ((className, window(depthwise.kernelSize, depthwise.strides, depthwise.padding) + multiplier
                        + activation(depthwise.activation) + (depthwise.useBias ? [] : ["use_bias=False"])),
                    depthwise.useBias ? ["kernel", "bias"] : ["kernel"])
        case .zeroPadding2D(let pad):
            return ((className, ["((\(pad.top), \(pad.bottom)), (\(pad.left), \(pad.right)))"]), [])
        case .reLU(let relu):
            return ((className, relu.maxValue.map { ["max_value=\(PythonLiteral.number($0))"] } ?? []), [])
        case .maxPooling2D(let pool), .averagePooling2D(let pool):
            var arguments = [size(pool.poolSize)]
            if let strides = pool.strides { arguments.append("strides=\(size(strides))") }
            if pool.padding != .valid { arguments.append("padding=\(PythonLiteral.string(pool.padding.rawValue))") }
            return ((className, arguments), [])
        case .batchNormalization(let norm):
            let defaults = BatchNormalization()
            var arguments: [String] = []
            if norm.momentum != defaults.momentum { arguments.append("momentum=\(PythonLiteral.number(norm.momentum))") }
            if norm.epsilon != defaults.epsilon { arguments.append("epsilon=\(PythonLiteral.number(norm.epsilon))") }
            return ((className, arguments), ["gamma", "beta", "moving_mean", "moving_variance"])
        case .dropout(let dropout):
            return ((className, [PythonLiteral.number(dropout.rate)]), [])
        case .activation(let function):
            return ((className, [PythonLiteral.string(function.rawValue)]), [])
        case .globalAveragePooling2D, .flatten:
            return ((className, []), [])
        case .add:
            preconditionFailure("render() refuses \(className) before generating code")
        }
    }
}
