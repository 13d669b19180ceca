// torchinfo 1.8.0's `summary(module, input_size=(1, …))` text for the `nn.Sequential` equivalent of a model
// (torchinfo/formatting.py, model_statistics.py, layer_info.py), byte for byte.

import PareModel

/// The torchinfo summary of a described model at batch 1.
///
/// ```swift
/// let text = TorchinfoSummary(analysis).render(columns: TorchinfoColumn.full)
/// ```
public struct TorchinfoSummary: Hashable, Sendable {
    /// The analysed model.
    public var analysis: ModelAnalysis

    /// Creates the summary of an analysed model.
    public init(_ analysis: ModelAnalysis) {
        self.analysis = analysis
    }

    /// Width of each value column (torchinfo's `col_width` default).
    static let columnWidth = 25
    /// Width of the name column (torchinfo's `layer_name_width`). torchinfo widens it in steps of 5 once a name
    /// plus its indent (depth · 5 + 1) reaches 40 characters, which at depth 1 needs a class name of 27 or more
    /// characters (with fewer than 1,000 modules); the longest Pare emits is `AdaptiveAvgPool2d` (17).
    static let nameWidth = 40

    /// torchinfo's text, ending in a newline as `print(summary(...))` leaves it.
    ///
    /// Rules: a root `Sequential` row (input and output shapes, `--` elsewhere) and one `├─Class: 1-k` row per
    /// module; every field left-aligned in 25 characters after a 40-character name field, lines right-trimmed;
    /// `--` for zero parameters or multiply-adds; thousands separators; the parameter count of a module with
    /// no trainable parameter in parentheses; totals with non-trainable = total - trainable; multiply-adds in
    /// torchinfo's automatic unit; memory in MB of 10^6 bytes with two decimals.
    public func render(columns: [TorchinfoColumn] = TorchinfoColumn.defaults) -> String {
        let modules = analysis.torchModules
        let titles = ["Layer (type:depth-idx)"] + columns.map(\.title)
        var rows = [["Sequential"] + columns.map { column in
            switch column {
            case .inputSize: Self.shapeText(ModelAnalysis.torchShape(analysis.inputShape))
            case .outputSize: Self.shapeText(ModelAnalysis.torchShape(analysis.outputShape))
            // A container shows only parameters of its own; the Sequential has none.
            case .parameterCount, .multiplyAdds: "--"
            }
        }]
        for (index, module) in modules.enumerated() {
            rows.append(["├─\(module.className): 1-\(index + 1)"] + columns.map { Self.field($0, of: module) })
        }

        let divider = String(repeating: "=", count: columns.count * Self.columnWidth + Self.nameWidth)
        func line(_ fields: [String]) -> String {
            var text = Self.padded(fields[0], Self.nameWidth) + " "
            for field in fields.dropFirst() { text += Self.padded(field, Self.columnWidth) + " " }
            return String(text.reversed().drop { $0 == " " }.reversed())
        }

        let totalParameters = modules.reduce(0) { $0 + $1.parameterCount }
        let trainableParameters = modules.reduce(0) { $0 + $1.trainableParameterCount }
        let memory = analysis.memory
        let lines = [divider, line(titles), divider] + rows.map(line) + [
            divider,
            "Total params" + TorchinfoNumber.countSuffix(totalParameters),
            "Trainable params" + TorchinfoNumber.countSuffix(trainableParameters),
            "Non-trainable params" + TorchinfoNumber.countSuffix(totalParameters - trainableParameters),
            "Total mult-adds" + TorchinfoNumber.multiplyAddsSuffix(modules.reduce(0) { $0 + $1.multiplyAdds }),
            divider,
            "Input size (MB): " + TorchinfoNumber.megabytes(bytes: memory.inputBytes),
            "Forward/backward pass size (MB): " + TorchinfoNumber.megabytes(bytes: memory.forwardBackwardBytes),
            "Params size (MB): " + TorchinfoNumber.megabytes(bytes: memory.parameterBytes),
            "Estimated Total Size (MB): " + TorchinfoNumber.megabytes(bytes: memory.totalBytes),
            divider,
        ]
        return lines.map { $0 + "\n" }.joined()
    }

    /// One value of a module row.
    static func field(_ column: TorchinfoColumn, of module: TorchModule) -> String {
        switch column {
        case .inputSize:
            return shapeText(module.inputShape)
        case .outputSize:
            return shapeText(module.outputShape)
        case .parameterCount:
            guard module.parameterCount > 0 else { return "--" }
            let count = module.parameterCount.groupedDecimal
            return module.trainableParameterCount > 0 ? count : "(\(count))"
        case .multiplyAdds:
            return module.multiplyAdds > 0 ? module.multiplyAdds.groupedDecimal : "--"
        }
    }

    /// Python's `str(list)`: `[1, 2, 26, 26]`.
    static func shapeText(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// `text` left-aligned in `width` characters (Python's `f"{text:<{width}}"`: never truncated).
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
