// Sliding-window arithmetic shared by convolution and pooling, with Keras/TensorFlow padding rules.

/// Where the windows of a convolution or pooling layer fall on one channel plane.
///
/// Output size: valid `floor((in - k) / s) + 1`; same `ceil(in / s)`. Same padding adds
/// `pad_total = max((out - 1) * s + k - in, 0)` with `pad_total / 2` before (top/left) and the rest after.
/// Output pixel (y, x) reads input rows `y * strideHeight - padTop + (0..<windowHeight)`, and likewise columns;
/// positions outside the input are padding (zero for convolution, skipped for pooling).
public struct WindowGeometry: Hashable, Sendable {
    /// Input plane rows.
    public let inputHeight: Int
    /// Input plane columns.
    public let inputWidth: Int
    /// Window (kernel or pool) rows.
    public let windowHeight: Int
    /// Window columns.
    public let windowWidth: Int
    /// Rows between window starts.
    public let strideHeight: Int
    /// Columns between window starts.
    public let strideWidth: Int
    /// Output plane rows.
    public let outputHeight: Int
    /// Output plane columns.
    public let outputWidth: Int
    /// Padding rows above the input.
    public let padTop: Int
    /// Padding columns left of the input.
    public let padLeft: Int

    /// Creates the geometry; the caller has checked `outputLength(...) >= 1` in both directions.
    public init(input: PlaneSize, window: PlaneSize, strides: PlaneSize, padding: PaddingMode) {
        inputHeight = input.height
        inputWidth = input.width
        windowHeight = window.height
        windowWidth = window.width
        strideHeight = strides.height
        strideWidth = strides.width
        outputHeight = WindowGeometry.outputLength(input: input.height, window: window.height,
                                                   stride: strides.height, padding: padding)
        outputWidth = WindowGeometry.outputLength(input: input.width, window: window.width,
                                                  stride: strides.width, padding: padding)
        precondition(outputHeight >= 1 && outputWidth >= 1,
                     "WindowGeometry: window \(window) with \(padding) padding does not fit input \(input)")
        padTop = WindowGeometry.padBefore(input: input.height, output: outputHeight, window: window.height,
                                          stride: strides.height, padding: padding)
        padLeft = WindowGeometry.padBefore(input: input.width, output: outputWidth, window: window.width,
                                           stride: strides.width, padding: padding)
    }

    /// Output length along one axis (may be < 1 when a valid window is larger than the input).
    public static func outputLength(input: Int, window: Int, stride: Int, padding: PaddingMode) -> Int {
        switch padding {
        case .valid: return input >= window ? (input - window) / stride + 1 : 0
        case .same: return (input + stride - 1) / stride
        }
    }

    /// Padding before the input along one axis: `pad_total / 2` for same padding, 0 for valid.
    public static func padBefore(input: Int, output: Int, window: Int, stride: Int, padding: PaddingMode) -> Int {
        switch padding {
        case .valid: return 0
        case .same: return max((output - 1) * stride + window - input, 0) / 2
        }
    }

    /// The input rows output row `outputRow` covers, clipped to the input (never empty; see `PaddingMode`).
    @inline(__always)
    public func inputRows(outputRow: Int) -> Range<Int> {
        let start = outputRow * strideHeight - padTop
        return max(0, start)..<min(inputHeight, start + windowHeight)
    }

    /// The input columns output column `outputColumn` covers, clipped to the input.
    @inline(__always)
    public func inputColumns(outputColumn: Int) -> Range<Int> {
        let start = outputColumn * strideWidth - padLeft
        return max(0, start)..<min(inputWidth, start + windowWidth)
    }

    /// Input pixels per plane.
    public var inputPlaneSize: Int { inputHeight * inputWidth }
    /// Output pixels per plane.
    public var outputPlaneSize: Int { outputHeight * outputWidth }
}
