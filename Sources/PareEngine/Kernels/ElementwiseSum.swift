// Element-wise sums of lane-layout buffers: the add layer's forward and the graph executor's gradient
// accumulation. Plain pointer loops, which the compiler vectorises (SWIFT_PERF §4); a sum of two operands has
// one rounding whatever the loop order, so there is nothing for a reference twin to check.

/// `output[i] = first[i] + second[i]` for `count` floats (`output` may be either operand).
func addElementwise(_ first: UnsafePointer<Float>, _ second: UnsafePointer<Float>,
                    into output: UnsafeMutablePointer<Float>, count: Int) {
    for index in 0..<count { output[index] = first[index] + second[index] }
}

/// `target[i] += source[i]` for `count` floats.
func accumulateElementwise(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
    for index in 0..<count { target[index] += source[index] }
}
