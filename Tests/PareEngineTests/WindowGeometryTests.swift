// Output sizes and padding of sliding windows, against the Keras/TensorFlow formulas worked by hand.

import Testing
@testable import PareEngine

@Suite struct WindowGeometryTests {
    /// (input, window, stride, padding) → (output, pad before). Hand-worked:
    /// valid: floor((in − k) / s) + 1; same: out = ceil(in / s), pad_total = max((out − 1)·s + k − in, 0), before = pad_total / 2.
    @Test(arguments: [
        (5, 3, 1, PaddingMode.valid, 3, 0),   // (5 − 3) / 1 + 1
        (5, 3, 2, .valid, 2, 0),              // (5 − 3) / 2 + 1
        (6, 2, 2, .valid, 3, 0),
        (7, 3, 2, .valid, 3, 0),              // windows start at columns 0, 2, 4
        (5, 3, 2, .same, 3, 1),               // total (3 − 1)·2 + 3 − 5 = 2 → 1 before, 1 after
        (5, 2, 2, .same, 3, 0),               // total 1 → 0 before, 1 after (the extra column goes right)
        (4, 3, 2, .same, 2, 0),               // total 1 → 0 before, 1 after
        (28, 3, 1, .same, 28, 1),             // total 2 → 1 before
        (4, 1, 3, .same, 2, 0),               // total max(3 + 1 − 4, 0) = 0
    ])
    func outputLengthAndPadding(input: Int, window: Int, stride: Int, padding: PaddingMode,
                                output: Int, before: Int) {
        let geometry = WindowGeometry(input: PlaneSize(input, 3), window: PlaneSize(window, 1),
                                      strides: PlaneSize(stride, 1), padding: padding)
        #expect(geometry.outputHeight == output)
        #expect(geometry.padTop == before)
    }

    @Test func validWindowLargerThanInputIsAnError() {
        #expect(throws: EngineError.invalidLayer(layer: "conv", reason: "kernel size 5x5 does not fit the 4x4 input with valid padding")) {
            try Conv2DLayer(name: "conv", inputShape: SampleShape(channels: 1, height: 4, width: 4), filters: 1,
                            kernelSize: PlaneSize(square: 5))
        }
    }

    @Test func messagesEchoWhatWasReceived() {
        #expect(EngineError.invalidLayer(layer: "conv", reason: "strides must be positive, found 0x1").description
                == "layer 'conv': strides must be positive, found 0x1")
        #expect(throws: EngineError.invalidLayer(layer: "pool", reason: "strides must be positive, found 0x1")) {
            try Pooling2DLayer(name: "pool", inputShape: SampleShape(channels: 1, height: 4, width: 4),
                               kind: .max, poolSize: PlaneSize(square: 2), strides: PlaneSize(0, 1))
        }
    }
}
