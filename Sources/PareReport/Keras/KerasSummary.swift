// Keras's `model.summary()` for a model Pare describes: the analysis turned into Keras summary rows.

import PareModel

/// The Keras 3 summary of a described model: the Sequential layout, or for a graph model the functional layout
/// (an `InputLayer` row and the "Connected to" column, unless Keras finds it sequential-like).
///
/// ```swift
/// let text = try KerasSummary(analysis).render(lineLength: 76, showTrainable: true)
/// ```
public struct KerasSummary: Hashable, Sendable {
    /// The analysed model.
    public var analysis: ModelAnalysis

    /// Creates the summary of an analysed model.
    public init(_ analysis: ModelAnalysis) {
        self.analysis = analysis
    }

    /// The rows and totals Keras would list for the model: a `keras.Sequential`, or for a graph model a functional
    /// `keras.Model` whose input layer is `spec.resolvedInputName`, named `spec.displayName`.
    public var table: KerasSummaryTable {
        let isGraph = analysis.spec.isGraph
        var rows = analysis.layers.map { layer in
            KerasSummaryRow(
                name: layer.name, className: layer.spec.kind.kerasClassName,
                outputShape: KerasSummaryRow.shapeText(layer.outputShape),
                parameterCount: layer.parameterCount,
                inbound: isGraph ? layer.inputNames.map { KerasConnection(layerName: $0) } : [],
                trainable: layer.parameterCount == 0 ? .noWeights : layer.spec.trainable ? .trainable : .frozen)
        }
        if isGraph {
            rows.insert(KerasSummaryRow(name: analysis.spec.resolvedInputName, className: "InputLayer",
                                        outputShape: KerasSummaryRow.shapeText(analysis.inputShape), parameterCount: 0,
                                        inbound: [], trainable: .noWeights), at: 0)
        }
        return KerasSummaryTable(
            modelName: analysis.spec.displayName, kind: isGraph ? .functional : .sequential, rows: rows,
            trainableParameterCount: analysis.trainableParameterCount,
            nonTrainableParameterCount: analysis.nonTrainableParameterCount)
    }

    /// Keras 3.15.1's `model.summary(line_length:, show_trainable:)` text; see `KerasSummaryTable.render`.
    public func render(lineLength: Int? = nil, showTrainable: Bool = false) throws(SummaryError) -> String {
        try table.render(lineLength: lineLength, showTrainable: showTrainable)
    }
}
