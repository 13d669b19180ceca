// Two-dimensional sizes (kernels, pools, strides) and padding modes.

/// A height × width pair: a kernel size, a pool size, a stride or a padding amount.
public struct Size2: Hashable, Sendable, CustomStringConvertible {
    /// Rows.
    public var height: Int
    /// Columns.
    public var width: Int

    /// Creates a `height x width` size.
    public init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    /// Creates a square `side x side` size.
    public init(square side: Int) {
        self.init(side, side)
    }

    /// True when height equals width.
    public var isSquare: Bool { height == width }

    /// `3` for a square, `3x5` otherwise (the `.pare` spelling).
    public var description: String { isSquare ? "\(height)" : "\(height)x\(width)" }
}

/// How a convolution or pooling treats the border, with Keras semantics.
public enum Padding: String, Hashable, Sendable, CaseIterable {
    /// No padding: `out = floor((in - k) / s) + 1`, needs `in >= k`.
    case valid
    /// Zero padding so that `out = ceil(in / s)`; the extra row/column goes at the bottom/right (TensorFlow rule).
    case same
}
