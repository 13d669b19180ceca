// Every way a Keras model file can fail to import, each rendered as one compiler-style line naming the file and,
// where there is one, the layer and its Keras class.

/// A Keras model file (`model.to_json()` text or a `.keras` archive) that Pare cannot read or describe.
///
/// `description` is the one line Pare prints, e.g.
/// `model.json: error: layer 'conv2d' (Conv2D): data_format 'channels_first' is not supported: Pare describes channels-last models`.
public struct KerasImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var path: String
    /// The layer the problem is in, if it is in one.
    public var layer: Layer?
    /// What is wrong.
    public var reason: Reason

    /// A layer of the Keras model, as a message names it.
    public struct Layer: Hashable, Sendable {
        /// The layer's name (`conv2d`), or its position (`#3`) when it has none.
        public var name: String
        /// The Keras class (`Conv2D`).
        public var className: String

        /// Creates a layer reference.
        public init(name: String, className: String) {
            self.name = name
            self.className = className
        }
    }

    /// Creates an error about the file at `path`, optionally in `layer`.
    public init(_ reason: Reason, path: String, layer: Layer? = nil) {
        self.reason = reason
        self.path = path
        self.layer = layer
    }

    /// The kinds of problems, with what was received.
    public enum Reason: Hashable, Sendable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but cannot be read (a directory, no permission, …).
        case unreadable(String)
        /// The text is not JSON: the byte offset and what was expected there.
        case invalidJSON(offset: Int, String)
        /// A `.keras` file that is not a readable zip archive.
        case badArchive(String)
        /// A Keras HDF5 file (`.h5`), which Pare does not read.
        case hdf5
        /// A `.keras` archive without its `config.json`.
        case missingConfig
        /// The JSON is not a Keras Sequential or Functional model; `found` says what it is instead.
        case notAModel(found: String)
        /// The JSON lacks something every Keras model file has, e.g. a layer without `class_name`.
        case malformed(String)
        /// A layer class Pare has no equivalent for.
        case unsupportedClass
        /// A model used as a layer of another model.
        case nestedModel
        /// A setting Pare cannot represent: the config key, the value as Python prints it, and why.
        case unsupported(key: String, value: String, why: String)
        /// A config value of the wrong kind.
        case expected(String, key: String, found: String)
        /// A required config key that is absent.
        case missingKey(String)
        /// No input shape anywhere: no `InputLayer`, no `batch_input_shape`, no build shape.
        case noInputShape
        /// An input shape Pare cannot take (the shape as Keras prints it, and why).
        case unsupportedInputShape(String, why: String)
        /// More than one model input.
        case multipleInputs(Int)
        /// More than one model output.
        case multipleOutputs(Int)
        /// The declared output is not the last layer of the config.
        case outputNotLast(String)
        /// A layer called more than once (a shared layer).
        case sharedLayer(calls: Int)
        /// An input reference Pare cannot follow (another node or tensor of a layer), as written.
        case unsupportedInbound(String)
        /// A Sequential with an `InputLayer` that is not its first layer.
        case misplacedInputLayer
        /// A model without layers.
        case noLayers
        /// A layer or model name that a `.pare` file cannot spell (what it names, and the name).
        case unwritableName(String, what: String)
    }

    /// The classes Pare describes, for the unsupported-class message.
    public static let supportedClasses = ["Activation", "Add", "AveragePooling2D", "BatchNormalization", "Conv2D", "Dense",
                                          "DepthwiseConv2D", "Dropout", "Flatten", "GlobalAveragePooling2D", "InputLayer",
                                          "MaxPooling2D", "ReLU", "ZeroPadding2D"]

    /// The message without the file and layer prefix.
    public var message: String {
        switch reason {
        case .fileNotFound:
            return "no such file"
        case .unreadable(let why):
            return "cannot read the file: \(why)"
        case .invalidJSON(let offset, let what):
            return "not a Keras model: invalid JSON at byte \(offset): \(what)"
        case .badArchive(let why):
            return "not a .keras archive: \(why)"
        case .missingConfig:
            return "the .keras archive has no config.json"
        case .hdf5:
            return "Keras HDF5 files are not read; save the architecture with model.to_json() or the model as .keras"
        case .notAModel(let found):
            return "expected a Keras Sequential or Functional model, found \(found)"
        case .malformed(let what):
            return "malformed Keras model: \(what)"
        case .unsupportedClass:
            return "Pare cannot describe this layer class (it describes \(Self.supportedClasses.joined(separator: ", ")))"
        case .nestedModel:
            return "a model used as a layer is not supported; import that model on its own"
        case .unsupported(let key, let value, let why):
            return "\(key) \(echoInMessage(value)) is not supported: \(why)"
        case .expected(let what, let key, let found):
            return "expected \(what) for '\(key)', found \(echoInMessage(found))"
        case .missingKey(let key):
            return "the config has no '\(key)'"
        case .noInputShape:
            return "the model has no input shape (no InputLayer, batch_input_shape or build shape); save it after building"
        case .unsupportedInputShape(let shape, let why):
            return "input shape \(shape) is not supported: \(why)"
        case .multipleInputs(let count):
            return "the model has \(count) inputs; Pare models have one"
        case .multipleOutputs(let count):
            return "the model has \(count) outputs; Pare models have one"
        case .outputNotLast(let name):
            return "the output layer '\(echoInMessage(name))' is not the last layer of the config; Pare models end with their output"
        case .sharedLayer(let calls):
            return "the layer is called \(calls) times; Pare models use each layer once"
        case .unsupportedInbound(let reference):
            return "input \(echoInMessage(reference)) is not supported: Pare layers take the one output of a layer called once"
        case .misplacedInputLayer:
            return "an InputLayer after the first layer of a Sequential model"
        case .noLayers:
            return "the model has no layers"
        case .unwritableName(let name, let what):
            return "\(what) '\(echoInMessage(name))' cannot be written in a .pare file "
                + "(letters, digits, '_', '.', '-', starting with a letter or '_')"
        }
    }

    /// `path: error: layer 'name' (Class): message`, or `path: error: message` outside layers.
    public var description: String {
        let prefix = layer.map { "layer '\(echoInMessage($0.name))' (\($0.className)): " } ?? ""
        return "\(path): error: \(prefix)\(message)"
    }
}
