// Fast max and average pooling in the lane layout: twins of the pooling references (same signatures and the
// same bits). One generic kernel per direction owns the loops over planes and windows, a `PoolingRule`
// (`MaxPoolingRule`, `AveragePoolingRule`) the arithmetic of one window; the `kind` switch at the entry picks the
// specialisation, so no hot loop branches on the kind. When the windows tile the plane exactly (stride =
// window, no padding, no remainder) every input position belongs to one window, so backward writes the input
// gradient directly without zeroing it first.
//
// Legend: k = chunk, c = channel, oy/ox = output row/column, iy = input row; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][C][H'][W'][16]`.

/// `output[k][c][oy][ox]` = the maximum (`.max`) or the mean (`.average`) of the window's real inputs.
func pool2DForward(_ kind: Pooling2DLayer.Kind, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                   channels: Int, window: WindowGeometry, chunkCount: Int) {
    switch kind {
    case .max:
        pool2DForward(MaxPoolingRule.self, input: input, output: output, channels: channels, window: window,
                      chunkCount: chunkCount)
    case .average:
        pool2DForward(AveragePoolingRule.self, input: input, output: output, channels: channels, window: window,
                      chunkCount: chunkCount)
    }
}

/// Overwrites `inputGradient`: each output gradient goes to the *first* maximum of its window per lane (`.max`)
/// or evenly to the window's real inputs (`.average`, which does not read `input`); overlapping windows add up.
func pool2DBackward(_ kind: Pooling2DLayer.Kind, input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                    inputGradient: UnsafeMutablePointer<Float>, channels: Int, window: WindowGeometry,
                    chunkCount: Int) {
    switch kind {
    case .max:
        pool2DBackward(MaxPoolingRule.self, input: input, outputGradient: outputGradient,
                       inputGradient: inputGradient, channels: channels, window: window, chunkCount: chunkCount)
    case .average:
        pool2DBackward(AveragePoolingRule.self, input: input, outputGradient: outputGradient,
                       inputGradient: inputGradient, channels: channels, window: window, chunkCount: chunkCount)
    }
}

/// Forward for one rule: each window's inputs pooled by `Rule`.
private func pool2DForward<Rule: PoolingRule>(_ rule: Rule.Type, input: UnsafePointer<Float>,
                                              output: UnsafeMutablePointer<Float>, channels: Int,
                                              window: WindowGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    for plane in 0..<(chunkCount * channels) {
        let x = input + plane * window.inputPlaneSize * lanes
        var y = output + plane * window.outputPlaneSize * lanes
        for oy in 0..<window.outputHeight {
            let rows = window.inputRows(outputRow: oy)
            for ox in 0..<window.outputWidth {
                let inputs = PoolingWindowInputs(plane: x, inputWidth: window.inputWidth, rows: rows,
                                                 columns: window.inputColumns(outputColumn: ox))
                storeLanes(inputs.pooled(by: Rule.self), to: y)
                y += lanes
            }
        }
    }
}

/// Backward for one rule: each window's output gradient handed out to its inputs by `Rule`.
private func pool2DBackward<Rule: PoolingRule>(_ rule: Rule.Type, input: UnsafePointer<Float>,
                                               outputGradient: UnsafePointer<Float>,
                                               inputGradient: UnsafeMutablePointer<Float>, channels: Int,
                                               window: WindowGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let overwrites = window.tilesInputExactly
    if !overwrites { inputGradient.update(repeating: 0, count: chunkCount * channels * window.inputPlaneSize * lanes) }
    for plane in 0..<(chunkCount * channels) {
        let x = input + plane * window.inputPlaneSize * lanes
        let dx = inputGradient + plane * window.inputPlaneSize * lanes
        var dy = outputGradient + plane * window.outputPlaneSize * lanes
        for oy in 0..<window.outputHeight {
            let rows = window.inputRows(outputRow: oy)
            for ox in 0..<window.outputWidth {
                let inputs = PoolingWindowInputs(plane: x, inputWidth: window.inputWidth, rows: rows,
                                                 columns: window.inputColumns(outputColumn: ox))
                var route = Rule.route(loadLanes(dy), over: inputs)
                for iy in rows {
                    var input = x + inputs.offset(row: iy), target = dx + inputs.offset(row: iy)
                    for _ in inputs.columns {
                        let share = Rule.share(of: &route, forInputAt: input)
                        storeLanes(overwrites ? share : loadLanes(target) + share, to: target)
                        input += lanes
                        target += lanes
                    }
                }
                dy += lanes
            }
        }
    }
}
