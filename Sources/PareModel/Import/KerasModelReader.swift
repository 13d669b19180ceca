// From a parsed Keras model config to a ModelSpec: the model's class, its input, its layers in config order and,
// for functional models, who feeds whom. Layer kinds come from KerasLayerConfig+LayerKind.

/// Reads the top level of a Keras model config (Keras 2 or 3, Sequential or Functional).
struct KerasModelReader {
    /// The file, for messages.
    let path: String

    /// What the reader found.
    struct Result {
        var spec: ModelSpec
        var modelClass: String
        var format: KerasModelFile.Format
        var kerasVersion: String?
    }

    /// A layer read from the config, before names are made canonical.
    private struct ReadLayer {
        var config: KerasLayerConfig
        var kind: LayerKind
        var trainable: Bool
        /// Functional models: the names of the layers feeding this one (empty in Sequential models).
        var inboundNames: [String]
    }

    /// The model described by `root`, a `to_json()` document or a `.keras` archive's config.json.
    func read(_ root: JSONValue) throws(KerasImportError) -> Result {
        guard let model = root.object else { throw fail(.notAModel(found: KerasLayerConfig.kind(of: root))) }
        guard let className = model["class_name"]?.string else { throw fail(.notAModel(found: "an object without 'class_name'")) }
        let format: KerasModelFile.Format = model["module"] != nil ? .keras3 : .keras2
        let config = model["config"]
        var spec: ModelSpec
        switch className {
        case "Sequential":
            spec = try sequential(config, root: model)
        case "Functional", "Model":
            spec = try functional(config)
        default:
            throw fail(.notAModel(found: "class '\(className)'"))
        }
        let modelName = config?.object?["name"]?.string
        if let modelName, modelName != spec.displayName {
            guard !modelName.isEmpty, !modelName.contains(where: { "\"{}\n\r".contains($0) }) else {
                throw fail(.unwritableName(modelName, what: "model name"))
            }
            spec.name = modelName
        }
        if config?.object?["trainable"] == .bool(false) {
            for index in spec.layers.indices { spec.layers[index].trainable = false }
        }
        return Result(spec: spec, modelClass: className == "Sequential" ? "Sequential" : "Functional", format: format,
                      kerasVersion: model["keras_version"]?.string)
    }

    private func fail(_ reason: KerasImportError.Reason) -> KerasImportError {
        KerasImportError(reason, path: path)
    }

    // MARK: - Sequential

    /// A Sequential model: `config.layers` (or, before Keras 2.2.3, `config` itself as the list), with the input
    /// shape from a leading InputLayer, the first layer's `batch_input_shape`, or the build shape.
    private func sequential(_ config: JSONValue?, root: [String: JSONValue]) throws(KerasImportError) -> ModelSpec {
        guard let entries = config?.array ?? config?.object?["layers"]?.array else {
            throw fail(.malformed("the Sequential config has no 'layers' list"))
        }
        var layers = try entries.enumerated().map { position, entry throws(KerasImportError) in
            try KerasLayerConfig(entry, position: position, path: path)
        }
        var inputShape: Shape?
        if let first = layers.first, first.className == "InputLayer" {
            inputShape = try self.inputShape(of: first)
            layers.removeFirst()
        } else if let first = layers.first, let batchShape = first.value("batch_input_shape") ?? first.value("batch_shape") {
            inputShape = try shape(batchShape)
        } else if let buildShape = config?.object?["build_input_shape"] ?? root["build_config"]?.object?["input_shape"],
                  !buildShape.isNull {
            inputShape = try shape(buildShape)
        }
        guard !layers.isEmpty else { throw fail(.noLayers) }
        guard let inputShape else { throw fail(.noInputShape) }
        let read = try layers.map { layer throws(KerasImportError) in
            ReadLayer(config: layer, kind: try layer.layerKind(), trainable: try layer.bool("trainable", default: true),
                      inboundNames: [])
        }
        return try canonicalSpec(inputShape: inputShape, inputName: nil, layers: read, isGraph: false)
    }

    // MARK: - Functional

    /// A functional model: an InputLayer, then layers that name their inputs in `inbound_nodes`.
    private func functional(_ config: JSONValue?) throws(KerasImportError) -> ModelSpec {
        guard let object = config?.object, let entries = object["layers"]?.array else {
            throw fail(.malformed("the Functional config has no 'layers' list"))
        }
        var inputs: [KerasLayerConfig] = []
        var read: [ReadLayer] = []
        for (position, entry) in entries.enumerated() {
            let layer = try KerasLayerConfig(entry, position: position, path: path)
            guard layer.name != nil else { throw layer.failure(.malformed("a functional layer without a name")) }
            if layer.className == "InputLayer" {
                inputs.append(layer)
                continue
            }
            let kind = try layer.layerKind()
            read.append(ReadLayer(config: layer, kind: kind, trainable: try layer.bool("trainable", default: true),
                                  inboundNames: try KerasInboundNodes.names(of: layer)))
        }
        let declaredInputs = try references(object["input_layers"], key: "input_layers")
        guard inputs.count == 1, declaredInputs.count <= 1 else {
            throw fail(.multipleInputs(max(inputs.count, declaredInputs.count)))
        }
        guard !read.isEmpty else { throw fail(.noLayers) }
        let outputs = try references(object["output_layers"], key: "output_layers")
        guard outputs.count <= 1 else { throw fail(.multipleOutputs(outputs.count)) }
        if let output = outputs.first, output != read.last?.config.name {
            throw fail(.outputNotLast(output))
        }
        let input = inputs[0]
        let inputName = input.name ?? "input_layer"
        try checkWritable(inputName, what: "input name", layer: input)
        return try canonicalSpec(inputShape: try inputShape(of: input), inputName: inputName, layers: read, isGraph: true)
    }

