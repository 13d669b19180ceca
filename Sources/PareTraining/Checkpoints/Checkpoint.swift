// Saving and loading trained weights as safetensors, in Keras's names and layouts.

import Foundation
import PareEngine
import PareModel

/// Trained weights as a safetensors file in **Keras layout**, so a Keras user can load them directly:
///
/// | tensor | name | Keras shape | engine layout it is converted from |
/// |---|---|---|---|
/// | Dense kernel | `dense/kernel` | `[in, units]` | `[units][in]` |
/// | Conv2D kernel | `conv2d/kernel` | `[kh, kw, in_channels, filters]` (HWIO) | `[filters][in][kh][kw]` (OIHW) |
/// | DepthwiseConv2D kernel | `depthwise_conv2d/kernel` | `[kh, kw, in_channels, depth_multiplier]` | `[in][m][kh][kw]` |
/// | biases | `…/bias` | `[units]` / `[filters]` | same |
/// | BatchNormalization | `…/gamma`, `…/beta`, `…/moving_mean`, `…/moving_variance` | `[channels]` | same |
///
/// Flatten order: Keras flattens channels-last (`(y·W + x)·C + c`), Pare's engine channels-first
/// (`c·H·W + y·W + x`), so the input rows of the first Dense after a Flatten of an image (and a BatchNorm on
/// that vector) are permuted on the way out and back; the order is followed through graph models by layer name
/// (an `add` keeps it when all its inputs share it). Metadata records the model's `.pare` text, Pare's version
/// and `"layout": "keras"`.
public enum Checkpoint {
    /// Writes `network`'s parameters to `url` (atomically), with `metadata` added to the header.
    public static func save(_ network: Network, analysis: ModelAnalysis, to url: URL,
                            metadata: [String: String] = [:]) throws {
        var header = metadata
        header["layout"] = "keras"
        header["model"] = analysis.spec.pareText
        let file = SafeTensorsFile(metadata: header, tensors: try kerasTensors(of: network, analysis: analysis))
        try file.write(to: url)
    }

    /// Reads `url` and sets `network`'s parameters from it; every tensor must be present with its Keras shape.
    public static func load(into network: Network, analysis: ModelAnalysis, from url: URL) throws {
        try load(into: network, analysis: analysis, from: url, layers: nil)
    }

    /// The network's parameters as Keras-layout tensors, in parameter order.
    public static func kerasTensors(of network: Network, analysis: ModelAnalysis) throws -> [SafeTensorsFile.Tensor] {
        let permutations = flattenPermutations(analysis)
        return try network.parameterSlots.map { slot in
            let values = try network.parameterValues(layer: slot.layerName, tensor: slot.tensor.name)
            return SafeTensorsFile.Tensor(name: slot.qualifiedName, shape: kerasShape(of: slot, analysis: analysis),
                                          values: toKeras(values, slot: slot,
                                                          kind: analysis.layers[slot.layerIndex].spec.kind,
                                                          permutation: permutations[slot.layerIndex]))
        }
    }

    /// The Keras shape of a parameter tensor.
    static func kerasShape(of slot: ParameterSlot, analysis: ModelAnalysis) -> [Int] {
        let shape = slot.tensor.shape
        guard slot.tensor.name == "kernel" else { return shape }
        switch analysis.layers[slot.layerIndex].spec.kind {
        case .dense: return [shape[1], shape[0]]
        case .conv2D: return [shape[2], shape[3], shape[1], shape[0]]
        case .depthwiseConv2D: return [shape[2], shape[3], shape[0], shape[1]]
        default: return shape
        }
    }

    /// Engine values → Keras values of a tensor of a layer of `kind`.
    static func toKeras(_ values: [Float], slot: ParameterSlot, kind: LayerKind, permutation: [Int]?) -> [Float] {
        convert(values, slot: slot, kind: kind, permutation: permutation, toKeras: true)
    }

    /// Keras values → engine values of a tensor of a layer of `kind`.
    static func toEngine(_ values: [Float], slot: ParameterSlot, kind: LayerKind, permutation: [Int]?) -> [Float] {
        convert(values, slot: slot, kind: kind, permutation: permutation, toKeras: false)
    }

