// GEMMBenchmark: times GEMM on the products a batch-128 training step runs (dense layers 784-512-10 and the
// 32/64-channel im2col convolutions of SWIFT_PERF.md §2), with 1 and 2 threads, for `pare bench` and for the
// comparison with numpy/OpenBLAS (Benchmarks/gemm_numpy.py times the same row-major shapes).

/// Timings of `GEMM.multiply` on Pare's benchmark shapes.
public enum GEMMBenchmark {
    /// How an operand of a benchmark case is stored.
    public enum Layout: Sendable {
        /// Dense row-major.
        case rowMajor
        /// The transpose of a dense row-major matrix (BLAS "T").
        case transposed
        /// Lane-blocked activations `[features × samples]`.
        case laneBlocked
        /// Lane-blocked activations seen as `[samples × features]`.
        case laneBlockedTransposed
    }

    /// One product `C[M × N] = A[M × K] · B[K × N]` and the layouts of its operands.
    public struct Case: Sendable {
        /// A short name, e.g. `fc1.dW`.
        public let name: String
        /// Rows of A and C.
        public let m: Int
        /// Columns of B and C.
        public let n: Int
        /// Columns of A, rows of B (the depth summed over).
        public let k: Int
        /// How A is stored.
        public let a: Layout
        /// How B is stored.
        public let b: Layout
        /// How C is stored.
        public let c: Layout

        /// A case with explicit layouts.
        public init(_ name: String, m: Int, n: Int, k: Int, a: Layout = .rowMajor, b: Layout = .rowMajor,
                    c: Layout = .rowMajor) {
            self.name = name
            self.m = m
            self.n = n
            self.k = k
            self.a = a
            self.b = b
            self.c = c
        }

        /// Floating-point operations of one product (2·M·N·K).
        public var flops: Int { 2 * m * n * k }
    }

    /// The timing of one case at one thread count.
    public struct Row: Sendable {
        /// The product timed.
        public let benchmarkCase: Case
        /// The `threads` argument passed to `GEMM.multiply`.
        public let threads: Int
        /// GFLOP/s of the fastest repetition.
        public let bestGFLOPS: Double
        /// GFLOP/s of the median repetition.
        public let medianGFLOPS: Double
        /// Process CPU time over wall time during the repetitions (about `threads` when no one else competes).
        public let cpuPerWall: Double
        /// GFLOP per second of process CPU time in the repetition that used the least CPU time: on a shared
        /// machine this estimates the speed while actually running (for 1 thread; with 2 it is per core).
        public let bestGFLOPSPerCPUSecond: Double
        /// Timed repetitions (best and median are over these).
        public let repetitions: Int
        /// Products per repetition (enough for `minimumRepetitionSeconds`).
        public let productsPerRepetition: Int
    }

    /// The products of a batch-128 step in numpy's row-major terms (`a: .transposed` is BLAS's TN, etc.).
    public static let rowMajorCases: [Case] = [
        Case("fc1.fwd", m: 128, n: 512, k: 784),
        Case("fc1.dW", m: 784, n: 512, k: 128, a: .transposed),
        Case("fc1.dX", m: 128, n: 784, k: 512, b: .transposed),
        Case("fc2.fwd", m: 128, n: 10, k: 512),
        Case("fc2.dW", m: 512, n: 10, k: 128, a: .transposed),
        Case("fc2.dX", m: 128, n: 512, k: 10, b: .transposed),
        Case("conv2.fwd", m: 73728, n: 64, k: 288),
        Case("conv2.dW", m: 288, n: 64, k: 73728, a: .transposed),
        Case("conv2.dcol", m: 73728, n: 288, k: 64, b: .transposed),
        Case("conv1.fwd", m: 86528, n: 32, k: 9),
        Case("conv1.dW", m: 9, n: 32, k: 86528, a: .transposed),
    ]

    /// The dense-layer products as Pare's engine runs them, on lane-blocked activations:
    /// `Y = W·X`, `dW = dY·Xᵀ`, `dX = Wᵀ·dY` with samples as columns.
    public static let laneBlockedCases: [Case] = [
        Case("fc1.fwd.lane", m: 512, n: 128, k: 784, a: .rowMajor, b: .laneBlocked, c: .laneBlocked),
        Case("fc1.dW.lane", m: 512, n: 784, k: 128, a: .laneBlocked, b: .laneBlockedTransposed, c: .rowMajor),
        Case("fc1.dX.lane", m: 784, n: 128, k: 512, a: .transposed, b: .laneBlocked, c: .laneBlocked),
        Case("fc2.fwd.lane", m: 10, n: 128, k: 512, a: .rowMajor, b: .laneBlocked, c: .laneBlocked),
        Case("fc2.dW.lane", m: 10, n: 512, k: 128, a: .laneBlocked, b: .laneBlockedTransposed, c: .rowMajor),
        Case("fc2.dX.lane", m: 512, n: 128, k: 10, a: .transposed, b: .laneBlocked, c: .laneBlocked),
    ]

