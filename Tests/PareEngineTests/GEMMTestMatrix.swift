// Test matrices for the GEMM tests: a logical [rows × columns] matrix stored in one of the layouts GEMM serves,
// with every float of the storage that is not an element (leading-dimension padding, unused lanes) set to NaN,
// so a GEMM that reads padding poisons its result and one that writes padding is caught.

import PareEngine
import Testing

/// The storage layouts a test matrix can take.
enum GEMMTestLayout: CaseIterable, CustomStringConvertible {
    /// Row-major with 3 floats of padding per row.
    case rowMajor
    /// The transpose of a row-major matrix with 2 floats of padding per row.
    case columnMajor
    /// Pare's lane-blocked activations as `[features × samples]`.
    case laneBlocked
    /// Lane-blocked activations seen as `[samples × features]`.
    case laneBlockedTransposed

    var description: String {
        switch self {
        case .rowMajor: "rowMajor"
        case .columnMajor: "columnMajor"
        case .laneBlocked: "lane"
        case .laneBlockedTransposed: "laneᵀ"
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator so the tests need nothing else.
struct GEMMTestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A float uniform in [-1, 1).
    mutating func nextSigned() -> Float {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Float(z >> 40) / Float(1 << 23) - 1
    }
}

/// A matrix in owned raw storage with a `GEMMOperand` view of it.
final class GEMMTestMatrix {
    let rows: Int
    let columns: Int
    let layout: GEMMTestLayout
    let storageCount: Int
    let storage: UnsafeMutablePointer<Float>
    let operand: GEMMOperand

    /// A matrix whose storage is all NaN (see `fillRandom` for the elements).
    init(rows: Int, columns: Int, layout: GEMMTestLayout) {
        self.rows = rows
        self.columns = columns
        self.layout = layout
        switch layout {
        case .rowMajor: storageCount = rows * (columns + 3)
        case .columnMajor: storageCount = columns * (rows + 2)
        case .laneBlocked: storageCount = (columns + 15) / 16 * 16 * rows
        case .laneBlockedTransposed: storageCount = (rows + 15) / 16 * 16 * columns
        }
        storage = .allocate(capacity: max(1, storageCount))
        storage.initialize(repeating: .nan, count: max(1, storageCount))
        switch layout {
        case .rowMajor:
            operand = .rowMajor(storage, rows: rows, columns: columns, leadingDimension: columns + 3)
        case .columnMajor:
            operand = GEMMOperand.rowMajor(storage, rows: columns, columns: rows, leadingDimension: rows + 2).transposed
        case .laneBlocked:
            operand = .laneBlocked(storage, features: rows, samples: columns)
        case .laneBlockedTransposed:
            operand = GEMMOperand.laneBlocked(storage, features: columns, samples: rows).transposed
        }
    }

    /// A matrix with NaN padding and elements uniform in [-1, 1).
    convenience init(rows: Int, columns: Int, layout: GEMMTestLayout, random: inout GEMMTestRandom) {
        self.init(rows: rows, columns: columns, layout: layout)
        for i in 0..<rows {
            for j in 0..<columns { operand.address(row: i, column: j).pointee = random.nextSigned() }
        }
    }

    /// A byte-for-byte copy in fresh storage.
    func copy() -> GEMMTestMatrix {
        let twin = GEMMTestMatrix(rows: rows, columns: columns, layout: layout)
        twin.storage.update(from: storage, count: max(1, storageCount))
        return twin
    }

    deinit { storage.deallocate() }

    subscript(row: Int, column: Int) -> Float { operand.address(row: row, column: column).pointee }

    /// The storage's bit patterns (compares NaN padding too).
    var bits: [UInt32] { (0..<storageCount).map { storage[$0].bitPattern } }

    /// The number of storage floats that are not elements and are no longer NaN (written by mistake).
    var clobberedPadding: Int {
        var isElement = [Bool](repeating: false, count: storageCount)
        for i in 0..<rows {
            for j in 0..<columns { isElement[operand.address(row: i, column: j) - storage] = true }
        }
        return (0..<storageCount).filter { !isElement[$0] && !storage[$0].isNaN }.count
    }
}

/// Runs GEMM and the reference on copies of the same C and returns a description of the first mismatch, or nil.
///
/// Tolerance (relative, scaled by K): per element both results are sums of the same K products. The reference
/// rounds K + 2 times (K running sums, alpha, beta); GEMM rounds at most K + (depth blocks ≤ K) + (depth parts)
/// + 1 times. With u = 2⁻²⁴ each is within γ_n·m of the exact value (Higham, Accuracy and Stability of Numerical
/// Algorithms, §3.1), where m = |alpha|·Σ|a||b| + |beta·c|, so they differ by at most about (3K + 4)·u·m. The test
/// allows (2K + 4)·ulpOfOne·m = (4K + 8)·u·m, a loose but K-scaled bound: a wrong product or a missed term
/// shows up as an error of order m, far above it.
func gemmMismatch(alpha: Float, a: GEMMTestMatrix, b: GEMMTestMatrix, beta: Float, c: GEMMTestMatrix,
                  threads: Int, blocking: GEMMBlocking, workspace: GEMMWorkspace) -> String? {
    let fast = c.copy(), reference = c.copy()
    GEMM.multiply(alpha: alpha, a.operand, b.operand, beta: beta, into: fast.operand, threads: threads,
                  workspace: workspace, blocking: blocking)
    GEMMReference.multiply(alpha: alpha, a.operand, b.operand, beta: beta, into: reference.operand)
    let k = a.columns
    let label = "M=\(a.rows) N=\(b.columns) K=\(k) A=\(a.layout) B=\(b.layout) C=\(c.layout) "
        + "alpha=\(alpha) beta=\(beta) threads=\(threads)"
    for i in 0..<c.rows {
        for j in 0..<c.columns {
            var magnitude = beta == 0 ? 0 : abs(Double(beta) * Double(c[i, j]))
            for p in 0..<k { magnitude += abs(Double(alpha) * Double(a[i, p]) * Double(b[p, j])) }
            let tolerance = Double(2 * k + 4) * Double(Float.ulpOfOne) * magnitude
            let difference = abs(Double(fast[i, j]) - Double(reference[i, j]))
            if !(difference <= tolerance) {
                return "\(label): C[\(i),\(j)] = \(fast[i, j]), reference \(reference[i, j]), tolerance \(tolerance)"
            }
        }
    }
    if fast.clobberedPadding > 0 { return "\(label): wrote \(fast.clobberedPadding) floats outside C" }
    return nil
}

/// Records one issue listing the first few mismatches (not the whole list).
func expectNoMismatches(_ failures: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let count = failures.count
    #expect(count == 0, "\(count) mismatches; first: \(failures.prefix(5).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
}
