// Start-up check that the build emits AVX2/FMA for SIMD code (SWIFT_PERF §1: without -mavx2 -mfma,
// SIMD `addingProduct` becomes a libm call per lane, ~70x slower).

import Foundation

/// Times a short SIMD FMA loop and warns when this binary was built without vector FMA.
enum SpeedProbe {
    /// Below this rate (GFLOP/s) the binary cannot have been built with FMA (measured: 0.5–0.6 without the
    /// flags, 38 with them; a busy machine still gives > 10).
    static let minimumGigaflops = 5.0

    /// Measures the FMA rate of this build in about a millisecond of this thread's CPU time — CPU time, not
    /// wall time, so other processes taking the core cannot make a fast build look slow.
    static func measureGigaflops() -> Double {
        var accumulators = (SIMD8<Float>(repeating: 0), SIMD8<Float>(repeating: 0), SIMD8<Float>(repeating: 0),
                            SIMD8<Float>(repeating: 0))
        let a = SIMD8<Float>(repeating: 0.999_99), b = SIMD8<Float>(repeating: 1e-6)
        let iterations = 50_000
        let start = threadCPUSeconds()
        for _ in 0..<iterations {
            accumulators.0 = accumulators.0.addingProduct(a, b)
            accumulators.1 = accumulators.1.addingProduct(a, b)
            accumulators.2 = accumulators.2.addingProduct(a, b)
            accumulators.3 = accumulators.3.addingProduct(a, b)
        }
        let seconds = max(threadCPUSeconds() - start, 1e-9)
        let sink = (accumulators.0 + accumulators.1 + accumulators.2 + accumulators.3).sum()
        if sink.isNaN { print("") }  // keeps the loop from being optimised away
        return Double(iterations * 4 * 8 * 2) / seconds / 1e9
    }

    /// CPU seconds used by the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Prints a warning on stderr if this build is missing the vector flags (or is a debug build).
    static func warnIfSlow(_ console: Console) {
        #if DEBUG
        console.printError("note: this is a debug build; training runs many times faster after 'swift build -c release'")
        #else
        let rate = measureGigaflops()
        guard rate < minimumGigaflops else { return }
        console.printError(String(format: "warning: this build runs SIMD at %.1f GFLOP/s (expected > 10): it was built without "
            + "AVX2/FMA code generation and trains ~70x slower; rebuild with 'swift build -c release' from Pare's "
            + "Package.swift (it sets -Xcc -mavx2 -Xcc -mfma) or pass those flags", rate))
        #endif
    }
}
