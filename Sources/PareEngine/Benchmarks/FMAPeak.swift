// The machine's practical FMA peak, measured rather than assumed: every thread runs a register-resident loop of
// SIMD8 `addingProduct` (one `vfmadd231ps ymm` each with Package.swift's AVX2 flags) on 12 independent
// accumulators, enough to cover the FMA latency on two FMA ports (4 cycles × 2 ports = 8 in flight). `pare bench`
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

    /// Accumulators in flight per thread.
    static let accumulatorCount = 12
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
            for _ in 0..<calls { consume(run(seed: 1)) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for _ in 0..<calls { consume(run(seed: Float(thread + 1))) }
        }
    }

    /// One call of the loop; returns the accumulators' sum so the work cannot be optimised away.
    @inline(never)
    static func run(seed: Float) -> Float {
        let factor = SIMD8<Float>(repeating: 0.999_99), step = SIMD8<Float>(repeating: 1e-7 * seed)
        var a0 = SIMD8<Float>(repeating: 0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0
        var a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0
        for _ in 0..<stepsPerCall {
            a0 = a0.addingProduct(factor, step); a1 = a1.addingProduct(factor, step)
            a2 = a2.addingProduct(factor, step); a3 = a3.addingProduct(factor, step)
            a4 = a4.addingProduct(factor, step); a5 = a5.addingProduct(factor, step)
            a6 = a6.addingProduct(factor, step); a7 = a7.addingProduct(factor, step)
            a8 = a8.addingProduct(factor, step); a9 = a9.addingProduct(factor, step)
            a10 = a10.addingProduct(factor, step); a11 = a11.addingProduct(factor, step)
        }
        return ((a0 + a1) + (a2 + a3) + (a4 + a5) + (a6 + a7) + (a8 + a9) + (a10 + a11)).sum()
    }

    /// Keeps a result alive without printing it (an impossible comparison the optimiser cannot fold).
    @inline(never)
    private static func consume(_ value: Float) {
        if value.isNaN { print("FMAPeak: NaN") }
    }
}
