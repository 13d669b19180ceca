// The PyTorch modules an `nn.Sequential` equivalent of a described model holds, one per torchinfo row.
// This is the only place where Keras layer kinds meet torch class names.

import PareModel

/// One leaf module of the equivalent `nn.Sequential`, with what torchinfo measures of it at batch 1.
public struct TorchModule: Hashable, Sendable {
    /// The torch class name (`Conv2d`, `ReLU`, `AdaptiveAvgPool2d`).
    public var className: String
    /// The input tensor shape, batch first and channels first: `[1, 1, 28, 28]`.
    public var inputShape: [Int]
    /// The output tensor shape, `[1, 2, 26, 26]`.
    public var outputShape: [Int]
    /// Parameters (`module.parameters()`; buffers such as BatchNorm running statistics are not parameters).
    public var parameterCount: Int
    /// Parameters with `requires_grad` (all of them, or none for a frozen layer).
    public var trainableParameterCount: Int
    /// torchinfo's multiply-adds at batch 1.
    public var multiplyAdds: Int
}

extension ModelAnalysis {
    /// The leaf modules of the `nn.Sequential` equivalent to this model, in order.
    ///
    /// Conv2D → `Conv2d`, Dense → `Linear`, a fused activation → a separate `ReLU`/`Sigmoid`/`Tanh`/`Softmax`
    /// after its layer (none for linear), MaxPooling2D → `MaxPool2d`, AveragePooling2D → `AvgPool2d`,
    /// BatchNormalization → `BatchNorm2d` on images or `BatchNorm1d` on vectors, GlobalAveragePooling2D →
    /// `AdaptiveAvgPool2d` (output `[1, C, 1, 1]`) then `Flatten`, Flatten → `Flatten`, Dropout → `Dropout`,
    /// a stand-alone Activation → its module (`Identity` for linear), DepthwiseConv2D → `Conv2d` (with
    /// `groups` = channels), ZeroPadding2D → `ZeroPad2d`, ReLU → `ReLU` (`ReLU6` with a cap of 6, `Hardtanh` with
    /// another cap); Add is an operation in PyTorch's `forward`, not a module, so it has no row.
    public var torchModules: [TorchModule] {
        var modules: [TorchModule] = []
        for layer in layers {
            let input = Self.torchShape(layer.inputShape), output = Self.torchShape(layer.outputShape)
            let trainable = layer.spec.trainable ? layer.torchParameterCount : 0
            func module(_ className: String, output moduleOutput: [Int]? = nil, input moduleInput: [Int]? = nil) {
                modules.append(TorchModule(className: className, inputShape: moduleInput ?? input,
                                           outputShape: moduleOutput ?? output, parameterCount: 0,
                                           trainableParameterCount: 0, multiplyAdds: 0))
            }
            func weighted(_ className: String) {
                modules.append(TorchModule(className: className, inputShape: input, outputShape: output,
                                           parameterCount: layer.torchParameterCount,
                                           trainableParameterCount: trainable, multiplyAdds: layer.multiplyAdds))
            }
            switch layer.spec.kind {
            case .dense(let dense):
                weighted("Linear")
                if let name = Self.torchActivation(dense.activation) { module(name, input: output) }
            case .conv2D(let conv):
                weighted("Conv2d")
                if let name = Self.torchActivation(conv.activation) { module(name, input: output) }
            case .maxPooling2D:
                module("MaxPool2d")
            case .averagePooling2D:
                module("AvgPool2d")
            case .globalAveragePooling2D:
                let pooled = [1, layer.inputShape.channels, 1, 1]
                module("AdaptiveAvgPool2d", output: pooled)
                module("Flatten", input: pooled)
            case .batchNormalization:
                weighted(layer.inputShape.isImage ? "BatchNorm2d" : "BatchNorm1d")
            case .dropout:
                module("Dropout")
            case .activation(let activation):
                module(Self.torchActivation(activation) ?? "Identity")
            case .flatten:
                module("Flatten")
            case .depthwiseConv2D(let conv):
                weighted("Conv2d")
                if let name = Self.torchActivation(conv.activation) { module(name, input: output) }
            case .zeroPadding2D:
                module("ZeroPad2d")
            case .reLU(let relu):
                module(relu.maxValue == nil ? "ReLU" : relu.maxValue == 6 ? "ReLU6" : "Hardtanh")
            case .add:
                break
            }
        }
        return modules
    }

    /// `[1, C, H, W]` for an `HxWxC` image, `[1, F]` for a vector: batch 1, channels first.
    static func torchShape(_ shape: Shape) -> [Int] {
        shape.isImage ? [1, shape.channels, shape.height, shape.width] : [1] + shape.dimensions
    }

    /// The torch module class of an activation, `nil` for the identity.
    static func torchActivation(_ activation: Activation) -> String? {
        switch activation {
        case .linear: nil
        case .relu: "ReLU"
        case .sigmoid: "Sigmoid"
        case .tanh: "Tanh"
        case .softmax: "Softmax"
        }
    }
}
