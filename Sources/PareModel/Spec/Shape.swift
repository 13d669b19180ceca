// The shape of one example as it flows through a network, channels-last like Keras.

/// The shape of a single example (the batch dimension is left out), channels-last like Keras:
/// `[height, width, channels]` for an image, `[features]` for a vector.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// The dimensions, outermost first.
    public var dimensions: [Int]

    /// Creates a shape from its dimensions, outermost first.
    public init(_ dimensions: [Int]) {
        self.dimensions = dimensions
    }

    /// An image shape `height x width x channels`.
    public static func image(height: Int, width: Int, channels: Int) -> Shape {
        Shape([height, width, channels])
    }

    /// A vector shape of `features` elements.
    public static func vector(_ features: Int) -> Shape {
        Shape([features])
    }

    /// The number of dimensions.
    public var rank: Int { dimensions.count }

    /// True for `[height, width, channels]`.
    public var isImage: Bool { dimensions.count == 3 }

    /// True for `[features]`.
    public var isVector: Bool { dimensions.count == 1 }

    /// The number of scalars in one example.
    public var elementCount: Int { dimensions.reduce(1, *) }

    /// The last dimension: channels of an image, features of a vector.
    public var channels: Int { dimensions.last ?? 1 }

    /// The height of an image shape (precondition: `isImage`).
    public var height: Int { precondition(isImage, "height of non-image shape \(self)"); return dimensions[0] }

    /// The width of an image shape (precondition: `isImage`).
    public var width: Int { precondition(isImage, "width of non-image shape \(self)"); return dimensions[1] }

    /// The `.pare` spelling: `28x28x1`, `784`.
    public var description: String { dimensions.map(String.init).joined(separator: "x") }
}
