// A model read from a file: the description plus where each part was written.

import Foundation

/// A model description read from `.pare` text, with the source position of every layer so that later
/// errors (shapes, training) can point at the right line.
public struct ParsedModel: Hashable, Sendable {
    /// The model.
    public var spec: ModelSpec
    /// The file as the user named it.
    public var path: String
    /// Where each layer was written, parallel to `spec.layers`.
    public var layerLocations: [SourceLocation]
    /// The variables in definition order with their final values (after `--set`).
    public var variables: [Variable]

    /// A `let` variable of a model file.
    public struct Variable: Hashable, Sendable {
        /// The name.
        public var name: String
        /// The value used.
        public var value: Int
        /// True when `--set` replaced the file's value.
        public var isOverridden: Bool
    }

    /// Parses `.pare` text.
    ///
    /// - Parameters:
    ///   - text: the file contents.
    ///   - path: the name used in error messages.
    ///   - overrides: `--set` values; each must name a variable the file defines.
    public static func parse(_ text: String, path: String,
                             overrides: [String: Int] = [:]) throws(ModelFileError) -> ParsedModel {
        try parse(bytes: Array(text.utf8), path: path, overrides: overrides)
    }

    /// Parses `.pare` bytes (validated as UTF-8 text).
    public static func parse(bytes: [UInt8], path: String,
                             overrides: [String: Int] = [:]) throws(ModelFileError) -> ParsedModel {
        var parser = ModelFileParser(path: path, overrides: overrides)
        return try parser.parse(SourceText.lines(of: bytes, path: path))
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String, overrides: [String: Int] = [:]) throws(ModelFileError) -> ParsedModel {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ModelFileError(.fileNotFound, at: SourceLocation(path: path))
        }
        guard !isDirectory.boolValue else {
            throw ModelFileError(.unreadable("it is a directory"), at: SourceLocation(path: path))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelFileError(.unreadable("permission denied or I/O error"), at: SourceLocation(path: path))
        }
        return try parse(bytes: [UInt8](data), path: path, overrides: overrides)
    }

    /// Analyses the model, reporting a shape problem at the line of the offending layer.
    public func analyze() throws(ModelFileError) -> ModelAnalysis {
        do {
            return try ModelAnalysis(spec)
        } catch {
            throw ModelFileError(.shape(error), at: layerLocations[error.layerIndex].withoutColumn)
        }
    }
}

extension SourceLocation {
    /// The same line, without a column (for errors about a whole line).
    var withoutColumn: SourceLocation { SourceLocation(path: path, line: line) }
}
