// GEMMOperand: how a GEMM finds element (row, column) of a matrix in raw memory. One view type serves plain
// row-major matrices, their transposes and Pare's lane-blocked activations (samples in chunks of 16), so the
// forward pass, the weight gradient and the input gradient all run through the same routine.
//
// Addressing: rows and columns are each split into a block index (`index >> 4`) and a lane (`index & 15`):
//     address(i, j) = base + (i >> 4) * rowBlockStride + (i & 15) * rowStride
//                          + (j >> 4) * columnBlockStride + (j & 15) * columnStride
// A plain layout has blockStride == 16 * stride in that direction ("linear"); the lane-blocked layout is not
// linear along samples.

/// A strided view of a `Float` matrix in raw memory, used for every GEMM operand (A, B and C).
///
/// The view does not own its memory. GEMM only reads A and B through their views and writes C; the caller
/// keeps the memory alive and un-aliased (C must not overlap A or B) for the duration of the call.
public struct GEMMOperand {
    /// The address of element (0, 0).
    public var base: UnsafeMutablePointer<Float>
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var columns: Int
    /// Distance in floats between rows `i` and `i + 1` inside one block of 16 rows.
    public var rowStride: Int
    /// Distance in floats between row blocks `i >> 4` and `(i >> 4) + 1`.
    public var rowBlockStride: Int
    /// Distance in floats between columns `j` and `j + 1` inside one block of 16 columns.
    public var columnStride: Int
    /// Distance in floats between column blocks `j >> 4` and `(j >> 4) + 1`.
    public var columnBlockStride: Int

    /// A view with explicit strides (see the file header for the address formula).
    public init(base: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
                rowStride: Int, rowBlockStride: Int, columnStride: Int, columnBlockStride: Int) {
        precondition(rows >= 0 && columns >= 0, "GEMMOperand: negative shape \(rows)×\(columns)")
        self.base = base
        self.rows = rows
        self.columns = columns
        self.rowStride = rowStride
        self.rowBlockStride = rowBlockStride
        self.columnStride = columnStride
        self.columnBlockStride = columnBlockStride
    }

    /// A row-major matrix `[rows × columns]` whose rows start `leadingDimension` floats apart
    /// (default: `columns`, a dense matrix).
    public static func rowMajor(_ base: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
                                leadingDimension: Int? = nil) -> GEMMOperand {
        let ld = leadingDimension ?? columns
        precondition(ld >= columns, "GEMMOperand.rowMajor: leadingDimension \(ld) < columns \(columns)")
        return GEMMOperand(base: base, rows: rows, columns: columns,
                           rowStride: ld, rowBlockStride: 16 * ld, columnStride: 1, columnBlockStride: 16)
    }

    /// Pare's lane-blocked activations seen as a `[features × samples]` matrix: element (feature f, sample s) is
    /// at `((s / 16) * features + f) * 16 + s % 16`.
    ///
    /// The storage holds whole chunks of 16 samples (`ceil(samples / 16) * features * 16` floats); lanes past
    /// `samples` in the last chunk are never read or written by GEMM. As B (`[inputFeatures × samples]`) every
    /// full 16-sample panel is already in GEMM's packed format and is read in place.
    public static func laneBlocked(_ base: UnsafeMutablePointer<Float>, features: Int, samples: Int) -> GEMMOperand {
        GEMMOperand(base: base, rows: features, columns: samples,
                    rowStride: 16, rowBlockStride: 256, columnStride: 1, columnBlockStride: 16 * features)
    }

    /// The same memory seen as the transposed matrix (no data moves).
    public var transposed: GEMMOperand {
        GEMMOperand(base: base, rows: columns, columns: rows,
                    rowStride: columnStride, rowBlockStride: columnBlockStride,
                    columnStride: rowStride, columnBlockStride: rowBlockStride)
    }

    /// The address of element (`row`, `column`).
    @inline(__always)
    public func address(row: Int, column: Int) -> UnsafeMutablePointer<Float> {
        base + rowOffset(row) + columnOffset(column)
    }

    /// Offset in floats of row `row` from the base.
    @inline(__always)
    func rowOffset(_ row: Int) -> Int { (row >> 4) * rowBlockStride + (row & 15) * rowStride }

    /// Offset in floats of column `column` from the base.
    @inline(__always)
    func columnOffset(_ column: Int) -> Int { (column >> 4) * columnBlockStride + (column & 15) * columnStride }

    /// True when row offsets are `row * rowStride` for every row (no jump between blocks of 16).
    var rowsAreLinear: Bool { rowBlockStride == 16 * rowStride }

    /// True when column offsets are `column * columnStride` for every column.
    var columnsAreLinear: Bool { columnBlockStride == 16 * columnStride }

    /// True when, seen as B, every 16-column panel is already GEMM's packed panel: 16 consecutive floats per
    /// row and consecutive rows 16 floats apart (the lane-blocked layout).
    var hasPackedColumnPanels: Bool { columnStride == 1 && rowStride == 16 && rowsAreLinear }
}
