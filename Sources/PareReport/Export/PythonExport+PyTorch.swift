// The PyTorch half of an exported script: an nn.Sequential of named modules (channels-first), helpers that load
// Keras-layout tensors into them with the layout conversions, and the evaluation loop.
//
// Keras's 'same' padding puts the odd row/column at the bottom/right (TensorFlow's rule); PyTorch pads
// symmetrically, so asymmetric amounts become an explicit pad module before the layer.

import PareModel

extension PythonExport {
    /// The PyTorch parts of the script.
    func pyTorchCode() -> FrameworkCode {
        var modules = TorchModules()
        var loads: [String] = []
        var helpers: Set<TorchHelper> = []
        let flattened = flattenedImages
        /// Adds an nn.Conv2d (grouped for a depthwise convolution) with Keras's `padding`, its loader and its fused
        /// activation. Symmetric padding becomes the module's `padding=`; asymmetric amounts (an odd 'same' row or
        /// column goes at the bottom/right) an `nn.ZeroPad2d` module before it.
        func addConvolution(_ layer: LayerAnalysis, outputChannels: Int, kernelSize: Size2, strides: Size2, padding: Padding,
                            groups: Int, useBias: Bool, activation: Activation, helper: TorchHelper) {
            let input = layer.inputShape
            let pads = Self.samePadding(padding, input: input, window: kernelSize, strides: strides)
            var arguments = "\(input.channels), \(outputChannels), kernel_size=\(PythonLiteral.tuple([kernelSize.height, kernelSize.width]))"
            if strides != Size2(square: 1) { arguments += ", stride=\(PythonLiteral.tuple([strides.height, strides.width]))" }
            if pads.isSymmetric, pads.top + pads.left > 0 {
                arguments += ", padding=\(PythonLiteral.tuple([pads.top, pads.left]))"
            } else if !pads.isSymmetric {
                modules.add("\(layer.name)_pad", "nn.ZeroPad2d(\(pads.torchTuple))")
            }
            if groups != 1 { arguments += ", groups=\(groups)" }
            if !useBias { arguments += ", bias=False" }
            let module = modules.add(layer.name, "nn.Conv2d(\(arguments))")
            loads.append("\(helper.functionName)(model.get_submodule(\(PythonLiteral.string(module))), tensors, \(PythonLiteral.string(layer.name)))")
            helpers.insert(helper)
            modules.addActivation(activation, after: layer.name)
        }
        for layer in analysis.layers {
            let input = layer.inputShape
            let name = layer.name
            let flattenArgument = flattened[layer.index].map { ", flattened=\(PythonLiteral.tuple($0.dimensions))" } ?? ""
            switch layer.spec.kind {
            case .dense(let dense):
                let module = modules.add(name, "nn.Linear(\(input.elementCount), \(dense.units)\(dense.useBias ? "" : ", bias=False"))")
                loads.append("set_linear(model.get_submodule(\(PythonLiteral.string(module))), tensors, \(PythonLiteral.string(name))\(flattenArgument))")
                helpers.insert(.linear)
                modules.addActivation(dense.activation, after: name)
            case .conv2D(let conv):
                addConvolution(layer, outputChannels: conv.filters, kernelSize: conv.kernelSize, strides: conv.strides,
                               padding: conv.padding, groups: 1, useBias: conv.useBias, activation: conv.activation,
                               helper: .conv2D)
            case .depthwiseConv2D(let depthwise):
                // One group per input channel with `depthMultiplier` filters each: output channel c·m + j, as in Keras.
                addConvolution(layer, outputChannels: input.channels * depthwise.depthMultiplier, kernelSize: depthwise.kernelSize,
                               strides: depthwise.strides, padding: depthwise.padding, groups: input.channels,
                               useBias: depthwise.useBias, activation: depthwise.activation, helper: .depthwiseConv2D)
            case .zeroPadding2D(let pad):
                let pads = SidePadding(top: pad.top, bottom: pad.bottom, left: pad.left, right: pad.right)
                modules.add(name, "nn.ZeroPad2d(\(pads.torchTuple))")
            case .reLU(let relu):
                modules.add(name, Self.torchReLU(maxValue: relu.maxValue))
            case .maxPooling2D(let pool):
                let pads = Self.samePadding(pool.padding, input: input, window: pool.poolSize, strides: pool.effectiveStrides)
                if !pads.isZero {
                    // Padding with -inf leaves every window's maximum among its real inputs, as Keras takes it.
                    modules.add("\(name)_pad", "nn.ConstantPad2d(\(pads.torchTuple), float(\"-inf\"))")
                }
                modules.add(name, "nn.MaxPool2d(\(Self.windowArguments(pool)))")
            case .averagePooling2D(let pool):
                let pads = Self.samePadding(pool.padding, input: input, window: pool.poolSize, strides: pool.effectiveStrides)
                if pads.isZero {
                    modules.add(name, "nn.AvgPool2d(\(Self.windowArguments(pool)))")
                } else {
                    modules.add(name, "SamePaddedAvgPool2d(\(PythonLiteral.tuple([pool.poolSize.height, pool.poolSize.width])), "
                                + "\(PythonLiteral.tuple([pool.effectiveStrides.height, pool.effectiveStrides.width])), \(pads.torchTuple))")
                    helpers.insert(.samePaddedAveragePool)
                }
            case .globalAveragePooling2D:
                modules.add(name, "nn.AdaptiveAvgPool2d(1)")
                modules.add("\(name)_flatten", "nn.Flatten()")
            case .batchNormalization(let norm):
                let module = modules.add(name, "nn.BatchNorm\(input.isImage ? "2d" : "1d")(\(input.channels), "
                                         + "eps=\(PythonLiteral.number(norm.epsilon)), momentum=\(PythonLiteral.number(1 - norm.momentum)))")
                loads.append("set_batchnorm(model.get_submodule(\(PythonLiteral.string(module))), tensors, \(PythonLiteral.string(name))\(flattenArgument))")
                helpers.insert(.batchNormalization)
            case .dropout(let dropout):
                modules.add(name, "nn.Dropout(p=\(PythonLiteral.number(dropout.rate)))")
            case .activation(let function):
                modules.add(name, Self.torchModule(function) ?? "nn.Identity()")
            case .flatten:
                modules.add(name, "nn.Flatten()")
            case .add:
                preconditionFailure("render() refuses \(layer.spec.kind.kerasClassName) before generating code")
            }
        }
        let entries = modules.entries.map { "        (\(PythonLiteral.string($0.name)), \($0.constructor))," }.joined(separator: "\n")
        let build = """
            def build_model():
                \"\"\"The network as PyTorch modules (channels-first), named after Pare's (Keras's) layers.\"\"\"
                return nn.Sequential(OrderedDict([
            \(entries)
                ]))
            """
        let load = """
            def load_weights(model, tensors):
                \"\"\"Copies Pare's Keras-layout tensors into the modules, converting the layouts.\"\"\"
                with torch.no_grad():
            \(loads.map { "        " + $0 }.joined(separator: "\n"))
            """
        let helperCode = TorchHelper.allCases.filter(helpers.contains).map(\.code)
        var evaluation = ""
        if analysis.inputShape.isImage {
            evaluation += "inputs = np.ascontiguousarray(inputs.transpose(0, 3, 1, 2))  # PyTorch is channels-first\n"
        }
        evaluation += """
            model.eval()
            correct = 0
            with torch.no_grad():
                for start in range(0, len(inputs), 1000):
                    outputs = model(torch.from_numpy(inputs[start:start + 1000]))
                    correct += int((outputs.argmax(dim=1).numpy() == labels[start:start + 1000]).sum())
            """
        return FrameworkCode(imports: PythonSupport.imports(standardLibrary: ["from collections import OrderedDict"],
                                                            framework: ["import torch", "from torch import nn"]),
                             definitions: (helperCode + [build, load]).joined(separator: "\n\n\n"),
                             main: mainFunction(evaluation: evaluation))
    }

