// The vectorised exp, sigmoid and tanh against Double-precision references on a dense sample of Floats.
// The bounds are the exhaustively measured maxima (VectorMath.swift's header: 1.02 ulp, 9.0e-8, 1.34 ulp)
// rounded up, so a wrong coefficient or a broken range reduction fails.

import Foundation
import Testing
@testable import PareEngine

/// `count` Floats spread evenly over the bit patterns of `range` (so every binade is sampled), plus its ends.
private func sample(_ range: ClosedRange<Float>, count: Int) -> [Float] {
    // Map the ordered bit patterns of negative and positive floats onto one integer line.
    func ordinal(_ x: Float) -> Int64 { x < 0 ? -Int64(x.magnitude.bitPattern) : Int64(x.bitPattern) }
    func float(_ ordinal: Int64) -> Float {
        ordinal < 0 ? -Float(bitPattern: UInt32(-ordinal)) : Float(bitPattern: UInt32(ordinal))
    }
    let low = ordinal(range.lowerBound), high = ordinal(range.upperBound)
    return (0...count).map { float(low + (high - low) * Int64($0) / Int64(count)) }
}

/// Applies `function` to `values` 16 at a time (the last vector padded with zeros).
private func apply(_ function: (Lanes) -> Lanes, to values: [Float]) -> [Float] {
    var padded = values + [Float](repeating: 0, count: (16 - values.count % 16) % 16)
    var result = [Float](repeating: 0, count: padded.count)
    padded.withPointer { input in
        result.withPointer { output in
            for start in stride(from: 0, to: values.count, by: 16) {
                storeLanes(function(loadLanes(input + start)), to: output + start)
            }
        }
    }
    return Array(result.prefix(values.count))
}

/// The largest `error(approximation, exact)` over `values`, with the input where it occurs.
private func worst(_ values: [Float], _ approximations: [Float], _ error: (Float, Double) -> Double) -> (Double, Float) {
    var result = (0.0, Float(0))
    for (value, approximation) in zip(values, approximations) {
        let found = error(value, Double(approximation))
        if !(found <= result.0) { result = (found, value) }
    }
    return result
}

@Suite struct VectorMathTests {
    @Test func exponentialWithinMeasuredBound() {
        let values = sample(-87...88, count: 40_000) + [0, -0.0, 1, -1, 0x1p-30, -0x1p-30]
        let (error, at) = worst(values, apply(exponential, to: values)) { x, approximation in
            let exact = Foundation.exp(Double(x))
            return abs(approximation - exact) / Double(Float(exact).ulp)
        }
        #expect(error <= 1.1, "exp is \(error) ulp off at \(at)")
        // Clamped tails stay finite and ordered.
        let tails = apply(exponential, to: [-1000, -88, 89, 1000])
        #expect(tails[0] > 0 && tails[0] < 1e-37 && tails[3].isFinite && tails[3] > 1e38, "\(tails)")
    }

    @Test func sigmoidWithinMeasuredBound() {
        let values = sample(-100...100, count: 40_000) + [0, 1e-8, -1e-8]
        let (error, at) = worst(values, apply(logisticSigmoid, to: values)) { x, approximation in
            abs(approximation - 1 / (1 + Foundation.exp(-Double(x))))
        }
        #expect(error <= 1e-7, "sigmoid is \(error) off at \(at)")
    }

    @Test func tanhWithinMeasuredBound() {
        let values = sample(-20...20, count: 40_000) + [0.624_999_9, 0.625, -0.625, 1e-20, -1e-20]
        let (error, at) = worst(values, apply(hyperbolicTangent, to: values)) { x, approximation in
            let exact = Foundation.tanh(Double(x))
            return exact == 0 ? abs(approximation) : abs(approximation - exact) / Double(Float(exact).ulp)
        }
        #expect(error <= 1.5, "tanh is \(error) ulp off at \(at)")
        #expect(apply(hyperbolicTangent, to: [-1000, 1000]) == [-1, 1])
    }
}

@Suite struct SquareRootTests {
    /// Exhaustively verified once over all 2^32 inputs (SquareRoot.swift); here a dense sample of bit patterns
    /// (every binade, subnormals, both signs) and the special values keep it: every bit must agree.
    @Test func matchesScalarSquareRootBitForBit() {
        var patterns = (0..<65_536).map { UInt32($0) &* 65_537 &+ 12_345 }
        patterns += [0, 0x8000_0000, 1, 0x007F_FFFF, 0x0080_0000, 0x7F7F_FFFF, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000,
                     0x3F80_0000, 0x4080_0000, 0x1F80_0001]
        let values = patterns.map { Float(bitPattern: $0) }.filter { !$0.isSignalingNaN }
        var mismatches: [String] = []
        for start in stride(from: 0, to: values.count, by: 8) {
            let lane = (0..<8).map { values[min(start + $0, values.count - 1)] }
            let roots = correctlyRoundedSquareRoot(SIMD8<Float>(lane))
            for (index, value) in lane.enumerated() where roots[index].bitPattern != value.squareRoot().bitPattern {
                mismatches.append("√\(value) (bits \(String(value.bitPattern, radix: 16))): \(roots[index]) vs \(value.squareRoot())")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
