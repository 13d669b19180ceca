// Keras 3's `model.summary()` text from its rows and totals (keras/src/utils/summary_utils.py, as printed to a
// plain, wide console): the layout choice, the column widths, the table and the three totals lines.

/// Everything `model.summary()` prints, as data; `render` gives Keras 3.15.1's text byte for byte.
public struct KerasSummaryTable: Hashable, Sendable {
    /// The kind of Keras model, which decides how its layers are listed.
    public enum ModelKind: Hashable, Sendable {
        /// A `keras.Sequential`: no input row, never a "Connected to" column.
        case sequential
        /// A functional (graph) model: its input layers are rows too, and a "Connected to" column appears
        /// unless the graph is a single chain (see `isSequentialLike`).
        case functional
    }

    /// The model's name, printed as `Model: "name"`.
    public var modelName: String
    /// Sequential or functional.
    public var kind: ModelKind
    /// The layers in Keras's order.
    public var rows: [KerasSummaryRow]
    /// Weights training updates.
    public var trainableParameterCount: Int
    /// Weights training does not update.
    public var nonTrainableParameterCount: Int

    /// Creates a summary table.
    public init(modelName: String, kind: ModelKind, rows: [KerasSummaryRow],
                trainableParameterCount: Int, nonTrainableParameterCount: Int) {
        self.modelName = modelName
        self.kind = kind
        self.rows = rows
        self.trainableParameterCount = trainableParameterCount
        self.nonTrainableParameterCount = nonTrainableParameterCount
    }

    /// True when Keras lists the model without a "Connected to" column.
    ///
    /// Keras treats a functional model as sequential-like when, level by level, its graph has a single node
    /// with at most one input and no layer is called twice. On rows that means: at most one row without inbound
    /// connections (one input), no row with more than one, and no layer consumed by two rows.
    public var isSequentialLike: Bool {
        guard kind == .functional else { return true }
        guard rows.filter(\.inbound.isEmpty).count <= 1, rows.allSatisfy({ $0.inbound.count <= 1 }) else {
            return false
        }
        let consumed = rows.flatMap(\.inbound).map(\.layerName)
        return Set(consumed).count == consumed.count
    }

    /// The text Keras prints, each line ending in a newline.
    ///
    /// Keras sizes the columns from `positions` — `[0.45, 0.80, 1.0]` of the line (sequential-like) or
    /// `[0.3, 0.56, 0.74, 1.0]` (with "Connected to"), each scaled by 0.9 with a trainable column at the end
    /// when `showTrainable` — and rich then fits those columns, plus padding and borders, into `lineLength`.
    /// Byte sizes assume float32 weights (4 bytes each).
    ///
    /// - Parameters:
    ///   - lineLength: the total width; `nil` means Keras's default for the layout: 88 (sequential-like) or
    ///     108 (with connections), 12 more with `showTrainable` (as on a terminal at least that wide).
    ///   - showTrainable: adds the "Trainable" column (`Y`, `N`, or `-` for layers without weights).
    /// - Throws: `SummaryError.lineLengthTooShort` when the line is too short for the columns.
    public func render(lineLength: Int? = nil, showTrainable: Bool = false) throws(SummaryError) -> String {
        let layout = Layout(showsConnections: !isSequentialLike, showTrainable: showTrainable)
        let length = lineLength ?? layout.defaultLineLength
        guard let widths = layout.columnWidths(lineLength: length) else {
            throw .lineLengthTooShort(received: length, minimum: layout.minimumLineLength)
        }
        let columns = zip(layout.columns, widths).map { column, width in
            TextTable.Column(header: column.header, justification: column.justification, width: width)
        }
        let table = TextTable(columns: columns, rows: rows.map { cells(for: $0, layout: layout) })
        let total = trainableParameterCount + nonTrainableParameterCount
        let lines = ["Model: \"\(modelName)\""] + table.render(tableWidth: length) + [
            " Total params: \(total.groupedDecimal) (\(KerasMemorySize.readable(float32Parameters: total)))",
            " Trainable params: \(trainableParameterCount.groupedDecimal) "
                + "(\(KerasMemorySize.readable(float32Parameters: trainableParameterCount)))",
            " Non-trainable params: \(nonTrainableParameterCount.groupedDecimal) "
                + "(\(KerasMemorySize.readable(float32Parameters: nonTrainableParameterCount)))",
        ]
        return lines.map { $0 + "\n" }.joined()
    }

    private func cells(for row: KerasSummaryRow, layout: Layout) -> [String] {
        var cells = ["\(row.name) (\(row.className))", row.outputShape, row.parameterCount.groupedDecimal]
        if layout.showsConnections {
            cells.append(row.inbound.isEmpty ? "-" : row.inbound.map(\.description).joined(separator: ", "))
        }
        if layout.showTrainable { cells.append(row.trainable.rawValue) }
        return cells
    }

    /// Keras's column set and width rules for one combination of options.
    struct Layout: Sendable {
        var showsConnections: Bool
        var showTrainable: Bool

        /// The headers and alignments, left to right.
        var columns: [(header: String, justification: CellJustification)] {
            var columns: [(String, CellJustification)] = [
                ("Layer (type)", .left), ("Output Shape", .left), ("Param #", .right),
            ]
            if showsConnections { columns.append(("Connected to", .left)) }
            if showTrainable { columns.append(("Trainable", .center)) }
            return columns
        }

        /// Keras's `line_length` when none is given.
        var defaultLineLength: Int { (showsConnections ? 108 : 88) + (showTrainable ? 12 : 0) }

        /// The right edge of each column as a fraction of the line (Keras's `positions`).
        var positions: [Double] {
            let base = showsConnections ? [0.3, 0.56, 0.74, 1.0] : [0.45, 0.80, 1.0]
            return showTrainable ? base.map { $0 * 0.90 } + [1.0] : base
        }

        /// Keras's column widths, `int(position · lineLength)` minus the previous edge, or `nil` when Keras would
        /// refuse (a column under 4 characters) or rich would leave a column no room for text.
        func columnWidths(lineLength: Int) -> [Int]? {
            var widths: [Int] = []
            var edge = 0
            for position in positions {
                // Python's int() truncates toward zero, as Int(Double) does.
                let width = Int(position * Double(lineLength)) - edge
                guard width >= 4 else { return nil }
                widths.append(width)
                edge += width
            }
            let fitted = TextTable.fittedWidths(requested: widths, tableWidth: lineLength)
            return fitted.allSatisfy { $0 >= 3 } ? widths : nil
        }

        /// The shortest line length from which every length up to the default works.
        var minimumLineLength: Int {
            var length = defaultLineLength
            while columnWidths(lineLength: length - 1) != nil { length -= 1 }
            return length
        }
    }
}
