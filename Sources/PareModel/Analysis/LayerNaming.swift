// Keras-style layer names: explicit names are kept, others are generated per class (`dense`, `dense_1`, …).

extension ModelSpec {
    /// Each layer's name as Keras would print it in a fresh session: the explicit name if given, otherwise
    /// the class prefix followed by `_k` for the k-th earlier unnamed layer of the same prefix.
    public var resolvedLayerNames: [String] {
        var counters: [String: Int] = [:]
        return layers.map { layer in
            if let name = layer.name { return name }
            let prefix = layer.kind.kerasNamePrefix
            let used = counters[prefix, default: 0]
            counters[prefix] = used + 1
            return used == 0 ? prefix : "\(prefix)_\(used)"
        }
    }
}
