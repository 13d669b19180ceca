// The sizes a 2-D convolution kernel needs.

/// A convolution's sizes: channels in and out plus the window placement on each plane.
public struct ConvolutionGeometry: Hashable, Sendable {
    /// Input channels.
    public let inputChannels: Int
    /// Output channels (filters).
    public let outputChannels: Int
    /// Kernel placement, strides and padding.
    public let window: WindowGeometry

    /// Creates the geometry.
    public init(inputChannels: Int, outputChannels: Int, window: WindowGeometry) {
        precondition(inputChannels > 0 && outputChannels > 0,
                     "ConvolutionGeometry: channel counts must be positive, got \(inputChannels) -> \(outputChannels)")
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.window = window
    }

    /// Input features per sample: `inputChannels * inputHeight * inputWidth`.
    public var inputFeatures: Int { inputChannels * window.inputPlaneSize }
    /// Output features per sample: `outputChannels * outputHeight * outputWidth`.
    public var outputFeatures: Int { outputChannels * window.outputPlaneSize }
    /// Kernel weights per filter: `inputChannels * windowHeight * windowWidth`.
    public var kernelVolume: Int { inputChannels * window.windowHeight * window.windowWidth }
}
