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
/// | biases | `…/bias` | `[units]` / `[filters]` | same |
/// | BatchNormalization | `…/gamma`, `…/beta`, `…/moving_mean`, `…/moving_variance` | `[channels]` | same |
///
/// Flatten order: Keras flattens channels-last (`(y·W + x)·C + c`), Pare's engine channels-first
/// (`c·H·W + y·W + x`), so the input rows of the first Dense after a Flatten of an image (and a BatchNorm on
/// that vector) are permuted on the way out and back. Metadata records the model's `.pare` text, Pare's version
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
        let file = try SafeTensorsFile.read(from: url)
        let permutations = flattenPermutations(analysis)
        for slot in network.parameterSlots {
            let name = slot.qualifiedName
            let kerasShape = kerasShape(of: slot, analysis: analysis)
            guard let tensor = file[name] else {
                throw TrainingError.checkpoint("\(url.path): error: no tensor '\(name)' (the file does not belong to this model?)")
            }
            guard tensor.shape == kerasShape else {
                throw TrainingError.checkpoint("\(url.path): error: '\(name)' has shape \(tensor.shape), the model needs \(kerasShape)")
            }
            let values = toEngine(tensor.values, slot: slot, permutation: permutations[slot.layerIndex])
            try network.setParameterValues(values, layer: slot.layerName, tensor: slot.tensor.name)
        }
    }

    /// The network's parameters as Keras-layout tensors, in parameter order.
    public static func kerasTensors(of network: Network, analysis: ModelAnalysis) throws -> [SafeTensorsFile.Tensor] {
        let permutations = flattenPermutations(analysis)
        return try network.parameterSlots.map { slot in
            let values = try network.parameterValues(layer: slot.layerName, tensor: slot.tensor.name)
            return SafeTensorsFile.Tensor(name: slot.qualifiedName, shape: kerasShape(of: slot, analysis: analysis),
                                          values: toKeras(values, slot: slot, permutation: permutations[slot.layerIndex]))
        }
    }

    /// The Keras shape of a parameter tensor.
    static func kerasShape(of slot: ParameterSlot, analysis: ModelAnalysis) -> [Int] {
        let shape = slot.tensor.shape
        guard slot.tensor.name == "kernel" else { return shape }
        switch analysis.layers[slot.layerIndex].spec.kind {
        case .dense: return [shape[1], shape[0]]
        case .conv2D: return [shape[2], shape[3], shape[1], shape[0]]
        default: return shape
        }
    }

    /// Engine values → Keras values.
    static func toKeras(_ values: [Float], slot: ParameterSlot, permutation: [Int]?) -> [Float] {
        convert(values, slot: slot, permutation: permutation, toKeras: true)
    }

    /// Keras values → engine values.
    static func toEngine(_ values: [Float], slot: ParameterSlot, permutation: [Int]?) -> [Float] {
        convert(values, slot: slot, permutation: permutation, toKeras: false)
    }

    /// Converts between layouts. Index maps are built as (engine index, Keras index) pairs once and applied in
    /// the asked direction, so both directions share one definition.
    private static func convert(_ values: [Float], slot: ParameterSlot, permutation: [Int]?, toKeras: Bool) -> [Float] {
        let shape = slot.tensor.shape
        var result = [Float](repeating: 0, count: values.count)
        func move(engine: Int, keras: Int) {
            if toKeras { result[keras] = values[engine] } else { result[engine] = values[keras] }
        }
        if slot.tensor.name == "kernel", shape.count == 2 {
            // Dense: engine [out][in_engine], Keras [in_keras][out] with in_engine = permutation[in_keras].
            let (outputs, inputs) = (shape[0], shape[1])
            for kerasInput in 0..<inputs {
                let engineInput = permutation?[kerasInput] ?? kerasInput
                for output in 0..<outputs { move(engine: output * inputs + engineInput, keras: kerasInput * outputs + output) }
            }
        } else if slot.tensor.name == "kernel", shape.count == 4 {
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
        } else if let permutation, permutation.count == values.count {
            // Per-feature vectors (BatchNormalization) on a flattened image.
            for keras in 0..<values.count { move(engine: permutation[keras], keras: keras) }
        } else {
            return values
        }
        return result
    }

    /// For each layer whose parameters index a flattened image's features: Keras feature index → engine index.
    static func flattenPermutations(_ analysis: ModelAnalysis) -> [Int: [Int]] {
        var permutations: [Int: [Int]] = [:]
        var current: [Int]?
        for layer in analysis.layers {
            switch layer.spec.kind {
            case .flatten:
                let input = layer.inputShape
                if input.isImage, input.channels > 1, input.height * input.width > 1 {
                    let plane = input.height * input.width
                    current = (0..<input.elementCount).map { keras in (keras % input.channels) * plane + keras / input.channels }
                }
            case .dense:
                permutations[layer.index] = current
                current = nil
            case .batchNormalization:
                if layer.inputShape.isVector { permutations[layer.index] = current }
            case .dropout, .activation, .reLU:
                break
            case .conv2D, .maxPooling2D, .averagePooling2D, .globalAveragePooling2D, .depthwiseConv2D, .zeroPadding2D, .add:
                current = nil
            }
        }
        return permutations
    }
}
