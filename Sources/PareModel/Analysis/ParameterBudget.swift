// Where a model's parameters sit: each layer's share, the layer holding most of them (the classic bottleneck:
// a Dense layer reading a large flattened feature map), and the standard changes that shrink it — each one
// applied to the description and analysed again, so every predicted count is a real count.

/// How a model's parameters (Keras view) are spread over its layers.
public struct ParameterBudget: Hashable, Sendable {
    /// One layer's part of the parameters.
    public struct Share: Hashable, Sendable {
        /// Position of the layer in the model.
        public var layerIndex: Int
        /// The layer's resolved name.
        public var layerName: String
        /// The layer's parameters.
        public var parameterCount: Int
        /// `parameterCount / total`, in [0, 1]; 0 for a model without parameters.
        public var fraction: Double
    }

    /// The analysed model.
    public var analysis: ModelAnalysis
    /// One share per layer, in order.
    public var shares: [Share]
    /// The layer holding more than `bottleneckFraction` of the parameters, if there is one.
    public var bottleneck: Bottleneck?

    /// A layer is a bottleneck when it holds more than this part of the parameters ("most of them").
    public static let bottleneckFraction = 0.5
    /// Global average pooling leaves one feature per channel; below this many channels the classifier would be
    /// starved, so the hint is not offered.
    public static let minimumChannelsForGlobalPooling = 16

    /// Computes the shares, finds the bottleneck and works out which remedies apply to it.
    public init(_ analysis: ModelAnalysis) {
        self.analysis = analysis
        let total = analysis.parameterCount
        shares = analysis.layers.map { layer in
            Share(layerIndex: layer.index, layerName: layer.name, parameterCount: layer.parameterCount,
                  fraction: total > 0 ? Double(layer.parameterCount) / Double(total) : 0)
        }
        if let largest = Self.largest(of: shares), largest.fraction > Self.bottleneckFraction {
            bottleneck = Bottleneck(analysis: analysis, share: largest)
        } else {
            bottleneck = nil
        }
    }

    /// The share of the layer holding the most parameters (the first of equals), `nil` for a model without layers.
    public var largestShare: Share? { Self.largest(of: shares) }

    private static func largest(of shares: [Share]) -> Share? {
        // max(by:) keeps the first of equal maxima.
        shares.max { $0.parameterCount < $1.parameterCount }
    }
}

extension ParameterBudget {
    /// The layer that holds most of a model's parameters, and what would shrink it.
    public struct Bottleneck: Hashable, Sendable {
        /// The layer's share.
        public var share: Share
        /// What the layer reads.
        public var inputShape: Shape
        /// The position of the Flatten whose output reaches the layer (with only dropout, activation or batch
        /// normalisation between), when it is a Dense layer fed that way.
        public var flattenIndex: Int?
        /// The image that Flatten receives.
        public var flattenedImage: Shape?
        /// The changes that apply to this model and reduce its parameters, each already analysed.
        public var remedies: [Remedy]

        init(analysis: ModelAnalysis, share: Share) {
            self.share = share
            let index = share.layerIndex
            let layer = analysis.layers[index]
            inputShape = layer.inputShape
            let flattenIndex = Self.flattenFeeding(index, in: analysis)
            self.flattenIndex = flattenIndex
            flattenedImage = flattenIndex.map { analysis.layers[$0].inputShape }

            var candidates: [(Remedy.Kind, Remedy.Change)] = []
            if let flattenIndex, let image = flattenedImage {
                let pool = LayerSpec(.maxPooling2D(Pooling2D(poolSize: Size2(square: 2))))
                candidates.append((.maxPoolingBeforeFlatten, .insert([pool], at: flattenIndex)))
                let convolutions = analysis.layers[..<flattenIndex].compactMap { layer -> Conv2D? in
                    if case .conv2D(let conv) = layer.spec.kind { conv } else { nil }
                }
                if let template = convolutions.last {
                    let conv = LayerSpec(.conv2D(Conv2D(filters: image.channels, kernelSize: Size2(square: 3),
                                                         padding: template.padding, activation: template.activation)))
                    candidates.append((.convolutionStageBeforeFlatten, .insert([conv, conv, pool], at: flattenIndex)))
                }
                if image.channels >= ParameterBudget.minimumChannelsForGlobalPooling, image.height * image.width > 1 {
                    candidates.append((.globalAveragePoolingInsteadOfFlatten,
                                       .replace(flattenIndex, with: LayerSpec(.globalAveragePooling2D))))
                }
            }
            if let narrower = Self.narrowing(bottleneck: index, in: analysis) {
                candidates.append((.narrowerLayer, narrower))
            }
            remedies = candidates.compactMap { kind, change in
                Remedy(kind: kind, change: change, applyingTo: analysis, bottleneckIndex: index)
            }
        }