    /// Converts between layouts. Index maps are built as (engine index, Keras index) pairs once and applied in
    /// the asked direction, so both directions share one definition.
    private static func convert(_ values: [Float], slot: ParameterSlot, kind: LayerKind, permutation: [Int]?,
                                toKeras: Bool) -> [Float] {
        let shape = slot.tensor.shape
        var result = [Float](repeating: 0, count: values.count)
        func move(engine: Int, keras: Int) {
            if toKeras { result[keras] = values[engine] } else { result[engine] = values[keras] }
        }
        switch (kind, slot.tensor.name) {
        case (.dense, "kernel"):
            // Dense: engine [out][in_engine], Keras [in_keras][out] with in_engine = permutation[in_keras].
            let (outputs, inputs) = (shape[0], shape[1])
            for kerasInput in 0..<inputs {
                let engineInput = permutation?[kerasInput] ?? kerasInput
                for output in 0..<outputs { move(engine: output * inputs + engineInput, keras: kerasInput * outputs + output) }
            }
        case (.conv2D, "kernel"):
            // Conv2D: engine OIHW, Keras HWIO.
            let (filters, channels, height, width) = (shape[0], shape[1], shape[2], shape[3])
            for f in 0..<filters {
                for c in 0..<channels {
                    for y in 0..<height {
                        for x in 0..<width {
                            move(engine: ((f * channels + c) * height + y) * width + x,
                                 keras: ((y * width + x) * channels + c) * filters + f)
                        }
                    }
                }
            }
        case (.depthwiseConv2D, "kernel"):
            // DepthwiseConv2D: engine [C][m][kh][kw], Keras [kh][kw][C][m] (output channel c·m + j in both).
            let (channels, multiplier, height, width) = (shape[0], shape[1], shape[2], shape[3])
            for c in 0..<channels {
                for j in 0..<multiplier {
                    for y in 0..<height {
                        for x in 0..<width {
                            move(engine: ((c * multiplier + j) * height + y) * width + x,
                                 keras: ((y * width + x) * channels + c) * multiplier + j)
                        }
                    }
                }
            }
        case (.batchNormalization, _):
            // Per-feature vectors on a flattened image.
            guard let permutation, permutation.count == values.count else { return values }
            for keras in 0..<values.count { move(engine: permutation[keras], keras: keras) }
        default:
            // Biases (a Dense bias is indexed by its units, never by the flattened input it reads).
            return values
        }
        return result
    }

    /// For each layer whose parameters index a flattened image's features: Keras feature index → engine index.
    ///
    /// The order of each layer's output is followed by name, so graph models work too: a flatten of a
    /// multi-channel image starts a permutation, layers that keep features (dropout, activations, ReLU, a
    /// per-feature batch norm) pass their input's on, an `add` passes on its inputs' common one, and every other
    /// layer's output is in the same order in both frameworks.
    static func flattenPermutations(_ analysis: ModelAnalysis) -> [Int: [Int]] {
        var permutations: [Int: [Int]] = [:]
        var outputOrders: [String: [Int]] = [:]
        for layer in analysis.layers {
            let inputOrder = outputOrders[layer.inputNames[0]]
            switch layer.spec.kind {
            case .flatten:
                let input = layer.inputShape
                if input.isImage, input.channels > 1, input.height * input.width > 1 {
                    let plane = input.height * input.width
                    outputOrders[layer.name] = (0..<input.elementCount).map { keras in
                        (keras % input.channels) * plane + keras / input.channels
                    }
                } else {
                    outputOrders[layer.name] = inputOrder
                }
            case .dense:
                permutations[layer.index] = inputOrder
            case .batchNormalization:
                if layer.inputShape.isVector {
                    permutations[layer.index] = inputOrder
                    outputOrders[layer.name] = inputOrder
                }
            case .dropout, .activation, .reLU:
                outputOrders[layer.name] = inputOrder
            case .add:
                let orders = layer.inputNames.map { outputOrders[$0] }
                if orders.allSatisfy({ $0 == inputOrder }) { outputOrders[layer.name] = inputOrder }
            case .conv2D, .maxPooling2D, .averagePooling2D, .globalAveragePooling2D, .depthwiseConv2D, .zeroPadding2D:
                break
            }
        }
        return permutations
    }
}
