// Reading the model a command names: a .pare file with `--set` values, or a Keras model (`model.to_json()` text
// or a `.keras` archive) imported on the fly.

import PareData
import PareModel

/// Loads the model file a command was given.
enum ModelLoader {
    /// Reads `path` with the `--set` values of `arguments` (one value per variable) and analyses it.
    static func load(_ path: String, _ arguments: ParsedArguments, command: String) throws -> (ParsedModel, ModelAnalysis) {
        let overrides = try VariableAssignments(arguments.values("set")).single(command: command)
        let parsed = try parse(path, overrides: overrides)
        return (parsed, try parsed.analyze())
    }

    /// Reads `path`: a Keras model when its extension is `.json` or `.keras`, otherwise a `.pare` file. A Keras
    /// model has no variables, so any `--set` value is reported as naming an unknown one.
    static func parse(_ path: String, overrides: [String: Int] = [:]) throws -> ParsedModel {
        guard KerasModelFile.isKerasFile(path) else { return try ParsedModel.load(path: path, overrides: overrides) }
        let parsed = try KerasModelFile.load(path: path, inflate: inflateZipMember).parsedModel
        if let name = overrides.keys.sorted().first {
            throw ModelFileError(.unknownOverride(name, defined: []), at: SourceLocation(path: path))
        }
        return parsed
    }

    /// Decodes a DEFLATE member of a `.keras` archive with PareData's gzip decoder, by wrapping the raw stream in
    /// a gzip member (RFC 1952: 10-byte header, then the data, then the CRC-32 and size the archive records), so
    /// the decoder checks both.
    static func inflateZipMember(_ compressed: [UInt8], crc32: UInt32, uncompressedSize: Int) throws -> [UInt8] {
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]  // deflate, no flags, no time, unknown OS
        let size = UInt32(truncatingIfNeeded: uncompressedSize)
        let trailer = (0..<4).map { UInt8(truncatingIfNeeded: crc32 >> (8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
        // One byte over the recorded size, so the whole stream is decoded and its trailer checked.
        return try Gzip.decompress(header + compressed + trailer, maxOutputBytes: uncompressedSize + 1)
    }

    /// The `--set` option every model-taking command declares.
    static let setOption = OptionSpec.value("set", "NAME=VALUE[,…]", "Override the model file's 'let' variables, e.g. --set n=4,m=2.",
                                           repeats: true)
}
