// The machine's practical FMA peak, measured rather than assumed: every thread runs a register-resident loop of
// `addingProduct` on five SIMD16 accumulators (two `vfmadd231ps ymm` each with Package.swift's AVX2 flags: 10
// independent chains, enough to cover the FMA latency on two FMA ports, 4 cycles × 2 ports = 8 in flight, and
// with the two factors 14 of the 16 ymm registers, so nothing spills). `pare bench`
// reports achieved training and GEMM rates as a share of this number for the same thread count.

import Dispatch

/// A timed FMA loop: the highest FLOP rate the engine's AVX2/FMA code can reach on this machine.
public enum FMAPeak {
    /// What one measurement found.
    public struct Measurement: Sendable, Codable {
        /// Threads that ran the loop at the same time.
        public let threads: Int
        /// GFLOP/s (2 per lane per FMA) of the fastest repetition, all threads together.
        public let bestGFLOPS: Double
        /// GFLOP/s of the median repetition.
        public let medianGFLOPS: Double
        /// Process CPU time over wall time (≈ `threads` when no other process competed).
        public let cpuPerWall: Double
    }

    /// 8-float (ymm) accumulators in flight per thread: five `SIMD16`.
    static let accumulatorCount = 10
    /// FMA steps per accumulator in one call of `run` (≈ 1.5 ms per call at 4 GHz).
    static let stepsPerCall = 250_000

    /// Runs the loop on `threads` threads at once for `repetitions` repetitions of at least `minimumSeconds`.
    public static func measure(threads: Int, repetitions: Int = 5, minimumSeconds: Double = 0.04) -> Measurement {
        precondition(threads >= 1 && repetitions >= 1, "FMAPeak: threads \(threads), repetitions \(repetitions)")
        let flopsPerCall = Double(threads * stepsPerCall * accumulatorCount * 8 * 2)
        let once = ProcessClock.measure { runOnEveryThread(threads, calls: 1) }.wall
        let calls = max(1, Int((minimumSeconds / max(once, 1e-6)).rounded(.up)))
        var rates: [Double] = []
        var wall = 0.0, cpu = 0.0
        for _ in 0..<repetitions {
            let timing = ProcessClock.measure { runOnEveryThread(threads, calls: calls) }
            rates.append(flopsPerCall * Double(calls) / timing.wall / 1e9)
            wall += timing.wall
            cpu += timing.cpu
        }
        rates.sort()
        return Measurement(threads: threads, bestGFLOPS: rates[rates.count - 1],
                           medianGFLOPS: rates[rates.count / 2], cpuPerWall: cpu / wall)
    }

    private static func runOnEveryThread(_ threads: Int, calls: Int) {
        if threads == 1 {
            let operands = Operands(thread: 0)
            for _ in 0..<calls { consume(run(operands.factor, operands.step, steps: stepsPerCall)) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let operands = Operands(thread: thread)
            for _ in 0..<calls { consume(run(operands.factor, operands.step, steps: stepsPerCall)) }
        }
    }

    /// The loop's two factors, different in every lane and built at run time. Measured pitfalls: with splat
    /// constants LLVM split the accumulators into scalar and 128-bit pieces (5 instead of ~120 GFLOP/s), and with
    /// the factors passed in a struct and a `static let` trip count it kept the accumulators on the stack (47).
    struct Operands {
        let factor: SIMD16<Float>
        let step: SIMD16<Float>

        init(thread: Int) {
            var factor = SIMD16<Float>(repeating: 0.999_9)
            for lane in 0..<16 { factor[lane] -= Float(lane) * 1e-6 }
            self.factor = factor
            step = SIMD16<Float>(repeating: 1e-7) * Float(thread + 1)
        }
    }

    /// One call of the loop; returns the accumulators' sum so the work cannot be optimised away.
    @inline(never)
    static func run(_ factor: SIMD16<Float>, _ step: SIMD16<Float>, steps: Int) -> Float {
        var a0 = SIMD16<Float>(repeating: 0), a1 = a0, a2 = a0, a3 = a0, a4 = a0
        for _ in 0..<steps {
            a0 = a0.addingProduct(factor, step); a1 = a1.addingProduct(factor, step)
            a2 = a2.addingProduct(factor, step); a3 = a3.addingProduct(factor, step)
            a4 = a4.addingProduct(factor, step)
        }
        return ((a0 + a1) + (a2 + a3) + a4).sum()
    }

    /// Keeps a result alive without printing it (an impossible comparison the optimiser cannot fold).
    @inline(never)
    private static func consume(_ value: Float) {
        if value.isNaN { print("FMAPeak: NaN") }
    }
}
