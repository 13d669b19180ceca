// How convolution and pooling windows treat the border, with Keras/TensorFlow semantics.

/// Border treatment of a sliding window, as Keras's `padding` argument.
public enum PaddingMode: String, Hashable, Sendable, CaseIterable {
    /// No padding: `out = floor((in - k) / s) + 1`, requires `in >= k`.
    case valid
    /// `out = ceil(in / s)`; `pad_total = max((out - 1) * s + k - in, 0)` with `pad_total / 2` at the
    /// top/left and the rest (the extra row/column) at the bottom/right, as TensorFlow does.
    case same
}
