// Loading the weights of some layers only: the pretrained part of a fine-tuned model.

import Foundation
import PareEngine
import PareModel

extension Checkpoint {
    /// Sets the parameters of the named `layers` from `url` (Keras layout), leaving every other layer as it is;
    /// every tensor of those layers must be present with its Keras shape.
    public static func load(into network: Network, analysis: ModelAnalysis, from url: URL, layers: Set<String>) throws {
        let file = try SafeTensorsFile.read(from: url)
        let permutations = flattenPermutations(analysis)
        for slot in network.parameterSlots where layers.contains(slot.layerName) {
            let name = slot.qualifiedName
            let kerasShape = kerasShape(of: slot, analysis: analysis)
            guard let tensor = file[name] else {
                throw TrainingError.checkpoint("\(url.path): error: no tensor '\(name)' to start '\(slot.layerName)' from")
            }
            guard tensor.shape == kerasShape else {
                throw TrainingError.checkpoint("\(url.path): error: '\(name)' has shape \(tensor.shape), the model needs \(kerasShape)")
            }
            try network.setParameterValues(toEngine(tensor.values, slot: slot, permutation: permutations[slot.layerIndex]),
                                           layer: slot.layerName, tensor: slot.tensor.name)
        }
    }
}
