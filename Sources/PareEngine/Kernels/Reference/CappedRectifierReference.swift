// Reference capped rectifier in the lane layout: one scalar at a time.
//
// Shape: any lane-layout buffer, `count` floats.

/// `output[i] = min(max(input[i], 0), maxValue)`; `input` and `output` may be the same buffer.
func cappedRectifierForwardReference(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, count: Int,
                           maxValue: Float) {
    for index in 0..<count {
        let rectified = input[index] < 0 ? 0 : input[index]
        output[index] = rectified > maxValue ? maxValue : rectified
    }
}

/// `inputGradient[i] = outputGradient[i]` where `0 < output[i] < maxValue`, else 0.
func cappedRectifierBackwardReference(output: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                            inputGradient: UnsafeMutablePointer<Float>, count: Int, maxValue: Float) {
    for index in 0..<count {
        inputGradient[index] = output[index] > 0 && output[index] < maxValue ? outputGradient[index] : 0
    }
}
