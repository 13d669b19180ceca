// `--format json`: every row and total of a model's analysis as one JSON document with a fixed key order.

import PareModel

/// The machine-readable summary of a described model, for scripts.
///
/// Layout (keys always in this order; shapes per example, channels last, batch axis left out):
/// ```json
/// {
///   "model": "qiita_cnn2",
///   "input_shape": [28, 28, 1],
///   "output_shape": [10],
///   "layers": [
///     {"name": …, "class": "Conv2D", "output_shape": […], "parameters": …, "trainable_parameters": …,
///      "non_trainable_parameters": …, "torch_parameters": …, "multiply_adds": …, "trainable": true}, …
///   ],
///   "totals": {"parameters": …, "trainable_parameters": …, "non_trainable_parameters": …,
///              "torch_parameters": …, "multiply_adds": …, "flops": …, "flops_definition": "2 x multiply_adds"},
///   "torchinfo_bytes": {"input": …, "forward_backward": …, "parameters": …, "total": …}
/// }
/// ```
/// Parameter counts follow Keras (BatchNormalization's moving statistics are non-trainable parameters);
/// `torch_parameters` follows PyTorch (they are buffers). Multiply-adds follow torchinfo's convention, for one
/// example; `torchinfo_bytes` are torchinfo's memory estimate at batch 1 in bytes.
public struct SummaryJSON: Hashable, Sendable {
    /// The analysed model.
    public var analysis: ModelAnalysis

    /// Creates the JSON summary of an analysed model.
    public init(_ analysis: ModelAnalysis) {
        self.analysis = analysis
    }

    /// The document as a value.
    public var document: JSONValue {
        let memory = analysis.memory
        return .object([
            ("model", .string(analysis.spec.displayName)),
            ("input_shape", Self.shape(analysis.inputShape)),
            ("output_shape", Self.shape(analysis.outputShape)),
            ("layers", .array(analysis.layers.map { layer in
                .object([
                    ("name", .string(layer.name)),
                    ("class", .string(layer.spec.kind.kerasClassName)),
                    ("output_shape", Self.shape(layer.outputShape)),
                    ("parameters", .integer(layer.parameterCount)),
                    ("trainable_parameters", .integer(layer.trainableParameterCount)),
                    ("non_trainable_parameters", .integer(layer.nonTrainableParameterCount)),
                    ("torch_parameters", .integer(layer.torchParameterCount)),
                    ("multiply_adds", .integer(layer.multiplyAdds)),
                    ("trainable", .boolean(layer.spec.trainable)),
                ])
            })),
            ("totals", .object([
                ("parameters", .integer(analysis.parameterCount)),
                ("trainable_parameters", .integer(analysis.trainableParameterCount)),
                ("non_trainable_parameters", .integer(analysis.nonTrainableParameterCount)),
                ("torch_parameters", .integer(analysis.torchParameterCount)),
                ("multiply_adds", .integer(analysis.multiplyAdds)),
                ("flops", .integer(analysis.flops)),
                ("flops_definition", .string("2 x multiply_adds")),
            ])),
            ("torchinfo_bytes", .object([
                ("input", .integer(memory.inputBytes)),
                ("forward_backward", .integer(memory.forwardBackwardBytes)),
                ("parameters", .integer(memory.parameterBytes)),
                ("total", .integer(memory.totalBytes)),
            ])),
        ])
    }

    /// The document as pretty-printed text ending in a newline.
    public func render() -> String {
        document.prettyPrinted
    }

    private static func shape(_ shape: Shape) -> JSONValue {
        .array(shape.dimensions.map { .integer($0) })
    }
}
