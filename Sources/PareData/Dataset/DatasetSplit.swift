// One split of a data set (train or test): images as contiguous bytes and their labels.

/// Labelled images: pixels as contiguous bytes in channels-last `[count, height, width, channels]` order,
/// and one label per image.
public struct DatasetSplit: Hashable, Sendable {
    /// The size of each image.
    public let imageShape: ImageShape
    /// `[count, height, width, channels]`, values 0...255.
    public private(set) var pixels: [UInt8]
    /// `[count]`, class indices (set only inside PareData, so a data set's labels stay below its class count).
    public internal(set) var labels: [UInt8]

    /// Creates a split; `pixels` must hold exactly `labels.count` images of `imageShape`.
    public init(imageShape: ImageShape, pixels: [UInt8], labels: [UInt8]) {
        precondition(imageShape.valueCount > 0, "empty image shape \(imageShape)")
        precondition(pixels.count == labels.count * imageShape.valueCount,
                     "\(pixels.count) pixel values do not make \(labels.count) images of \(imageShape)")
        self.imageShape = imageShape
        self.pixels = pixels
        self.labels = labels
    }

    /// The number of examples.
    public var count: Int { labels.count }

    /// The pixels of example `index`.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        let size = imageShape.valueCount
        return pixels[index * size..<(index + 1) * size]
    }

    /// The first `count` examples (all of them if there are fewer).
    public func prefix(_ count: Int) -> DatasetSplit {
        let kept = min(max(count, 0), self.count)
        return DatasetSplit(imageShape: imageShape, pixels: Array(pixels.prefix(kept * imageShape.valueCount)),
                            labels: Array(labels.prefix(kept)))
    }

    /// The examples at `indices`, in that order (indices may repeat).
    public func subset(_ indices: [Int]) -> DatasetSplit {
        let size = imageShape.valueCount
        var gathered = [UInt8]()
        gathered.reserveCapacity(indices.count * size)
        for index in indices {
            precondition(index >= 0 && index < count, "example index \(index) outside 0..<\(count)")
            gathered.append(contentsOf: pixels[index * size..<(index + 1) * size])
        }
        return DatasetSplit(imageShape: imageShape, pixels: gathered, labels: indices.map { labels[$0] })
    }

    /// Writes the examples at `indices` as floats scaled to [0, 1] (value / 255) into `destination`,
    /// `[indices.count, height, width, channels]`, and their labels into `labelDestination`.
    ///
    /// This is how a batch is assembled: no allocation, one pass over the bytes.
    public func copyBatch(_ indices: some Collection<Int>, pixelsInto destination: UnsafeMutablePointer<Float>,
                          labelsInto labelDestination: UnsafeMutablePointer<Int32>) {
        let size = imageShape.valueCount
        pixels.withUnsafeBufferPointer { source in
            var target = destination
            for (position, index) in indices.enumerated() {
                precondition(index >= 0 && index < count, "example index \(index) outside 0..<\(count)")
                let image = source.baseAddress! + index * size
                // A true division, not a multiplication by 1/255 (which differs in the last bit for some values),
                // so the floats equal Keras/numpy's `x / 255`.
                for offset in 0..<size { target[offset] = Float(image[offset]) / 255 }
                target += size
                labelDestination[position] = Int32(labels[index])
            }
        }
    }
}
