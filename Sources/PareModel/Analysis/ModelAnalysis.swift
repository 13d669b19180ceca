// Shape inference and counting for a whole model: the numbers every summary, search and report uses.

/// Everything Pare derives from a model description without training it.
public struct ModelAnalysis: Hashable, Sendable {
    /// The analysed description.
    public var spec: ModelSpec
    /// One entry per layer, in order.
    public var layers: [LayerAnalysis]

    /// Infers every layer's shapes and counts its parameters and multiply-adds.
    ///
    /// - Throws: `ShapeError` for the first layer that cannot take its input(s), names an unknown or later
    ///   input, or repeats a name.
    public init(_ spec: ModelSpec) throws(ShapeError) {
        self.spec = spec
        let names = spec.resolvedLayerNames
        var shapes: [String: Shape] = [spec.resolvedInputName: spec.inputShape]
        let defined = Set(names)
        var layers: [LayerAnalysis] = []
        layers.reserveCapacity(spec.layers.count)
        for (index, layer) in spec.layers.enumerated() {
            let name = names[index]
            func fail(_ problem: ShapeError.Problem) -> ShapeError {
                ShapeError(layerIndex: index, layerName: name, problem: problem)
            }
            guard shapes[name] == nil else { throw fail(.duplicateName) }
            let inputNames = layer.inputs.isEmpty ? [index == 0 ? spec.resolvedInputName : names[index - 1]] : layer.inputs
            var inputShapes: [Shape] = []
            for input in inputNames {
                guard let shape = shapes[input] else {
                    if defined.contains(input) { throw fail(.inputDefinedLater(input)) }
                    throw fail(.unknownInput(input, suggestion: Suggestion.nearest(to: input, in: Array(shapes.keys).sorted())))
                }
                inputShapes.append(shape)
            }
            if layer.kind == .add {
                guard Set(inputShapes).count == 1 else { throw fail(.inputsDiffer(inputShapes)) }
            } else if inputShapes.count > 1 {
                throw fail(.tooManyInputs(inputShapes.count))
            }
            let output: Shape
            do {
                output = try layer.kind.outputShape(for: inputShapes[0])
            } catch {
                throw fail(error)
            }
            let counts = layer.kind.parameterCounts(for: inputShapes[0])
            layers.append(LayerAnalysis(
                index: index, name: name, spec: layer, inputNames: inputNames, inputShapes: inputShapes, outputShape: output,
                trainableParameterCount: layer.trainable ? counts.learned : 0,
                nonTrainableParameterCount: layer.trainable ? counts.statistics : counts.total,
                torchParameterCount: counts.learned,
                multiplyAdds: layer.kind.multiplyAdds(parameters: counts, output: output)))
            shapes[name] = output
        }
        self.layers = layers
    }

    /// The shape of one input example.
    public var inputShape: Shape { spec.inputShape }
    /// The shape of one output example.
    public var outputShape: Shape { layers.last?.outputShape ?? spec.inputShape }

    /// All parameters (Keras view).
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }
    /// Parameters training updates (Keras view).
    public var trainableParameterCount: Int { layers.reduce(0) { $0 + $1.trainableParameterCount } }
    /// Parameters training does not update (Keras view).
    public var nonTrainableParameterCount: Int { layers.reduce(0) { $0 + $1.nonTrainableParameterCount } }
    /// Parameters in the PyTorch view (no BatchNorm running statistics).
    public var torchParameterCount: Int { layers.reduce(0) { $0 + $1.torchParameterCount } }
    /// Multiply-adds for one example (torchinfo's convention).
    public var multiplyAdds: Int { layers.reduce(0) { $0 + $1.multiplyAdds } }
    /// Floating-point operations for one example's forward pass, `2 × multiplyAdds`.
    public var flops: Int { 2 * multiplyAdds }

    /// torchinfo's memory estimate at batch 1.
    public var memory: MemoryEstimate {
        let scalar = MemoryEstimate.bytesPerScalar
        let outputs = layers.filter { $0.torchParameterCount > 0 }.reduce(0) { $0 + $1.outputShape.elementCount }
        return MemoryEstimate(
            inputBytes: scalar * inputShape.elementCount + MemoryEstimate.inputStorageHeaderBytes,
            forwardBackwardBytes: 2 * scalar * outputs,
            parameterBytes: scalar * torchParameterCount)
    }
}