    /// The module of a ReLU layer: `nn.ReLU()`, `nn.ReLU6()` for a cap of 6, `nn.Hardtanh(0.0, cap)` for another cap
    /// (the same `min(max(x, 0), cap)`).
    private static func torchReLU(maxValue: Double?) -> String {
        switch maxValue {
        case nil: "nn.ReLU()"
        case 6: "nn.ReLU6()"
        case let cap?: "nn.Hardtanh(0.0, \(PythonLiteral.number(cap)))"
        }
    }

    /// The module applying `activation`, or `nil` for linear.
    fileprivate static func torchModule(_ activation: Activation) -> String? {
        switch activation {
        case .linear: nil
        case .relu: "nn.ReLU()"
        case .sigmoid: "nn.Sigmoid()"
        case .tanh: "nn.Tanh()"
        case .softmax: "nn.Softmax(dim=1)"  // dim 1 is the channel (Keras's last) axis for images and vectors alike
        }
    }

    /// `kernel_size=(…), stride=(…)` of a pooling window.
    private static func windowArguments(_ pool: Pooling2D) -> String {
        "kernel_size=\(PythonLiteral.tuple([pool.poolSize.height, pool.poolSize.width])), "
            + "stride=\(PythonLiteral.tuple([pool.effectiveStrides.height, pool.effectiveStrides.width]))"
    }

