// The capped rectifier `min(max(x, 0), maxValue)` (ReLU6 and Keras `ReLU(max_value=…)`) in the lane layout:
// fast twins of `cappedRectifierForwardReference` and `cappedRectifierBackwardReference` (same signatures), one SIMD16 vector per
// step. Both compute each element with the same comparisons as the reference, so they agree bit for bit
// (a negative zero input stays negative zero in both).
//
// Shape: any lane-layout buffer, `count` floats (a whole number of 16-lane vectors).

/// `output[i] = min(max(input[i], 0), maxValue)`; `input` and `output` may be the same buffer. `maxValue` may be
/// `.infinity` (a plain ReLU).
func cappedRectifierForward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, count: Int, maxValue: Float) {
    let lanes = LaneLayout.laneCount
    precondition(count % lanes == 0, "cappedRectifierForward: \(count) floats is not a whole number of lane vectors")
    for index in stride(from: 0, to: count, by: lanes) {
        let value = loadLanes(input + index)
        let rectified = value.replacing(with: 0, where: value .< 0)
        storeLanes(rectified.replacing(with: maxValue, where: rectified .> maxValue), to: output + index)
    }
}

/// `inputGradient[i] = outputGradient[i]` where `0 < output[i] < maxValue`, else 0 (TensorFlow's `Relu6Grad`
/// rule, written in terms of the output); the gradients may be the same buffer.
func cappedRectifierBackward(output: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                   inputGradient: UnsafeMutablePointer<Float>, count: Int, maxValue: Float) {
    let lanes = LaneLayout.laneCount
    precondition(count % lanes == 0, "cappedRectifierBackward: \(count) floats is not a whole number of lane vectors")
    for index in stride(from: 0, to: count, by: lanes) {
        let value = loadLanes(output + index)
        let passes = (value .> 0) .& (value .< maxValue)
        storeLanes(loadLanes(outputGradient + index).replacing(with: 0, where: .!passes), to: inputGradient + index)
    }
}
