// SIMD16 exponential, logistic sigmoid and hyperbolic tangent for the activation and loss kernels: no libm call
// per element. Legend: n = the power of two of e^x = 2^n · e^r, r = the reduced argument (|r| ≤ ln 2 / 2). Polynomials are Cephes's single-precision ones (S. L. Moshier, Cephes Math Library, expf.c and
// tanhf.c, http://www.netlib.org/cephes/), with Cody–Waite range reduction for the exponential.
//
// Accuracy, measured exhaustively on every Float in the range against the exact (Double) function
// (2026-11-23, a one-off program; VectorMathTests keeps sampled bounds): exp on [−87, 88] within 1.02 ulp;
// sigmoid on [−100, 100] within 9.0e-8 absolute; tanh on [−20, 20] within 1.34 ulp (7.9e-8 absolute).

/// `e^x` on each lane; inputs are clamped to [−87.3, 88.37] so the result is a normal, finite Float
/// (so `exp` of a very negative input is about 1.2e-38 rather than 0).
@inline(__always)
func exponential(_ x: Lanes) -> Lanes {
    let log2e: Float = 1.442_695_04, ln2High: Float = 0.693_359_375, ln2Low: Float = -2.121_944_40e-4
    var value = x.replacing(with: 88.37, where: x .> 88.37)
    value.replace(with: -87.3, where: value .< -87.3)
    // n = round(x / ln 2), by adding and subtracting 1.5 · 2^23: the addition rounds to an integer (to nearest,
    // ties to even) and leaves n + 2^22 in the low mantissa bits (exact for |n| < 2^22). This keeps everything in
    // vector instructions: the stdlib's `SIMD16<Int32>(_:rounding:)` is a generic call per lane.
    let magic: Float = 0x1.8p23
    let shifted = value * log2e + magic
    let n = shifted - magic
    // r = x − n · ln 2 in two steps (ln2High has few bits, so n · ln2High is exact).
    let r = value.addingProduct(n, -ln2High).addingProduct(n, -ln2Low)
    var polynomial = horner(Lanes(repeating: 1.987_569_150_0e-4), r, 1.398_199_950_7e-3)
    polynomial = horner(polynomial, r, 8.333_451_907_3e-3)
    polynomial = horner(polynomial, r, 4.166_579_589_4e-2)
    polynomial = horner(polynomial, r, 1.666_666_545_9e-1)
    polynomial = horner(polynomial, r, 5.000_000_120_1e-1)
    let expR = r.addingProduct(polynomial, r * r) + 1
    // 2^n from the exponent bits: n is an integer in [−126, 127] after the clamp.
    let integerBits = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- Int32(bitPattern: magic.bitPattern)
    let exponentBits = (integerBits &+ 127) &<< 23
    return expR * unsafeBitCast(exponentBits, to: Lanes.self)
}

/// `1 / (1 + e^−x)` on each lane.
@inline(__always)
func logisticSigmoid(_ x: Lanes) -> Lanes {
    1 / (1 + exponential(-x))
}

/// `tanh(x)` on each lane: Cephes's odd polynomial for |x| < 0.625, else `1 − 2 / (e^{2|x|} + 1)` with the sign
/// of x (which saturates to ±1 for large |x|).
@inline(__always)
func hyperbolicTangent(_ x: Lanes) -> Lanes {
    let magnitude = x.replacing(with: -x, where: x .< 0)
    let square = x * x
    var polynomial = horner(Lanes(repeating: -5.704_988_727_45e-3), square, 2.063_908_879_54e-2)
    polynomial = horner(polynomial, square, -5.373_971_555_31e-2)
    polynomial = horner(polynomial, square, 1.333_144_220_36e-1)
    polynomial = horner(polynomial, square, -3.333_328_194_22e-1)
    let small = x.addingProduct(polynomial * square, x)
    let large = 1 - 2 / (exponential(magnitude + magnitude) + 1)
    let signedLarge = large.replacing(with: -large, where: x .< 0)
    return signedLarge.replacing(with: small, where: magnitude .< 0.625)
}

/// One Horner step with a fused multiply-add: `polynomial · x + coefficient`.
@inline(__always)
private func horner(_ polynomial: Lanes, _ x: Lanes, _ coefficient: Float) -> Lanes {
    Lanes(repeating: coefficient).addingProduct(polynomial, x)
}
