// `pare import`: turn a Keras model file into the equivalent .pare description.

import Foundation
import PareModel
import PareReport
import PareTraining

/// Writes the `.pare` description of a Keras model (`model.to_json()` text or a `.keras` archive).
enum ImportCommand: Command {
    static let name = "import"
    static let abstract = "Write the .pare description of a Keras model (model.to_json() text or a .keras file)."
    static let usage = "pare import MODEL.json|MODEL.keras [-o FILE.pare]"
    static let discussion = """
    Reads Keras 2 and Keras 3 Sequential and Functional models, keeping Keras's layer names and trainable flags, so
    'pare summary' of the result prints what Keras's model.summary() prints. Every command that takes a model FILE
    also takes the Keras file directly. Without --output the description is printed.
    """
    static let options: [OptionSpec] = [
        .value("output", "FILE", "Write the .pare file here (atomically) instead of printing it.", short: "o"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("import needs a Keras model FILE (.json or .keras)") }
        guard KerasModelFile.isKerasFile(path) else {
            throw CLIError.usage("import reads Keras model files (.json or .keras), got '\(echoInMessage(path))'")
        }
        let model = try KerasModelFile.load(path: path, inflate: ModelLoader.inflateZipMember)
        let analysis = try model.parsedModel.analyze()
        guard let output = arguments.value("output") else {
            console.write(model.pareText)
            return
        }
        try AtomicFile.write(model.pareText, to: URL(fileURLWithPath: output))
        let layers = analysis.layers.count
        console.print("wrote \(output): \(model.format.rawValue) \(model.modelClass) model \"\(analysis.spec.displayName)\", "
                      + "\(layers) layer\(layers == 1 ? "" : "s"), \(analysis.parameterCount.groupedDecimal) parameters")
    }
}
