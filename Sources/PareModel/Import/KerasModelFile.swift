// A Keras model file read into Pare's description: `model.to_json()` text or a `.keras` archive (whose
// config.json holds the same document), Keras 2 or 3, Sequential or Functional.

import Foundation

/// A Keras model description imported as a `ModelSpec`, keeping Keras's layer names and `trainable` flags so that
/// `KerasSummary` prints what Keras prints for the same model.
///
/// ```swift
/// let model = try KerasModelFile.load(path: "model.json", inflate: myInflater)
/// let analysis = try model.parsedModel.analyze()
/// ```
///
/// Every layer class Pare describes is read (InputLayer, Dense, Conv2D, MaxPooling2D, AveragePooling2D,
/// GlobalAveragePooling2D, BatchNormalization on the last axis, Dropout, Activation, Flatten, DepthwiseConv2D,
/// ZeroPadding2D, ReLU, Add); anything else is a `KerasImportError` naming the file, the layer and its class. What
/// is read and what is ignored per layer is listed at `KerasLayerConfig.layerKind()`: initializers, regularizers,
/// constraints and seeds are ignored, as they change training but not the architecture or its parameter count.
public struct KerasModelFile: Hashable, Sendable {
    /// The Keras generation whose format the file is in.
    public enum Format: String, Hashable, Sendable {
        /// Keras 2 (tf.keras up to TensorFlow 2.15): no `module` keys, `batch_input_shape`, list-style inbound nodes.
        case keras2 = "Keras 2"
        /// Keras 3: `module` keys, `batch_shape`, dtype policies, `__keras_tensor__` inbound nodes.
        case keras3 = "Keras 3"
    }

    /// The imported model.
    public var spec: ModelSpec
    /// The file as the user named it.
    public var path: String
    /// The format the file is in.
    public var format: Format
    /// `Sequential` or `Functional` (Keras 2's `Model` class reads as `Functional`).
    public var modelClass: String
    /// The Keras version the file records (`keras_version` of Keras 2 JSON or of a `.keras` archive's metadata).
    public var kerasVersion: String?

    /// The largest config accepted from a `.keras` archive (MobileNetV2's is 157 KB).
    public static let maximumConfigBytes = 64 << 20

    /// True when `path` names a Keras model file by its extension (`.json`, `.keras`, or `.h5`/`.hdf5`, which
    /// `load` refuses with a hint; any case).
    public static func isKerasFile(_ path: String) -> Bool {
        ["json", "keras", "h5", "hdf5"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Imports the JSON text of a Keras model (`model.to_json()`, or a `.keras` archive's config.json).
    ///
    /// - Parameters:
    ///   - path: the name used in messages.
    ///   - kerasVersion: the version recorded beside the JSON (a `.keras` archive's metadata), if any.
    public static func parse(json bytes: [UInt8], path: String, kerasVersion: String? = nil) throws(KerasImportError) -> KerasModelFile {
        let root: JSONValue
        do {
            root = try JSONReader.read(bytes, options: .kerasConfig)
        } catch {
            throw KerasImportError(.invalidJSON(offset: error.offset, error.problem.description), path: path)
        }
        let result = try KerasModelReader(path: path).read(root)
        return KerasModelFile(spec: result.spec, path: path, format: result.format, modelClass: result.modelClass,
                              kerasVersion: result.kerasVersion ?? kerasVersion)
    }

    /// Reads and imports the file at `path`: a zip archive (a `.keras` file, recognised by its content) or JSON;
    /// an HDF5 file (Keras 2's `.h5`, also recognised by its content) is refused with a hint.
    ///
    /// - Parameter inflate: decodes DEFLATE-compressed archive members (Keras stores them uncompressed, but an
    ///   archive re-zipped by another tool may compress them).
    public static func load(path: String, inflate: ZipMemberInflater) throws(KerasImportError) -> KerasModelFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KerasImportError(.fileNotFound, path: path)
        }
        guard !isDirectory.boolValue else { throw KerasImportError(.unreadable("it is a directory"), path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KerasImportError(.unreadable("permission denied or I/O error"), path: path)
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) { throw KerasImportError(.hdf5, path: path) }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            return try parse(json: bytes, path: path)
        }
        let archive: (config: [UInt8]?, kerasVersion: String?)
        do {
            archive = try configMember(ofArchive: bytes, inflate: inflate)
        } catch {
            throw KerasImportError(.badArchive(error.message), path: path)
        }
        guard let config = archive.config else { throw KerasImportError(.missingConfig, path: path) }
        return try parse(json: config, path: path, kerasVersion: archive.kerasVersion)
    }

    /// The `config.json` of a `.keras` archive (`nil` if absent) and the Keras version its `metadata.json` records.
    private static func configMember(ofArchive bytes: [UInt8],
                                     inflate: ZipMemberInflater) throws(ZipArchive.Problem) -> (config: [UInt8]?, kerasVersion: String?) {
        let archive = try ZipArchive(bytes: bytes)
        func contents(_ name: String) throws(ZipArchive.Problem) -> [UInt8]? {
            guard let member = archive.member(named: name) else { return nil }
            return try archive.contents(of: member, limit: maximumConfigBytes, inflate: inflate)
        }
        let version = try contents("metadata.json").flatMap { try? JSONReader.read($0, options: .kerasConfig) }?.object?["keras_version"]?.string
        return (try contents("config.json"), version)
    }

    /// The model as a `ParsedModel` without variables, so commands treat it like a `.pare` file; shape errors
    /// point at the file (a JSON file has no useful line numbers).
    public var parsedModel: ParsedModel {
        ParsedModel(spec: spec, path: path, layerLocations: Array(repeating: SourceLocation(path: path), count: spec.layers.count),
                    variables: [])
    }

    /// The equivalent `.pare` file: a header saying where it came from, then the canonical description.
    public var pareText: String {
        let version = kerasVersion.map { "Keras \($0)" } ?? format.rawValue
        return """
            # Imported by `pare import` from \(path.replacingOccurrences(of: "\n", with: " ")) (\(version) \(modelClass) model).
            # Layer names, trainable flags and settings are Keras's; shapes and counts are inferred by Pare.

            """ + spec.pareText
    }
}
