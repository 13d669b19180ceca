// The size of one image of a data set, channels-last.

/// The size of one image: `height x width x channels`, stored channels-last (`[H, W, C]`).
public struct ImageShape: Hashable, Sendable, CustomStringConvertible {
    /// Rows.
    public var height: Int
    /// Columns.
    public var width: Int
    /// Values per pixel (1 for grey, 3 for RGB).
    public var channels: Int

    /// Creates an image shape.
    public init(height: Int, width: Int, channels: Int) {
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// The number of values (bytes) in one image.
    public var valueCount: Int { height * width * channels }

    /// `28x28x1`, the `.pare` spelling of an input shape.
    public var description: String { "\(height)x\(width)x\(channels)" }
}
