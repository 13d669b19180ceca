// One layer entry of a Keras model config, with typed readers for its settings that fail with the layer's name
// and class. Absent keys take the default of the Keras constructor, as `from_config` would.

/// A layer of a Keras config: its class, name, `config` object and the entry around it.
struct KerasLayerConfig {
    /// The Keras class (`Conv2D`).
    let className: String
    /// The layer's name, if the file gives one.
    let name: String?
    /// The layer's `config` object.
    let config: [String: JSONValue]
    /// The whole entry (`class_name`, `config`, and in functional models `name` and `inbound_nodes`).
    let entry: [String: JSONValue]
    /// The file, for messages.
    let path: String
    /// The layer's position in the config's layer list, for messages about unnamed layers.
    let position: Int

    /// Reads the entry at `position` of a config's layer list.
    init(_ value: JSONValue, position: Int, path: String) throws(KerasImportError) {
        guard let entry = value.object else {
            throw KerasImportError(.malformed("layer #\(position) is \(Self.kind(of: value)), not an object"), path: path)
        }
        guard let className = entry["class_name"]?.string else {
            throw KerasImportError(.malformed("layer #\(position) has no 'class_name'"), path: path)
        }
        let config = entry["config"]?.object ?? [:]
        self.className = className
        self.name = config["name"]?.string ?? entry["name"]?.string
        self.config = config
        self.entry = entry
        self.path = path
        self.position = position
    }

    /// The layer as messages name it.
    var reference: KerasImportError.Layer {
        KerasImportError.Layer(name: name ?? "#\(position)", className: className)
    }

    /// An error about this layer.
    func failure(_ reason: KerasImportError.Reason) -> KerasImportError {
        KerasImportError(reason, path: path, layer: reference)
    }

    /// A short description of a JSON value's kind, for messages.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    // MARK: - Typed settings

    /// The setting `key`, treating JSON `null` like an absent key.
    func value(_ key: String) -> JSONValue? {
        guard let value = config[key], !value.isNull else { return nil }
        return value
    }

    /// A positive integer (`units`, `filters`); `defaultValue` when absent, an error when absent without one.
    func positiveInteger(_ key: String, default defaultValue: Int? = nil) throws(KerasImportError) -> Int {
        guard let value = value(key) else {
            guard let defaultValue else { throw failure(.missingKey(key)) }
            return defaultValue
        }
        guard let number = value.integer, number > 0 else {
            throw failure(.expected("a positive integer", key: key, found: value.pythonText))
        }
        return number
    }

    /// A height × width setting written as one integer or a pair (`kernel_size`, `strides`, `pool_size`).
    func size2(_ key: String, default defaultValue: Size2? = nil) throws(KerasImportError) -> Size2 {
        guard let value = value(key) else {
            guard let defaultValue else { throw failure(.missingKey(key)) }
            return defaultValue
        }
        if let side = value.integer, side > 0 { return Size2(square: side) }
        if let pair = value.array?.compactMap(\.integer), pair.count == 2, value.array?.count == 2, pair.allSatisfy({ $0 > 0 }) {
            return Size2(pair[0], pair[1])
        }
        throw failure(.expected("a positive integer or a pair of them", key: key, found: value.pythonText))
    }

    /// `padding`: `valid` or `same` (any case, as Keras lower-cases it).
    func padding() throws(KerasImportError) -> Padding {
        guard let value = value("padding") else { return .valid }
        guard let text = value.string else { throw failure(.expected("'valid' or 'same'", key: "padding", found: value.pythonText)) }
        guard let padding = Padding(rawValue: text.lowercased()) else {
            throw failure(.unsupported(key: "padding", value: value.pythonText, why: "Pare pads 'valid' or 'same'"))
        }
        return padding
    }

    /// A boolean setting (`use_bias`).
    func bool(_ key: String, default defaultValue: Bool) throws(KerasImportError) -> Bool {
        guard let value = value(key) else { return defaultValue }
        guard case .bool(let flag) = value else { throw failure(.expected("true or false", key: key, found: value.pythonText)) }
        return flag
    }

    /// A finite number in `range` (`rate`, `momentum`, `epsilon`).
    func number(_ key: String, default defaultValue: Double? = nil, in range: Range<Double>,
                expected: String) throws(KerasImportError) -> Double {
        guard let value = value(key) else {
            guard let defaultValue else { throw failure(.missingKey(key)) }
            return defaultValue
        }
        guard let number = value.finiteNumber, range.contains(number) else {
            throw failure(.expected(expected, key: key, found: value.pythonText))
        }
        return number
    }

    /// An activation, written as its name or as a serialized function object (`{"config": "relu", …}`).
    func activation(_ key: String = "activation", required: Bool = false) throws(KerasImportError) -> Activation {
        guard let value = value(key) else {
            if required { throw failure(.missingKey(key)) }
            return .linear
        }
        guard let name = value.string ?? value.object?["config"]?.string ?? value.object?["class_name"]?.string else {
            throw failure(.expected("an activation name", key: key, found: value.pythonText))
        }
        guard let activation = Activation(rawValue: name) else {
            let known = Activation.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure(.unsupported(key: key, value: "'\(name)'", why: "Pare has \(known)"))
        }
        return activation
    }

    /// Fails unless `key` is absent, null, or satisfies `isSupported`; `why` says what Pare supports.
    func require(_ key: String, why: String, _ isSupported: (JSONValue) -> Bool) throws(KerasImportError) {
        guard let value = value(key), !isSupported(value) else { return }
        throw failure(.unsupported(key: key, value: value.pythonText, why: why))
    }

    /// Fails for `data_format` `channels_first`.
    func requireChannelsLast() throws(KerasImportError) {
        try require("data_format", why: "Pare describes channels-last models") { $0.string == "channels_last" }
    }

    /// Fails for a dilation rate other than 1 (written as `1` or `[1, 1]`).
    func requireNoDilation() throws(KerasImportError) {
        try require("dilation_rate", why: "Pare's convolutions are not dilated") { value in
            value.integer == 1 || value.array?.allSatisfy { $0.integer == 1 } == true
        }
    }

    /// Fails for LoRA-enabled layers (Keras 3 `lora_rank`), whose extra weights Pare cannot count.
    func requireNoLoRA() throws(KerasImportError) {
        try require("lora_rank", why: "Pare has no LoRA adapters") { _ in false }
    }

    /// Fails for a dtype policy other than float32 (`"float32"`, or a `DTypePolicy`/`Policy` object named so).
    func requireFloat32() throws(KerasImportError) {
        guard let value = value("dtype") else { return }
        let name = value.string ?? value.object?["config"]?.object?["name"]?.string
        guard name != "float32" else { return }
        throw failure(.unsupported(key: "dtype", value: name.map { "'\($0)'" } ?? value.pythonText,
                                   why: "Pare counts and computes in float32"))
    }
}