    /// The layer names of `input_layers` / `output_layers`: `["name", 0, 0]` (Keras 3, one tensor) or a list of them.
    private func references(_ value: JSONValue?, key: String) throws(KerasImportError) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let elements = value.array else { throw fail(.malformed("'\(key)' is \(KerasLayerConfig.kind(of: value)), not a list")) }
        if let name = elements.first?.string { return [name] }
        return try elements.map { element throws(KerasImportError) in
            guard let name = element.array?.first?.string else { throw fail(.malformed("'\(key)' holds \(element.pythonText)")) }
            return name
        }
    }

    // MARK: - Input shape

    /// The shape of an InputLayer (`batch_shape` in Keras 3, `batch_input_shape` in Keras 2).
    private func inputShape(of layer: KerasLayerConfig) throws(KerasImportError) -> Shape {
        guard let batchShape = layer.value("batch_shape") ?? layer.value("batch_input_shape") else {
            throw layer.failure(.noInputShape)
        }
        return try shape(batchShape)
    }

    /// A Keras batch shape (`[null, 28, 28, 1]`) as Pare's per-example shape.
    private func shape(_ batchShape: JSONValue) throws(KerasImportError) -> Shape {
        guard let dimensions = batchShape.array, !dimensions.isEmpty else {
            throw fail(.unsupportedInputShape(batchShape.pythonText, why: "expected a list like [null, 28, 28, 1]"))
        }
        let text = "(" + dimensions.map(\.pythonText).joined(separator: ", ") + ")"
        let sizes = dimensions.dropFirst().compactMap { $0.integer.flatMap { $0 > 0 ? $0 : nil } }
        guard sizes.count == dimensions.count - 1 else {
            throw fail(.unsupportedInputShape(text, why: "every dimension but the batch must be a known positive size"))
        }
        guard sizes.count == 1 || sizes.count == 3 else {
            throw fail(.unsupportedInputShape(text, why: "Pare takes images (None, H, W, C) and vectors (None, N)"))
        }
        return Shape(sizes)
    }

    // MARK: - Canonical spec

    /// The spec with Pare's canonical spelling: layer names left implicit where Pare would generate the same one
    /// (a functional model's input name is always kept, as the MobileNetV2 description writes it),
    /// inputs left implicit where a layer takes the one before it (a graph keeps at least one explicit input, so
    /// it stays a functional model), and BatchNormalization axes checked against the inferred shapes.
    private func canonicalSpec(inputShape: Shape, inputName: String?, layers: [ReadLayer],
                               isGraph: Bool) throws(KerasImportError) -> ModelSpec {
        var counters: [String: Int] = [:]
        var specs: [LayerSpec] = []
        var previous = inputName
        for layer in layers {
            var spec = LayerSpec(layer.kind, trainable: layer.trainable)
            let prefix = layer.kind.kerasNamePrefix
            let used = counters[prefix, default: 0]
            let generated = used == 0 ? prefix : "\(prefix)_\(used)"
            if let name = layer.config.name, name != generated {
                try checkWritable(name, what: "layer name", layer: layer.config)
                spec.name = name
            } else {
                counters[prefix] = used + 1
            }
            for inbound in layer.inboundNames { try checkWritable(inbound, what: "input name", layer: layer.config) }
            if isGraph, layer.kind == .add || layer.inboundNames != [previous].compactMap({ $0 }) {
                spec.inputs = layer.inboundNames
            }
            specs.append(spec)
            previous = layer.config.name ?? generated
        }
        if isGraph, let inputName, !specs.contains(where: { !$0.inputs.isEmpty }) {
            specs[0].inputs = [inputName]
        }
        let spec = ModelSpec(inputShape: inputShape, inputName: inputName, layers: specs)
        if let analysis = try? ModelAnalysis(spec) {
            for (layer, analysed) in zip(layers, analysis.layers) where layer.config.className == "BatchNormalization" {
                try layer.config.requireLastAxis(inputRank: analysed.inputShapes[0].rank)
            }
        }
        return spec
    }

    /// Fails for a name a `.pare` file cannot spell.
    private func checkWritable(_ name: String, what: String, layer: KerasLayerConfig) throws(KerasImportError) {
        guard !ModelFileParser.isLayerName(name) else { return }
        throw layer.failure(.unwritableName(name, what: what))
    }
}
