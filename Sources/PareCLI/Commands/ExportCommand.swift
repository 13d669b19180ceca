// `pare export`: a ready-to-run Keras or PyTorch script for a trained model and its safetensors weights.

import Foundation
import PareData
import PareModel
import PareReport
import PareTraining

/// Writes a self-contained Python script that rebuilds a model in Keras or PyTorch, loads weights saved by
/// `pare train --save` and prints the test accuracy.
enum ExportCommand: Command {
    static let name = "export"
    static let abstract = "Write a Keras or PyTorch script that rebuilds a trained model, loads its weights and tests it."
    static let usage = "pare export FILE --weights WEIGHTS.safetensors --to keras|pytorch [-o SCRIPT.py] [--dataset mnist|DIR]"
    static let discussion = """
    The script needs numpy and its framework, not Pare and not the safetensors package. It reads the weights (Keras
    names and layouts; PyTorch's are converted as they load) and the test set's IDX files, and prints the test
    accuracy; its defaults are the weights file (found relative to the script) and the data set's folder, and
    --weights, --data and --limit override them. The weights must belong to the model: they are checked first.
    Sequential models only for now (every layer kind but add); graph models are refused.
    """
    static let options: [OptionSpec] = [
        ModelLoader.setOption,
        .value("weights", "FILE", "The safetensors file saved by 'pare train --save' (required)."),
        .value("to", "FRAMEWORK", "keras or pytorch (required)."),
        .value("output", "FILE", "Write the script here (atomically) instead of printing it.", short: "o"),
        .value("dataset", "NAME|DIR", "The test set the script reads by default: mnist (default), fashion-mnist, or a folder."),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("export needs a model FILE") }
        guard let weights = arguments.value("weights") else { throw CLIError.usage("export needs --weights FILE.safetensors") }
        guard let target = try arguments.choice("to", from: ExportFramework.allCases.map(\.rawValue)),
              let framework = ExportFramework(rawValue: target) else {
            throw CLIError.usage("export needs --to keras or --to pytorch")
        }
        let (_, analysis) = try ModelLoader.load(path, arguments, command: name)
        let output = arguments.value("output")
        let source = DatasetSource(arguments.value("dataset") ?? "mnist")
        // Written next to the script, the weights are found relative to it; a printed script gets the absolute path.
        let weightsURL = URL(fileURLWithPath: weights)
        let weightsPath = output.map { relativePath(of: weightsURL, from: URL(fileURLWithPath: $0).deletingLastPathComponent()) }
            ?? weightsURL.standardizedFileURL.path
        let export = PythonExport(analysis: analysis, framework: framework, weightsPath: weightsPath,
                                  dataFolder: try source.folder(), datasetName: source.name, source: path, pareVersion: Pare.version)
        let script: String
        do {
            script = try export.render()
        } catch {
            throw CLIError.failure("\(path): error: \(error)")
        }
        // The weights must load into this model, exactly as 'pare evaluate' would load them.
        let network = try NetworkBuilder.build(analysis, maxBatchSize: 1, threads: 1)
        try Checkpoint.load(into: network, analysis: analysis, from: URL(fileURLWithPath: weights))
        guard let output else {
            console.write(script)
            return
        }
        try AtomicFile.write(script, to: URL(fileURLWithPath: output))
        console.print("wrote \(output): \(framework.displayName) script for \(analysis.spec.displayName) (run: python3 \(output))")
    }

    /// `file` relative to `folder` (`../weights/w.safetensors`), so the script finds its weights wherever the pair
    /// is moved; both are made absolute from the current directory first.
    static func relativePath(of file: URL, from folder: URL) -> String {
        let fileParts = file.standardizedFileURL.pathComponents
        let folderParts = folder.standardizedFileURL.pathComponents
        let common = zip(fileParts, folderParts).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: folderParts.count - common) + fileParts[common...]
        return parts.joined(separator: "/")
    }
}
