// Random valid model descriptions for property tests, from a seeded generator.

import PareModel

/// A small, seeded, reproducible generator for tests (SplitMix64).
public struct TestGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; the same seed gives the same sequence.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random model descriptions that always analyse without error: a few conv/pool/BN/activation/dropout layers
/// on a small image while it is large enough, then flatten or global pooling, then dense layers.
public enum RandomSpecs {
    /// `count` random valid specs from `seed`.
    public static func make(count: Int, seed: UInt64) -> [ModelSpec] {
        var generator = TestGenerator(seed: seed)
        return (0..<count).map { _ in make(using: &generator) }
    }

    /// One random valid spec.
    public static func make(using generator: inout TestGenerator) -> ModelSpec {
        let activations = Activation.allCases
        let inputSize = Int.random(in: 6...20, using: &generator)
        var size = inputSize
        let channels = Int.random(in: 1...3, using: &generator)
        var layers: [LayerSpec] = []
        var named = 0
        func maybeName(_ layer: inout LayerSpec) {
            if Int.random(in: 0..<5, using: &generator) == 0 {
                named += 1
                layer.name = "custom_\(named)"
            }
            if Int.random(in: 0..<8, using: &generator) == 0 { layer.trainable = false }
        }
        for _ in 0..<Int.random(in: 0...4, using: &generator) where size >= 3 {
            var layer: LayerSpec
            switch Int.random(in: 0..<6, using: &generator) {
            case 0, 1:
                let kernel = Size2(Int.random(in: 1...min(3, size), using: &generator), Int.random(in: 1...min(3, size), using: &generator))
                let padding: Padding = Bool.random(using: &generator) ? .valid : .same
                let stride = Int.random(in: 1...2, using: &generator)
                layer = LayerSpec(.conv2D(Conv2D(filters: Int.random(in: 1...8, using: &generator), kernelSize: kernel,
                                                 strides: Size2(square: stride), padding: padding,
                                                 activation: activations.randomElement(using: &generator)!,
                                                 useBias: Bool.random(using: &generator))))
                size = padding == .same ? (size + stride - 1) / stride : (size - max(kernel.height, kernel.width)) / stride + 1
            case 2:
                let pool = Pooling2D(poolSize: Size2(square: 2), strides: Bool.random(using: &generator) ? nil : Size2(square: 1))
                layer = LayerSpec(Bool.random(using: &generator) ? .maxPooling2D(pool) : .averagePooling2D(pool))
                size = pool.strides == nil ? size / 2 : size - 1
            case 3:
                layer = LayerSpec(.batchNormalization(BatchNormalization(momentum: Bool.random(using: &generator) ? 0.99 : 0.9)))
            case 4:
                layer = LayerSpec(.activation(activations.randomElement(using: &generator)!))
            default:
                layer = LayerSpec(.dropout(Dropout(rate: Double(Int.random(in: 0...9, using: &generator)) / 10)))
            }
            maybeName(&layer)
            layers.append(layer)
        }
        var flat = LayerSpec(Bool.random(using: &generator) ? .flatten : .globalAveragePooling2D)
        maybeName(&flat)
        layers.append(flat)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            var dense = LayerSpec(.dense(Dense(units: Int.random(in: 1...40, using: &generator),
                                               activation: activations.randomElement(using: &generator)!,
                                               useBias: Bool.random(using: &generator))))
            maybeName(&dense)
            layers.append(dense)
        }
        let name: String? = Bool.random(using: &generator) ? "random_model" : nil
        return ModelSpec(name: name, inputShape: .image(height: inputSize, width: inputSize, channels: channels), layers: layers)
    }
}
