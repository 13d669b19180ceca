// Output shapes with Keras semantics: valid/same padding, strides, default pool strides.

extension LayerKind {
    /// The output shape for one example of shape `input`, or the reason the layer cannot take it.
    public func outputShape(for input: Shape) throws(ShapeError.Problem) -> Shape {
        switch self {
        case .dense(let dense):
            guard input.isVector else { throw .needsVector(input: input) }
            return .vector(dense.units)
        case .conv2D(let conv):
            let (height, width) = try Self.windowOutput(input: input, window: conv.kernelSize,
                                                        strides: conv.strides, padding: conv.padding)
            return .image(height: height, width: width, channels: conv.filters)
        case .maxPooling2D(let pool), .averagePooling2D(let pool):
            let (height, width) = try Self.windowOutput(input: input, window: pool.poolSize,
                                                        strides: pool.effectiveStrides, padding: pool.padding)
            return .image(height: height, width: width, channels: input.channels)
        case .globalAveragePooling2D:
            guard input.isImage else { throw .needsImage(input: input) }
            return .vector(input.channels)
        case .flatten:
            return .vector(input.elementCount)
        case .depthwiseConv2D(let conv):
            let (height, width) = try Self.windowOutput(input: input, window: conv.kernelSize,
                                                        strides: conv.strides, padding: conv.padding)
            return .image(height: height, width: width, channels: input.channels * conv.depthMultiplier)
        case .zeroPadding2D(let padding):
            guard input.isImage else { throw .needsImage(input: input) }
            return .image(height: input.height + padding.top + padding.bottom, width: input.width + padding.left + padding.right,
                          channels: input.channels)
        case .batchNormalization, .dropout, .activation, .reLU, .add:
            return input
        }
    }

    /// Output height and width of a sliding window (Keras/TensorFlow rules).
    ///
    /// valid: `floor((in - k) / s) + 1`, defined only for `in >= k`; same: `ceil(in / s)`.
    static func windowOutput(input: Shape, window: Size2, strides: Size2,
                             padding: Padding) throws(ShapeError.Problem) -> (height: Int, width: Int) {
        guard input.isImage else { throw .needsImage(input: input) }
        let height: Int, width: Int
        switch padding {
        case .valid:
            guard input.height >= window.height, input.width >= window.width else {
                throw .inputSmallerThanWindow(window: window, input: input)
            }
            height = (input.height - window.height) / strides.height + 1
            width = (input.width - window.width) / strides.width + 1
        case .same:
            height = (input.height + strides.height - 1) / strides.height
            width = (input.width + strides.width - 1) / strides.width
        }
        guard height > 0, width > 0 else { throw .emptyOutput(input: input) }
        return (height, width)
    }
}
