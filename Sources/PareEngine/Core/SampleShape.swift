// The shape of one sample inside the engine: channels-first, with vectors as 1x1 images.

/// The per-sample shape of a layer's input or output, channels-first: `[channels][height][width]`.
///
/// A vector of F features is `channels: F, height: 1, width: 1`, so per-channel operations (batch
/// normalisation) treat each feature of a vector as a channel, as Keras does for a `[batch, F]` tensor.
public struct SampleShape: Hashable, Sendable, CustomStringConvertible {
    /// Channels (feature maps); the feature count of a vector.
    public var channels: Int
    /// Rows of each channel plane (1 for a vector).
    public var height: Int
    /// Columns of each channel plane (1 for a vector).
    public var width: Int

    /// Creates an image shape `[channels][height][width]`.
    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// A vector of `featureCount` features (`[featureCount][1][1]`).
    public static func vector(_ featureCount: Int) -> SampleShape {
        SampleShape(channels: featureCount, height: 1, width: 1)
    }

    /// Pixels per channel plane: `height * width`.
    public var planeSize: Int { height * width }

    /// Scalars per sample: `channels * height * width`.
    public var featureCount: Int { channels * height * width }

    /// True when the shape is a vector (`height == width == 1`).
    public var isVector: Bool { height == 1 && width == 1 }

    /// `CxHxW` for an image, `F` for a vector.
    public var description: String { isVector ? "\(channels)" : "\(channels)x\(height)x\(width)" }
}
