// Memory figures at batch 1, computed exactly as torchinfo 1.8.0 computes them.

/// torchinfo's memory estimate for one example in float32, in bytes.
///
/// Pinned down by the 40 torchinfo goldens in `../shared/golden/params_small_models.json`:
/// - input: `4 · elements + 64` — torchinfo takes `sys.getsizeof` of the input tensor's storage, which adds
///   the 64-byte Python object header to the data;
/// - forward/backward: twice (for gradients) the output bytes of every layer that has parameters;
/// - parameters: 4 bytes per parameter in the PyTorch view (buffers such as BatchNorm running statistics
///   are not counted).
public struct MemoryEstimate: Hashable, Sendable {
    /// Bytes of one input example, as torchinfo reports "Input size".
    public var inputBytes: Int
    /// torchinfo's "Forward/backward pass size".
    public var forwardBackwardBytes: Int
    /// torchinfo's "Params size".
    public var parameterBytes: Int

    /// torchinfo's "Estimated Total Size".
    public var totalBytes: Int { inputBytes + forwardBackwardBytes + parameterBytes }

    /// The size of a float32 scalar.
    public static let bytesPerScalar = 4
    /// The Python object header torchinfo's `sys.getsizeof` adds to the input storage.
    public static let inputStorageHeaderBytes = 64
}
