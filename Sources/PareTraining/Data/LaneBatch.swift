// Gathering examples into the engine's lane layout: uint8 pixels → floats in [0, 1], channels-first.

import PareData
import PareEngine

/// A reusable input buffer in the lane layout plus its labels, filled from a data set split.
///
/// Pixels become `value / 255` exactly as numpy's `x / 255` does (a true division, from a 256-entry table),
/// reordered from the files' channels-last `[H][W][C]` to the engine's channels-first `[C][H][W]`.
public final class LaneBatch {
    /// The input in the lane layout, `capacity` samples.
    public let input: FloatBuffer
    /// The labels of the samples, `capacity` entries.
    public let labels: UnsafeMutablePointer<Int32>
    /// The most samples the buffer holds.
    public let capacity: Int
    /// Scalars per sample.
    public let featureCount: Int
    private let shape: ImageShape
    private let scaled: [Float] = (0...255).map { Float($0) / 255 }

    /// A buffer for up to `capacity` samples of `shape`.
    public init(capacity: Int, shape: ImageShape) {
        self.capacity = capacity
        self.shape = shape
        featureCount = shape.valueCount
        input = FloatBuffer(count: LaneLayout.floatCount(batchSize: capacity, featureCount: featureCount))
        labels = .allocate(capacity: capacity)
    }

    deinit { labels.deallocate() }

    /// Fills the buffer with `indices` of `split` (at most `capacity`); returns how many samples it holds.
    /// Padding lanes of the last chunk are zeroed.
    @discardableResult
    public func fill(from split: DatasetSplit, indices: ArraySlice<Int>) -> Int {
        precondition(indices.count <= capacity, "batch of \(indices.count) exceeds the buffer's \(capacity)")
        let plane = shape.height * shape.width
        let channels = shape.channels
        let features = featureCount
        let destination = input.pointer
        scaled.withUnsafeBufferPointer { table in
            split.pixels.withUnsafeBufferPointer { pixels in
                for (position, index) in indices.enumerated() {
                    let image = pixels.baseAddress! + index * features
                    let first = destination + LaneLayout.index(sample: position, feature: 0, featureCount: features)
                    if channels == 1 {
                        for feature in 0..<features { first[feature * LaneLayout.laneCount] = table[Int(image[feature])] }
                    } else {
                        for pixel in 0..<plane {
                            for channel in 0..<channels {
                                first[(channel * plane + pixel) * LaneLayout.laneCount] = table[Int(image[pixel * channels + channel])]
                            }
                        }
                    }
                    labels[position] = Int32(split.labels[index])
                }
            }
        }
        LaneLayout.zeroPaddingLanes(of: destination, batchSize: indices.count, featureCount: features)
        return indices.count
    }
}
