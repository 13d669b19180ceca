// Reference max and average pooling in the lane layout: plain loops, one window at a time, the two kinds side by
// side in a switch per window (speed is not the point here). Windows are clipped to the input: same-padded
// positions are skipped (max pooling pads with −∞ in TensorFlow; average pooling divides by the number of
// real inputs, as Keras does).
//
// Legend: k = chunk, c = channel, oy/ox = output row/column, iy/ix = input row/column; `lanes` = 16.
// Shapes: input `[chunkCount][C][H][W][16]`, output `[chunkCount][C][H'][W'][16]`.

/// `output[k][c][oy][ox]` = the maximum (`.max`) or the mean (`.average`) of the window's real inputs.
func pool2DForwardReference(_ kind: Pooling2DLayer.Kind, input: UnsafePointer<Float>,
                            output: UnsafeMutablePointer<Float>, channels: Int, window: WindowGeometry,
                            chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    for k in 0..<chunkCount {
        for c in 0..<channels {
            let x = input + (k * channels + c) * window.inputPlaneSize * lanes
            let y = output + (k * channels + c) * window.outputPlaneSize * lanes
            for oy in 0..<window.outputHeight {
                for ox in 0..<window.outputWidth {
                    let rows = window.inputRows(outputRow: oy), columns = window.inputColumns(outputColumn: ox)
                    var pooled: Lanes
                    switch kind {
                    case .max:
                        pooled = Lanes(repeating: -.infinity)
                        for iy in rows {
                            for ix in columns {
                                let value = loadLanes(x + (iy * window.inputWidth + ix) * lanes)
                                pooled.replace(with: value, where: value .> pooled)
                            }
                        }
                    case .average:
                        var sum = Lanes(repeating: 0)
                        for iy in rows {
                            for ix in columns {
                                sum += loadLanes(x + (iy * window.inputWidth + ix) * lanes)
                            }
                        }
                        pooled = sum / Float(rows.count * columns.count)
                    }
                    storeLanes(pooled, to: y + (oy * window.outputWidth + ox) * lanes)
                }
            }
        }
    }
}

/// Overwrites `inputGradient`: each output gradient goes to the *first* maximum of its window per lane (`.max`)
/// or evenly to the window's real inputs (`.average`, which does not read `input`); overlapping windows add up.
func pool2DBackwardReference(_ kind: Pooling2DLayer.Kind, input: UnsafePointer<Float>,
                             outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
                             channels: Int, window: WindowGeometry, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    inputGradient.update(repeating: 0, count: chunkCount * channels * window.inputPlaneSize * lanes)
    for k in 0..<chunkCount {
        for c in 0..<channels {
            let x = input + (k * channels + c) * window.inputPlaneSize * lanes
            let dx = inputGradient + (k * channels + c) * window.inputPlaneSize * lanes
            let dy = outputGradient + (k * channels + c) * window.outputPlaneSize * lanes
            for oy in 0..<window.outputHeight {
                for ox in 0..<window.outputWidth {
                    let rows = window.inputRows(outputRow: oy), columns = window.inputColumns(outputColumn: ox)
                    let gradient = dy + (oy * window.outputWidth + ox) * lanes
                    switch kind {
                    case .max:
                        var best = Lanes(repeating: -.infinity)
                        var bestPixel = SIMD16<Int32>(repeating: -1)
                        for iy in rows {
                            for ix in columns {
                                let pixel = iy * window.inputWidth + ix
                                let value = loadLanes(x + pixel * lanes)
                                let isNewMaximum = value .> best
                                best.replace(with: value, where: isNewMaximum)
                                bestPixel.replace(with: Int32(pixel), where: isNewMaximum)
                            }
                        }
                        for lane in 0..<lanes where bestPixel[lane] >= 0 {
                            dx[Int(bestPixel[lane]) * lanes + lane] += gradient[lane]
                        }
                    case .average:
                        let share = loadLanes(gradient) / Float(rows.count * columns.count)
                        for iy in rows {
                            for ix in columns {
                                let target = dx + (iy * window.inputWidth + ix) * lanes
                                storeLanes(loadLanes(target) + share, to: target)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `output[k][c] = mean over the plane of input[k][c]` (output shape `[chunkCount][C][16]`).
func globalAveragePool2DForwardReference(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                                         shape: SampleShape, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    for k in 0..<chunkCount {
        for c in 0..<shape.channels {
            let x = input + (k * shape.channels + c) * shape.planeSize * lanes
            var sum = Lanes(repeating: 0)
            for pixel in 0..<shape.planeSize {
                sum += loadLanes(x + pixel * lanes)
            }
            storeLanes(sum / Float(shape.planeSize), to: output + (k * shape.channels + c) * lanes)
        }
    }
}

/// Overwrites `inputGradient[k][c][pixel] = outputGradient[k][c] / planeSize`.
func globalAveragePool2DBackwardReference(outputGradient: UnsafePointer<Float>,
                                          inputGradient: UnsafeMutablePointer<Float>,
                                          shape: SampleShape, chunkCount: Int) {
    let lanes = LaneLayout.laneCount
    for k in 0..<chunkCount {
        for c in 0..<shape.channels {
            let share = loadLanes(outputGradient + (k * shape.channels + c) * lanes) / Float(shape.planeSize)
            let dx = inputGradient + (k * shape.channels + c) * shape.planeSize * lanes
            for pixel in 0..<shape.planeSize {
                storeLanes(share, to: dx + pixel * lanes)
            }
        }
    }
}
