// Loading the weights of some layers only: the pretrained part of a fine-tuned model.

import Foundation
import PareEngine
import PareModel

extension Checkpoint {
    /// Sets the parameters of the named `layers` (every layer when nil) from `url` (Keras layout), leaving every
    /// other layer as it is; every tensor of those layers must be present with its Keras shape.
    public static func load(into network: Network, analysis: ModelAnalysis, from url: URL, layers: Set<String>?) throws {
        let file = try SafeTensorsFile.read(from: url)
        let permutations = flattenPermutations(analysis)
        for slot in network.parameterSlots where layers?.contains(slot.layerName) ?? true {
            let name = slot.qualifiedName
            let kerasShape = kerasShape(of: slot, analysis: analysis)
            guard let tensor = file[name] else {
                let reason = layers == nil ? "(the file does not belong to this model?)" : "to start '\(slot.layerName)' from"
                throw TrainingError.checkpoint("\(url.path): error: no tensor '\(name)' \(reason)")
            }
            guard tensor.shape == kerasShape else {
                throw TrainingError.checkpoint("\(url.path): error: '\(name)' has shape \(tensor.shape), the model needs \(kerasShape)")
            }
            let values = toEngine(tensor.values, slot: slot, kind: analysis.layers[slot.layerIndex].spec.kind,
                                  permutation: permutations[slot.layerIndex])
            try network.setParameterValues(values, layer: slot.layerName, tensor: slot.tensor.name)
        }
    }
}
