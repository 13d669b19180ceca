// Who feeds a functional layer: the `inbound_nodes` of Keras 3 (call arguments holding `__keras_tensor__` objects
// with a `keras_history`) and of Keras 2 (nested lists `[[["name", node, tensor, {kwargs}], …]]`).

/// Reads the inputs of a functional model's layer.
enum KerasInboundNodes {
    /// The names of the layers whose outputs `layer` takes, in call order.
    ///
    /// - Throws: `KerasImportError` for a layer called more than once (shared layers), a reference to another node
    ///   or output tensor of a layer, tensors passed as keyword arguments, or a malformed node.
    static func names(of layer: KerasLayerConfig) throws(KerasImportError) -> [String] {
        guard let nodes = layer.entry["inbound_nodes"]?.array else {
            throw layer.failure(.malformed("a functional layer without 'inbound_nodes'"))
        }
        guard nodes.count == 1 else {
            if nodes.isEmpty { throw layer.failure(.malformed("a layer with no inputs that is not an InputLayer")) }
            throw layer.failure(.sharedLayer(calls: nodes.count))
        }
        let references: [JSONValue]
        if let node = nodes[0].object {
            // Keras 3: {"args": [...], "kwargs": {...}}; tensors in kwargs would be extra inputs.
            if let kwargs = node["kwargs"], !historyEntries(in: kwargs).isEmpty {
                throw layer.failure(.unsupportedInbound("passed as a keyword argument"))
            }
            references = historyEntries(in: node["args"] ?? .array([]))
        } else if let node = nodes[0].array {
            references = node
        } else {
            throw layer.failure(.malformed("inbound node \(nodes[0].pythonText)"))
        }
        guard !references.isEmpty else { throw layer.failure(.malformed("an inbound node without input tensors")) }
        return try references.map { reference throws(KerasImportError) in
            guard let parts = reference.array, parts.count >= 3, let name = parts[0].string else {
                throw layer.failure(.malformed("inbound reference \(reference.pythonText)"))
            }
            guard parts[1].integer == 0, parts[2].integer == 0 else {
                throw layer.failure(.unsupportedInbound(JSONValue.array(Array(parts.prefix(3))).pythonText))
            }
            return name
        }
    }

    /// Every `keras_history` (`["name", node, tensor]`) of the Keras 3 tensors in `value`, depth first.
    private static func historyEntries(in value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let elements):
            return elements.flatMap(historyEntries)
        case .object(let members):
            if value["class_name"]?.string == "__keras_tensor__", let history = value["config"]?["keras_history"] {
                return [history]
            }
            return members.sorted { $0.key < $1.key }.flatMap { historyEntries(in: $0.value) }
        default:
            return []
        }
    }
}
