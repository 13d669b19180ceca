// Fast max and average pooling in the lane layout: twins of the pooling references (same signatures and the
// same bits). Max-pool backward routes each output gradient to the window's first maximum with per-lane masks
// (compare with the window maximum, then select) instead of the reference's per-lane scalar scatter; when the
// windows tile the plane exactly (stride = window, no padding, no remainder) every input position belongs to
// one window, so backward passes write the input gradient directly without zeroing it first.
//
// Legend: k = chunk, c = channel, oy/ox = output row/column; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][C][H'][W'][16]`.

/// `output[k][c][oy][ox] = max over the window's real inputs`.
func maxPool2DForward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, channels: Int,
                      window: WindowGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    for plane in 0..<(chunkCount * channels) {
        let x = input + plane * window.inputPlaneSize * lanes
        var y = output + plane * window.outputPlaneSize * lanes
        for oy in 0..<window.outputHeight {
            let rows = window.inputRows(outputRow: oy)
            for ox in 0..<window.outputWidth {
                let columns = window.inputColumns(outputColumn: ox)
                var best = Lanes(repeating: -.infinity)
                for iy in rows {
                    var value = x + (iy * window.inputWidth + columns.lowerBound) * lanes
                    for _ in columns {
                        let candidate = loadLanes(value)
                        best.replace(with: candidate, where: candidate .> best)
                        value += lanes
                    }
                }
                storeLanes(best, to: y)
                y += lanes
            }
        }
    }
}

/// Overwrites `inputGradient`: each output gradient goes to the *first* maximum of its window (row-major scan
/// order), per lane; overlapping windows add up.
func maxPool2DBackward(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                       inputGradient: UnsafeMutablePointer<Float>, channels: Int, window: WindowGeometry,
                       chunkCount: Int) {
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
                let columns = window.inputColumns(outputColumn: ox)
                var best = Lanes(repeating: -.infinity)
                for iy in rows {
                    for ix in columns {
                        let candidate = loadLanes(x + (iy * window.inputWidth + ix) * lanes)
                        best.replace(with: candidate, where: candidate .> best)
                    }
                }
                // The reference's strict `>` from −∞ never picks a −∞ input: lanes whose maximum is −∞ get nothing.
                var pending = best .> -.infinity
                let gradient = loadLanes(dy)
                for iy in rows {
                    for ix in columns {
                        let offset = (iy * window.inputWidth + ix) * lanes
                        let isFirstMaximum = pending .& (loadLanes(x + offset) .== best)
                        pending = pending .& .!isFirstMaximum
                        let share = Lanes().replacing(with: gradient, where: isFirstMaximum)
                        storeLanes(overwrites ? share : loadLanes(dx + offset) + share, to: dx + offset)
                    }
                }
                dy += lanes
            }
        }
    }
}

/// `output[k][c][oy][ox] = (Σ over the window's real inputs) / (their count)`.
func averagePool2DForward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, channels: Int,
                          window: WindowGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    for plane in 0..<(chunkCount * channels) {
        let x = input + plane * window.inputPlaneSize * lanes
        var y = output + plane * window.outputPlaneSize * lanes
        for oy in 0..<window.outputHeight {
            let rows = window.inputRows(outputRow: oy)
            for ox in 0..<window.outputWidth {
                let columns = window.inputColumns(outputColumn: ox)
                var sum = Lanes()
                for iy in rows {
                    var value = x + (iy * window.inputWidth + columns.lowerBound) * lanes
                    for _ in columns {
                        sum += loadLanes(value)
                        value += lanes
                    }
                }
                storeLanes(sum / Float(rows.count * columns.count), to: y)
                y += lanes
            }
        }
    }
}

/// Overwrites `inputGradient`: each real input of a window receives `outputGradient / count`; overlaps add up.
func averagePool2DBackward(outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
                           channels: Int, window: WindowGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    let overwrites = window.tilesInputExactly
    if !overwrites { inputGradient.update(repeating: 0, count: chunkCount * channels * window.inputPlaneSize * lanes) }
    for plane in 0..<(chunkCount * channels) {
        let dx = inputGradient + plane * window.inputPlaneSize * lanes
        var dy = outputGradient + plane * window.outputPlaneSize * lanes
        for oy in 0..<window.outputHeight {
            let rows = window.inputRows(outputRow: oy)
            for ox in 0..<window.outputWidth {
                let columns = window.inputColumns(outputColumn: ox)
                let share = loadLanes(dy) / Float(rows.count * columns.count)
                for iy in rows {
                    var target = dx + (iy * window.inputWidth + columns.lowerBound) * lanes
                    for _ in columns {
                        storeLanes(overwrites ? share : loadLanes(target) + share, to: target)
                        target += lanes
                    }
                }
                dy += lanes
            }
        }
    }
}
