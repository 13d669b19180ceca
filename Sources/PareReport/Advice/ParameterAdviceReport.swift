// `--advise`: a short plain-language report on where a model's parameters sit and what would shrink the layer
// that holds most of them.

import Foundation
import PareModel

/// The parameter budget of a model as text: a table of shares, then a hint naming the bottleneck layer, its
/// share and its input, and only the remedies that apply to this model, each with the counts it leads to.
///
/// ```swift
/// print(ParameterAdviceReport(ParameterBudget(analysis)).render())
/// ```
public struct ParameterAdviceReport: Hashable, Sendable {
    /// The budget to report.
    public var budget: ParameterBudget

    /// Creates the report of a budget.
    public init(_ budget: ParameterBudget) {
        self.budget = budget
    }

    /// The report, each line ending in a newline.
    public func render() -> String {
        let analysis = budget.analysis
        let total = analysis.parameterCount.groupedDecimal
        var lines = ["Parameter budget of \"\(analysis.spec.displayName)\": \(total) parameters", ""]
        lines += shareTable()
        lines.append("")
        if let bottleneck = budget.bottleneck {
            lines += describe(bottleneck)
        } else if let largest = budget.largestShare, largest.parameterCount > 0 {
            let layer = analysis.layers[largest.layerIndex]
            lines.append("No single layer holds most of the parameters; the largest is \(Self.title(layer)) with "
                         + "\(Self.percent(largest.fraction)).")
        } else {
            lines.append("The model has no parameters.")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The table of shares: name, class, parameters and share, columns two spaces apart.
    private func shareTable() -> [String] {
        let header = ["layer", "class", "parameters", "share"]
        let rows = budget.shares.map { share in
            [share.layerName, budget.analysis.layers[share.layerIndex].spec.kind.kerasClassName,
             share.parameterCount.groupedDecimal, share.parameterCount == 0 ? "-" : Self.percent(share.fraction)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            let text = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + padding : padding + cell  // names left, numbers right
            }.joined(separator: "  ")
            return "  " + String(text.reversed().drop { $0 == " " }.reversed())
        }
    }

    private func describe(_ bottleneck: ParameterBudget.Bottleneck) -> [String] {
        let analysis = budget.analysis
        let layer = analysis.layers[bottleneck.share.layerIndex]
        var lines = ["Bottleneck: \(Self.title(layer)) holds \(Self.percent(bottleneck.share.fraction)) of the "
                     + "parameters (\(layer.parameterCount.groupedDecimal) of \(analysis.parameterCount.groupedDecimal))."]
        let values = bottleneck.inputShape.elementCount.groupedDecimal
        if let image = bottleneck.flattenedImage {
            let what = bottleneck.flattenIndex == 0 ? "input image" : "feature map"
            lines.append("It reads \(values) values: the \(image) \(what), flattened.")
        } else if bottleneck.inputShape.isImage {
            lines.append("It reads a \(bottleneck.inputShape) input (\(values) values).")
        } else {
            lines.append("It reads \(values) values.")
        }
        guard !bottleneck.remedies.isEmpty else {
            lines.append("None of the usual remedies (pooling, another conv stage, global pooling, a narrower "
                         + "layer) applies to this model.")
            return lines
        }
        lines.append("What would shrink it:")
        for remedy in bottleneck.remedies {
            lines.append("  - " + hint(remedy, bottleneck: layer))
        }
        return lines
    }

    /// One remedy in words: the edit in `.pare` spelling, then the counts it leads to.
    private func hint(_ remedy: ParameterBudget.Remedy, bottleneck layer: LayerAnalysis) -> String {
        let analysis = budget.analysis
        let before: String
        switch remedy.change {
        case .insert(let layers, let position):
            let flatten = analysis.layers[position]
            let what = remedy.kind == .maxPoolingBeforeFlatten
                ? "max pooling on its input" : "an extra conv–conv–pool stage"
            before = "\(what): add \(Self.quotedLines(layers)) before \(flatten.name) "
                + "(\(flatten.inputShape) → \(remedy.analysis.layers[position + layers.count].inputShape))"
        case .replace(let position, let replacement) where remedy.kind == .globalAveragePoolingInsteadOfFlatten:
            let flatten = analysis.layers[position]
            before = "global average pooling instead of Flatten: '\(replacement.pareText)' in place of "
                + "\(flatten.name) (\(flatten.inputShape) → \(flatten.inputShape.channels) values)"
        case .replace(let position, let replacement):
            let target = analysis.layers[position]
            before = "a narrower \(target.name): '\(replacement.pareText)' instead of '\(target.spec.pareText)'"
        }
        let after = remedy.bottleneck
        let saving = 1 - Double(remedy.parameterCount) / Double(analysis.parameterCount)
        return before + "; \(layer.name) would read \(after.inputShape.elementCount.groupedDecimal) values and hold "
            + "\(after.parameterCount.groupedDecimal) parameters, the model \(remedy.parameterCount.groupedDecimal) "
            + "in all (\(String(format: "%.1f", saving * 100))% fewer)."
    }

    private static func title(_ layer: LayerAnalysis) -> String {
        "\(layer.name) (\(layer.spec.kind.kerasClassName))"
    }

    private static func quotedLines(_ layers: [LayerSpec]) -> String {
        layers.map { "'\($0.pareText)'" }.joined(separator: ", ")
    }

    /// A fraction as a percentage with one decimal; nonzero parts under 0.05% read `<0.1%`.
    static func percent(_ fraction: Double) -> String {
        fraction > 0 && fraction < 0.0005 ? "<0.1%" : String(format: "%.1f%%", fraction * 100)
    }
}