        /// The index of the Flatten whose image output reaches Dense layer `index`, looking back over layers that
        /// keep a vector as it is.
        static func flattenFeeding(_ index: Int, in analysis: ModelAnalysis) -> Int? {
            guard case .dense = analysis.layers[index].spec.kind else { return nil }
            var position = index - 1
            while position >= 0 {
                switch analysis.layers[position].spec.kind {
                case .flatten:
                    return analysis.layers[position].inputShape.isImage ? position : nil
                case .dropout, .activation, .batchNormalization, .reLU:
                    position -= 1
                case .dense, .conv2D, .maxPooling2D, .averagePooling2D, .globalAveragePooling2D, .depthwiseConv2D,
                     .zeroPadding2D, .add:
                    return nil
                }
            }
            return nil
        }

        /// Half the width of the bottleneck itself if a later layer has parameters (its width is a free choice);
        /// otherwise, for an output layer, half the filters of the last convolution before it.
        static func narrowing(bottleneck index: Int, in analysis: ModelAnalysis) -> Remedy.Change? {
            let isOutputLayer = !analysis.layers[(index + 1)...].contains { $0.parameterCount > 0 }
            let target = isOutputLayer
                ? analysis.layers[..<index].last { if case .conv2D = $0.spec.kind { true } else { false } }?.index
                : index
            guard let target else { return nil }
            var layer = analysis.spec.layers[target]
            switch layer.kind {
            case .dense(var dense) where dense.units >= 2:
                dense.units /= 2
                layer.kind = .dense(dense)
            case .conv2D(var conv) where conv.filters >= 2:
                conv.filters /= 2
                layer.kind = .conv2D(conv)
            default:
                return nil
            }
            return .replace(target, with: layer)
        }
    }

    /// A change to the model that shrinks its bottleneck, with the counts of the changed model.
    public struct Remedy: Hashable, Sendable {
        /// The kind of change.
        public enum Kind: Hashable, Sendable {
            /// 2x2 max pooling on the image before Flatten: a quarter of the inputs.
            case maxPoolingBeforeFlatten
            /// Another conv–conv–pool stage before Flatten (3x3 convolutions keeping the channel count and the last
            /// convolution's padding and activation, then 2x2 max pooling).
            case convolutionStageBeforeFlatten
            /// GlobalAveragePooling2D in place of Flatten: one input per channel.
            case globalAveragePoolingInsteadOfFlatten
            /// Half the units (Dense) or filters (Conv2D) of one layer: the bottleneck, or for an output layer the
            /// last convolution before it.
            case narrowerLayer
        }

        /// How the description changes.
        public enum Change: Hashable, Sendable {
            /// New layers inserted before the layer at this position.
            case insert([LayerSpec], at: Int)
            /// The layer at this position replaced.
            case replace(Int, with: LayerSpec)
        }

        /// The kind of change.
        public var kind: Kind
        /// The edit to the description.
        public var change: Change
        /// The changed model, analysed.
        public var analysis: ModelAnalysis
        /// Position of the (former) bottleneck layer in the changed model.
        public var bottleneckIndex: Int

        /// The former bottleneck layer in the changed model.
        public var bottleneck: LayerAnalysis { analysis.layers[bottleneckIndex] }
        /// All parameters of the changed model.
        public var parameterCount: Int { analysis.parameterCount }

        /// Applies `change` to `original`; `nil` if the changed model cannot be built or is not smaller.
        init?(kind: Kind, change: Change, applyingTo original: ModelAnalysis, bottleneckIndex: Int) {
            var spec = original.spec
            var index = bottleneckIndex
            switch change {
            case .insert(let layers, let position):
                spec.layers.insert(contentsOf: layers, at: position)
                if position <= index { index += layers.count }
            case .replace(let position, let layer):
                spec.layers[position] = layer
            }
            guard let analysis = try? ModelAnalysis(spec), analysis.parameterCount < original.parameterCount else {
                return nil
            }
            self.kind = kind
            self.change = change
            self.analysis = analysis
            self.bottleneckIndex = index
        }
    }
}
