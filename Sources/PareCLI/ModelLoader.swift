// Reading the model a command names: a .pare file with `--set` values (Keras JSON comes with the interop issue).

import PareModel

/// Loads the model file a command was given.
enum ModelLoader {
    /// Parses `path` with the `--set` values of `arguments` (one value per variable) and analyses it.
    static func load(_ path: String, _ arguments: ParsedArguments, command: String) throws -> (ParsedModel, ModelAnalysis) {
        let overrides = try VariableAssignments(arguments.values("set")).single(command: command)
        let parsed = try ParsedModel.load(path: path, overrides: overrides)
        return (parsed, try parsed.analyze())
    }

    /// The `--set` option every model-taking command declares.
    static let setOption = OptionSpec.value("set", "NAME=VALUE[,…]", "Override the model file's 'let' variables, e.g. --set n=4,m=2.",
                                           repeats: true)
}