    /// Times every case with every thread count: after one warm-up product, `repetitions` repetitions of
    /// enough products to last `minimumRepetitionSeconds`. Operands hold uniform values in [-1, 1).
    public static func run(_ cases: [Case] = rowMajorCases, threads: [Int] = [1, 2], repetitions: Int = 7,
                           minimumRepetitionSeconds: Double = 0.05) -> [Row] {
        let workspace = GEMMWorkspace()
        var rows: [Row] = []
        for benchmarkCase in cases {
            let a = BenchmarkMatrix(rows: benchmarkCase.m, columns: benchmarkCase.k, layout: benchmarkCase.a, seed: 1)
            let b = BenchmarkMatrix(rows: benchmarkCase.k, columns: benchmarkCase.n, layout: benchmarkCase.b, seed: 2)
            let c = BenchmarkMatrix(rows: benchmarkCase.m, columns: benchmarkCase.n, layout: benchmarkCase.c, seed: 3)
            for threadCount in threads {
                let product = {
                    GEMM.multiply(a.operand, b.operand, into: c.operand, threads: threadCount, workspace: workspace)
                }
                product()
                let once = seconds(product, times: 1).wall
                let times = max(1, Int((minimumRepetitionSeconds / max(once, 1e-9)).rounded(.up)))
                var walls: [Double] = [], cpu = 0.0, wall = 0.0, leastCPU = Double.infinity
                for _ in 0..<repetitions {
                    let timing = seconds(product, times: times)
                    walls.append(timing.wall)
                    cpu += timing.cpu
                    wall += timing.wall
                    leastCPU = min(leastCPU, timing.cpu)
                }
                walls.sort()
                let gigaflops = Double(benchmarkCase.flops * times) / 1e9
                rows.append(Row(benchmarkCase: benchmarkCase, threads: threadCount, bestGFLOPS: gigaflops / walls[0],
                                medianGFLOPS: gigaflops / walls[walls.count / 2], cpuPerWall: cpu / wall,
                                bestGFLOPSPerCPUSecond: gigaflops / leastCPU, repetitions: repetitions,
                                productsPerRepetition: times))
            }
        }
        return rows
    }

    /// The rows as a Markdown table.
    public static func table(_ rows: [Row]) -> String {
        var lines = ["| case | M×K·K×N | MFLOP | threads | best GFLOP/s | median GFLOP/s | cpu/wall | GFLOP/cpu-s |",
                     "|---|---|---|---|---|---|---|---|"]
        for row in rows {
            let shape = row.benchmarkCase
            let product = "\(shape.m)×\(shape.k)·\(shape.k)×\(shape.n)"
            lines.append("| \(shape.name) | \(product) | \(fixed(Double(shape.flops) / 1e6, 2)) | \(row.threads) "
                + "| \(fixed(row.bestGFLOPS, 1)) | \(fixed(row.medianGFLOPS, 1)) | \(fixed(row.cpuPerWall, 2)) "
                + "| \(fixed(row.bestGFLOPSPerCPUSecond, 1)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Wall and process CPU seconds of `times` calls of `body`.
    private static func seconds(_ body: () -> Void, times: Int) -> (wall: Double, cpu: Double) {
        ProcessClock.measure { for _ in 0..<times { body() } }
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        let decimals = text.split(separator: ".").last?.count ?? 0
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        return text
    }
}

/// A benchmark operand in owned, 64-byte aligned storage.
private final class BenchmarkMatrix {
    let storage: UnsafeMutablePointer<Float>
    let operand: GEMMOperand

    init(rows: Int, columns: Int, layout: GEMMBenchmark.Layout, seed: UInt64) {
        let count: Int
        switch layout {
        case .rowMajor, .transposed: count = rows * columns
        case .laneBlocked: count = (columns + 15) / 16 * 16 * rows
        case .laneBlockedTransposed: count = (rows + 15) / 16 * 16 * columns
        }
        storage = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * 4, alignment: 64)
            .bindMemory(to: Float.self, capacity: max(1, count))
        var state = seed
        for index in 0..<count {
            // A 64-bit LCG (Knuth's MMIX constants); the top 24 bits give a float in [-1, 1).
            state = state &* 6364136223846793005 &+ 1442695040888963407
            storage[index] = Float(state >> 40) / Float(1 << 23) - 1
        }
        switch layout {
        case .rowMajor: operand = .rowMajor(storage, rows: rows, columns: columns)
        case .transposed: operand = GEMMOperand.rowMajor(storage, rows: columns, columns: rows).transposed
        case .laneBlocked: operand = .laneBlocked(storage, features: rows, samples: columns)
        case .laneBlockedTransposed: operand = GEMMOperand.laneBlocked(storage, features: columns, samples: rows).transposed
        }
    }

    deinit { storage.deallocate() }
}
