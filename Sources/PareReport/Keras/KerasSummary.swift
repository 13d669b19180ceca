// Keras's `model.summary()` for a model Pare describes: the analysis turned into Keras summary rows.

import PareModel

/// The Keras 3 summary of a described (sequential) model.
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

    /// The rows and totals Keras would list for the model as a `keras.Sequential` named `spec.displayName`.
    public var table: KerasSummaryTable {
        let rows = analysis.layers.map { layer in
            KerasSummaryRow(
                name: layer.name, className: layer.spec.kind.kerasClassName,
                outputShape: KerasSummaryRow.shapeText(layer.outputShape),
                parameterCount: layer.parameterCount,
                trainable: layer.parameterCount == 0 ? .noWeights : layer.spec.trainable ? .trainable : .frozen)
        }
        return KerasSummaryTable(
            modelName: analysis.spec.displayName, kind: .sequential, rows: rows,
            trainableParameterCount: analysis.trainableParameterCount,
            nonTrainableParameterCount: analysis.nonTrainableParameterCount)
    }

    /// Keras 3.15.1's `model.summary(line_length:, show_trainable:)` text; see `KerasSummaryTable.render`.
    public func render(lineLength: Int? = nil, showTrainable: Bool = false) throws(SummaryError) -> String {
        try table.render(lineLength: lineLength, showTrainable: showTrainable)
    }
}
