// Named access to a network's parameters and gradients, initialisation, and freezing layers.

extension Network {
    /// Fills every tensor in layer order (then tensor order, then element order) from `generator`, then draws
    /// `dropoutSeed` and resets `trainingStepCount`, so one seed gives one network and one dropout stream —
    /// and adding a dropout layer does not change the initial weights.
    public func initialize<G: RandomNumberGenerator>(scheme: InitializationScheme, generator: inout G) {
        for slot in parameterSlots {
            scheme.fill(plan.parameters + slot.offset, count: slot.tensor.elementCount,
                        initializer: slot.tensor.initializer, generator: &generator)
        }
        dropoutSeed = generator.next()
        trainingStepCount = 0
    }

    /// The slot of tensor `tensor` in layer `layer`, or a thrown `EngineError.unknownParameter`.
    public func slot(layer: String, tensor: String) throws(EngineError) -> ParameterSlot {
        guard let slot = parameterSlots.first(where: { $0.layerName == layer && $0.tensor.name == tensor }) else {
            throw .unknownParameter(layer: layer, tensor: tensor)
        }
        return slot
    }

    /// A copy of a tensor's values in engine layout.
    public func parameterValues(layer: String, tensor: String) throws(EngineError) -> [Float] {
        let slot = try slot(layer: layer, tensor: tensor)
        return Array(UnsafeBufferPointer(start: plan.parameters + slot.offset, count: slot.tensor.elementCount))
    }

    /// Overwrites a tensor's values (engine layout); throws when the name is unknown or the count differs.
    public func setParameterValues(_ values: [Float], layer: String, tensor: String) throws(EngineError) {
        let slot = try slot(layer: layer, tensor: tensor)
        try copy(values, into: plan.parameters + slot.offset, expected: slot.tensor.elementCount,
                 name: slot.qualifiedName)
    }

    /// A copy of the whole parameter vector.
    public func allParameterValues() -> [Float] {
        Array(UnsafeBufferPointer(start: plan.parameters, count: parameterCount))
    }

    /// Overwrites the whole parameter vector; throws when the count differs.
    public func setAllParameterValues(_ values: [Float]) throws(EngineError) {
        try copy(values, into: plan.parameters, expected: parameterCount, name: "parameters")
    }

    /// Calls `body` with the live parameter vector (for fast checkpoint I/O); do not keep the pointer.
    public func withParameterBuffer<Result>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try body(UnsafeMutableBufferPointer(start: plan.parameters, count: parameterCount))
    }

    /// ∂loss/∂tensor from the last `computeGradient` or `trainStep` (summed over the batch's work items).
    public func gradientValues(layer: String, tensor: String) throws(EngineError) -> [Float] {
        let slot = try slot(layer: layer, tensor: tensor)
        return Array(UnsafeBufferPointer(start: plan.gradientVector(item: 0) + slot.offset,
                                         count: slot.tensor.elementCount))
    }

    /// Freezes or unfreezes layer `index`: a frozen layer's tensors are not updated and get no gradients, and a
    /// frozen batch normalisation uses its moving statistics in training (Keras `trainable = False`).
    public func setFrozen(_ isFrozen: Bool, layerAt index: Int) {
        precondition(layers.indices.contains(index), "Network.setFrozen: no layer at index \(index)")
        plan.setFrozen(isFrozen, layerAt: index)
    }

    /// Whether layer `index` is frozen.
    public func isFrozen(layerAt index: Int) -> Bool {
        plan.frozen[index]
    }

    /// Parameters the optimizer updates: learned tensors of unfrozen layers (Keras "Trainable params").
    public var trainableParameterCount: Int {
        parameterSlots.reduce(0) { total, slot in
            total + (slot.tensor.role == .learned && !plan.frozen[slot.layerIndex] ? slot.tensor.elementCount : 0)
        }
    }

    /// Statistics plus tensors of frozen layers (Keras "Non-trainable params").
    public var nonTrainableParameterCount: Int { parameterCount - trainableParameterCount }

    private func copy(_ values: [Float], into destination: UnsafeMutablePointer<Float>, expected: Int,
                      name: String) throws(EngineError) {
        guard values.count == expected else {
            throw .valueCountMismatch(name: name, expected: expected, received: values.count)
        }
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            destination.update(from: base, count: expected)
        }
    }
}