    /// The zeros Keras adds around an input for `padding` (none for `valid`): for `same`, the output is
    /// `ceil(in / stride)` and the `max((out - 1)·stride + window - in, 0)` extra rows split with the odd one at the
    /// bottom (columns: at the right).
    static func samePadding(_ padding: Padding, input: Shape, window: Size2, strides: Size2) -> SidePadding {
        guard padding == .same else { return SidePadding(top: 0, bottom: 0, left: 0, right: 0) }
        func split(_ size: Int, _ window: Int, _ stride: Int) -> (Int, Int) {
            let output = (size + stride - 1) / stride
            let total = max((output - 1) * stride + window - size, 0)
            return (total / 2, total - total / 2)
        }
        let rows = split(input.height, window.height, strides.height)
        let columns = split(input.width, window.width, strides.width)
        return SidePadding(top: rows.0, bottom: rows.1, left: columns.0, right: columns.1)
    }

    /// Padding amounts on the four sides of an image.
    struct SidePadding: Hashable {
        var top, bottom, left, right: Int

        /// No padding at all.
        var isZero: Bool { top == 0 && bottom == 0 && left == 0 && right == 0 }
        /// Top equals bottom and left equals right (what PyTorch's own `padding=` can express).
        var isSymmetric: Bool { top == bottom && left == right }
        /// PyTorch's pad order `(left, right, top, bottom)`.
        var torchTuple: String { PythonLiteral.tuple([left, right, top, bottom]) }
    }
}

/// The named modules of the nn.Sequential being built. PyTorch module names cannot contain '.', so Pare names
/// with dots or dashes are spelt with underscores, and a clash gets a numeric suffix.
private struct TorchModules {
    private(set) var entries: [(name: String, constructor: String)] = []
    private var used: Set<String> = []

    /// Adds a module named after `base`; returns the name it got.
    @discardableResult
    mutating func add(_ base: String, _ constructor: String) -> String {
        let stem = String(base.map { $0 == "." || $0 == "-" ? "_" : $0 })
        var name = stem
        var suffix = 2
        while used.contains(name) {
            name = "\(stem)_\(suffix)"
            suffix += 1
        }
        used.insert(name)
        entries.append((name, constructor))
        return name
    }

    /// Adds the module of a fused activation (`dense_relu`), if it is not linear.
    mutating func addActivation(_ activation: Activation, after layerName: String) {
        guard let module = PythonExport.torchModule(activation) else { return }
        add("\(layerName)_\(activation.rawValue)", module)
    }
}

/// Python helpers a PyTorch script includes when its model needs them, in this order.
private enum TorchHelper: CaseIterable {
    case linear, conv2D, depthwiseConv2D, batchNormalization, samePaddedAveragePool

