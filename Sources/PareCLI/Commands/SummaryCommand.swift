// `pare summary`: analyse a model without training and print it as Keras or torchinfo would.

import PareModel
import PareReport

/// Prints a model's summary (shapes, exact parameter counts, multiply-adds, memory) without training it.
enum SummaryCommand: Command {
    static let name = "summary"
    static let abstract = "Print a model's summary as Keras or torchinfo would (shapes, parameters, MACs, memory)."
    static let usage = "pare summary FILE [--set NAME=VALUE,…] [--format keras|torchinfo|json] [options]"
    static let discussion = """
    FILE is a .pare model description or a Keras model (.json from to_json(), or .keras). The Keras format is byte-identical to Keras 3.15's model.summary(); the
    torchinfo format to torchinfo 1.8.0's summary() of the equivalent nn.Sequential at batch 1 (add --columns full
    for input sizes and mult-adds). --advise adds each layer's share of the parameters and what would shrink the
    largest, with multiply-adds and FLOPs (= 2 × multiply-adds).
    """
    static let options: [OptionSpec] = [
        ModelLoader.setOption,
        .value("format", "FORMAT", "keras (default), torchinfo or json."),
        .value("columns", "SET", "torchinfo columns: default (output, params) or full (input, output, params, mult-adds)."),
        .value("line-length", "N", "Keras table width (default: 88, as Keras)."),
        .flag("show-trainable", "Add Keras's Trainable column."),
        .flag("advise", "Add the parameter budget: each layer's share and how to shrink the largest."),
        .value("unfreeze-top", "K", "Fine-tuning view: freeze the model except its top K layers and add a trainable head."),
        .value("head-units", "N", "Units of the head's Dense layer with --unfreeze-top (default 1, as Keras's binary head)."),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        try arguments.requirePositionals(atMost: 1)
        guard let path = arguments.positionals.first else { throw CLIError.usage("summary needs a model FILE (e.g. models/qiita_cnn2.pare)") }
        let format = try arguments.choice("format", from: ["keras", "torchinfo", "json"], default: "keras")
        let columns = try arguments.choice("columns", from: ["default", "full"], default: "default")
        let lineLength = try arguments.integer("line-length", in: 1...10_000)
        if arguments.has("columns"), format != "torchinfo" { throw CLIError.usage("--columns applies to --format torchinfo") }
        if arguments.has("line-length") || arguments.flag("show-trainable"), format != "keras" {
            throw CLIError.usage("--line-length and --show-trainable apply to --format keras")
        }
        var (_, analysis) = try ModelLoader.load(path, arguments, command: name)
        if let top = try arguments.integer("unfreeze-top", in: 0...100_000) {
            let units = try arguments.integer("head-units", default: 1, in: 1...100_000)
            analysis = try ModelAnalysis(analysis.spec.fineTuning(unfreezeTop: top, headUnits: units))
        } else if arguments.has("head-units") {
            throw CLIError.usage("--head-units applies with --unfreeze-top")
        }
        switch format {
        case "torchinfo":
            console.write(TorchinfoSummary(analysis).render(columns: columns == "full" ? TorchinfoColumn.full : TorchinfoColumn.defaults))
        case "json":
            console.write(SummaryJSON(analysis).render())
        default:
            do {
                console.write(try KerasSummary(analysis).render(lineLength: lineLength, showTrainable: arguments.flag("show-trainable")))
            } catch {
                throw CLIError.usage(error.description)
            }
        }
        if arguments.flag("advise") {
            let megabytes = TorchinfoNumber.megabytes(bytes: analysis.memory.totalBytes)
            console.print()
            console.print("Compute: \(analysis.multiplyAdds.groupedDecimal) multiply-adds per example "
                          + "(\(analysis.flops.groupedDecimal) FLOPs); estimated total size at batch 1: \(megabytes) MB (torchinfo).")
            console.print()
            console.write(ParameterAdviceReport(ParameterBudget(analysis)).render())
        }
    }
}
