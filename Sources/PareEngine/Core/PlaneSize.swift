// A height × width pair for kernels, pooling windows and strides.

/// A `height x width` pair: a kernel size, pooling window or stride.
public struct PlaneSize: Hashable, Sendable, CustomStringConvertible {
    /// Rows.
    public var height: Int
    /// Columns.
    public var width: Int

    /// Creates a `height x width` pair.
    public init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    /// Creates a square `side x side` pair.
    public init(square side: Int) {
        self.init(side, side)
    }

    /// `HxW`.
    public var description: String { "\(height)x\(width)" }
}