    /// The Python function or class the helper defines.
    var functionName: String {
        switch self {
        case .linear: "set_linear"
        case .conv2D: "set_conv2d"
        case .depthwiseConv2D: "set_depthwise_conv2d"
        case .batchNormalization: "set_batchnorm"
        case .samePaddedAveragePool: "SamePaddedAvgPool2d"
        }
    }

    var code: String {
        switch self {
        case .linear:
            return #"""
                def set_linear(linear, tensors, name, flattened=None):
                    """Loads a Keras Dense kernel [in, out] and bias into an nn.Linear (weight [out, in]).

                    `flattened` is the (height, width, channels) image a Flatten turned into this layer's input: Keras
                    flattened it channels-last, PyTorch channels-first, so the kernel's input rows are reordered.
                    """
                    kernel = take(tensors, name + "/kernel", [linear.in_features, linear.out_features])
                    if flattened is not None:
                        height, width, channels = flattened
                        kernel = kernel.reshape(height, width, channels, -1).transpose(2, 0, 1, 3).reshape(linear.in_features, -1)
                    linear.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel.T)))
                    if linear.bias is not None:
                        linear.bias.copy_(torch.from_numpy(take(tensors, name + "/bias", [linear.out_features])))
                """#
        case .conv2D:
            return #"""
                def set_conv2d(conv, tensors, name):
                    """Loads a Keras Conv2D kernel HWIO [kh, kw, in, out] and bias into an nn.Conv2d (weight OIHW)."""
                    height, width = conv.kernel_size
                    kernel = take(tensors, name + "/kernel", [height, width, conv.in_channels, conv.out_channels])
                    conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel.transpose(3, 2, 0, 1))))
                    if conv.bias is not None:
                        conv.bias.copy_(torch.from_numpy(take(tensors, name + "/bias", [conv.out_channels])))
                """#
        case .depthwiseConv2D:
            return #"""
                def set_depthwise_conv2d(conv, tensors, name):
                    """Loads a Keras DepthwiseConv2D kernel [kh, kw, in, multiplier] and bias into an nn.Conv2d with
                    groups=in (weight [in * multiplier, 1, kh, kw]; output channel c * multiplier + j in both)."""
                    height, width = conv.kernel_size
                    multiplier = conv.out_channels // conv.in_channels
                    kernel = take(tensors, name + "/kernel", [height, width, conv.in_channels, multiplier])
                    kernel = kernel.transpose(2, 3, 0, 1).reshape(conv.out_channels, 1, height, width)
                    conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel)))
                    if conv.bias is not None:
                        conv.bias.copy_(torch.from_numpy(take(tensors, name + "/bias", [conv.out_channels])))
                """#
        case .batchNormalization:
            return #"""
                def set_batchnorm(norm, tensors, name, flattened=None):
                    """Loads Keras BatchNormalization gamma, beta, moving_mean and moving_variance into an nn.BatchNorm
                    (weight, bias, running_mean, running_var); on a flattened image the features are reordered as in
                    set_linear."""
                    def vector(suffix):
                        values = take(tensors, name + "/" + suffix, [norm.num_features])
                        if flattened is not None:
                            height, width, channels = flattened
                            values = values.reshape(height, width, channels).transpose(2, 0, 1).reshape(-1)
                        return torch.from_numpy(np.ascontiguousarray(values))
                    norm.weight.copy_(vector("gamma"))
                    norm.bias.copy_(vector("beta"))
                    norm.running_mean.copy_(vector("moving_mean"))
                    norm.running_var.copy_(vector("moving_variance"))
                """#
        case .samePaddedAveragePool:
            return #"""
                class SamePaddedAvgPool2d(nn.Module):
                    """Average pooling with Keras's 'same' padding: each window's mean over its real (unpadded) inputs."""

                    def __init__(self, kernel_size, stride, padding):
                        super().__init__()
                        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding  # (left, right, top, bottom)

                    def forward(self, x):
                        pool = nn.functional.avg_pool2d
                        sums = pool(nn.functional.pad(x, self.padding), self.kernel_size, self.stride)
                        counts = pool(nn.functional.pad(torch.ones_like(x[:1, :1]), self.padding), self.kernel_size, self.stride)
                        return sums / counts
                """#
        }
    }
}
