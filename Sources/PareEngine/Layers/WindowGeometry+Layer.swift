// Validation shared by the layers that slide a window (convolution, max and average pooling).

extension WindowGeometry {
    /// The window geometry of layer `layer` on `input`, or a thrown `EngineError.invalidLayer` naming the
    /// problem when a size is not positive or a valid-padded window does not fit.
    static func validated(layer: String, input: SampleShape, window: PlaneSize, strides: PlaneSize,
                          padding: PaddingMode, windowName: String) throws(EngineError) -> WindowGeometry {
        guard window.height >= 1, window.width >= 1 else {
            throw .invalidLayer(layer: layer, reason: "\(windowName) must be positive, found \(window)")
        }
        guard strides.height >= 1, strides.width >= 1 else {
            throw .invalidLayer(layer: layer, reason: "strides must be positive, found \(strides)")
        }
        let plane = PlaneSize(input.height, input.width)
        let outputHeight = outputLength(input: plane.height, window: window.height, stride: strides.height,
                                        padding: padding)
        let outputWidth = outputLength(input: plane.width, window: window.width, stride: strides.width,
                                       padding: padding)
        guard outputHeight >= 1, outputWidth >= 1 else {
            throw .invalidLayer(layer: layer,
                                reason: "\(windowName) \(window) does not fit the \(plane) input with valid padding")
        }
        return WindowGeometry(input: plane, window: window, strides: strides, padding: padding)
    }
}
