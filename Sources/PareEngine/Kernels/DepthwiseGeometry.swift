// The sizes a depthwise convolution kernel needs.

/// A depthwise convolution's sizes: input channels, outputs per channel (the depth multiplier) and the window
/// placement on each plane. Output channel `o = c·depthMultiplier + j` reads input channel `c` only.
public struct DepthwiseGeometry: Hashable, Sendable {
    /// Input channels.
    public let channels: Int
    /// Output channels per input channel.
    public let depthMultiplier: Int
    /// Kernel placement, strides and padding.
    public let window: WindowGeometry

    /// Creates the geometry.
    public init(channels: Int, depthMultiplier: Int, window: WindowGeometry) {
        precondition(channels > 0 && depthMultiplier > 0,
                     "DepthwiseGeometry: channels \(channels) and depth multiplier \(depthMultiplier) must be positive")
        self.channels = channels
        self.depthMultiplier = depthMultiplier
        self.window = window
    }

    /// Output channels: `channels · depthMultiplier`.
    public var outputChannels: Int { channels * depthMultiplier }
    /// Weights per output channel: `windowHeight · windowWidth`.
    public var kernelArea: Int { window.windowHeight * window.windowWidth }
    /// Input features per sample: `channels · inputHeight · inputWidth`.
    public var inputFeatures: Int { channels * window.inputPlaneSize }
    /// Output features per sample: `outputChannels · outputHeight · outputWidth`.
    public var outputFeatures: Int { outputChannels * window.outputPlaneSize }
}
