// Derived data sets (shuffled labels, class subsets) and batching (epoch orders, batch copies).

import Testing
import PareData

@Suite struct DatasetTransformTests {
    /// The `good` fixture: 6 training images (labels 0 1 2 0 1 2), 4 test images (labels 2 1 0 1), 4x3 pixels.
    static func good() throws -> Dataset { try Dataset.load(.folder(Fixture.path("idx/good"))) }

    @Test func shuffledLabelsKeepImagesAndClassFrequencies() throws {
        let dataset = try Self.good()
        var generator = SplitMix64(seed: 4)
        let shuffled = dataset.shufflingTrainingLabels(using: &generator)
        #expect(shuffled.train.pixels == dataset.train.pixels && shuffled.test == dataset.test)
        #expect(shuffled.train.labels.sorted() == dataset.train.labels.sorted())
        var again = SplitMix64(seed: 4)
        #expect(shuffled.train.labels == Shuffling.shuffled(dataset.train.labels, using: &again))
        #expect(shuffled.name == "good-shuffled-labels")
    }

    @Test func shuffledLabelsChangeTheMNISTPairing() throws {
        // 1000 MNIST labels: a random permutation leaves about 10% of labels unchanged, never nearly all.
        let mnist = try Dataset.load(.mnist, options: DatasetLoadOptions(trainLimit: 1000, testLimit: 1))
        var generator = SplitMix64(seed: 4)
        let shuffled = mnist.shufflingTrainingLabels(using: &generator)
        let unchanged = zip(mnist.train.labels, shuffled.train.labels).filter { $0 == $1 }.count
        #expect((50...200).contains(unchanged), "\(unchanged) of 1000 labels unchanged")
    }

    @Test func classSubsetRelabelsByPosition() throws {
        let dataset = try Self.good()
        let subset = try dataset.selectingClasses([2, 0])
        // Class 2 → label 0, class 0 → label 1; training examples 0, 2, 3, 5 (labels 0 2 0 2) stay in order.
        #expect(subset.classCount == 2 && subset.name == "good[2,0]")
        #expect(subset.train.labels == [1, 0, 1, 0])
        #expect(subset.train.pixels == dataset.train.subset([0, 2, 3, 5]).pixels)
        #expect(subset.test.labels == [0, 1])  // test labels 2 1 0 1 → examples 0 and 2
    }

    @Test func mnistDigitsFiveToNineBecomeZeroToFour() throws {
        let mnist = try Dataset.load(.mnist, options: DatasetLoadOptions(trainLimit: 100, testLimit: 100))
        let upper = try mnist.selectingClasses([5, 6, 7, 8, 9])
        #expect(upper.classCount == 5)
        #expect(upper.train.count == mnist.train.labels.filter { $0 >= 5 }.count)
        #expect(upper.train.labels == mnist.train.labels.filter { $0 >= 5 }.map { $0 - 5 })
    }

    @Test(arguments: [[Int](), [0, 0], [3], [-1]])
    func invalidClassSubsetIsRejected(classes: [Int]) throws {
        let list = classes.map(String.init).joined(separator: ",")
        #expect(throws: DatasetError.invalidClassSubset(classes: classes, classCount: 3)) {
            try Self.good().selectingClasses(classes)
        }
        #expect(DatasetError.invalidClassSubset(classes: classes, classCount: 3).description
            == "error: invalid class subset \(list): classes must be distinct and below 3")
    }

    @Test func epochOrderCoversEveryIndexInBatches() {
        var generator = SplitMix64(seed: 9)
        let indices = Array(100..<110)
        let first = EpochOrder(shuffling: indices, batchSize: 4, using: &generator)
        let second = EpochOrder(shuffling: indices, batchSize: 4, using: &generator)
        #expect(first.batchCount == 3)
        #expect((0..<3).map { first.batch($0).count } == [4, 4, 2])
        #expect((0..<3).flatMap { first.batch($0) } == first.indices)
        #expect(first.indices.sorted() == indices && second.indices.sorted() == indices)
        #expect(first.indices != second.indices)  // a new order each epoch
        var replay = SplitMix64(seed: 9)
        #expect(EpochOrder(shuffling: indices, batchSize: 4, using: &replay) == first)
    }

    @Test func copyBatchScalesPixelsAndCopiesLabels() throws {
        let dataset = try Self.good()
        let pixelsPerImage = dataset.imageShape.valueCount
        var pixels = [Float](repeating: -1, count: 2 * pixelsPerImage)
        var labels = [Int32](repeating: -1, count: 2)
        pixels.withUnsafeMutableBufferPointer { pixelBuffer in
            labels.withUnsafeMutableBufferPointer { labelBuffer in
                dataset.train.copyBatch([4, 1], pixelsInto: pixelBuffer.baseAddress!, labelsInto: labelBuffer.baseAddress!)
            }
        }
        let expected = (dataset.train.image(4) + dataset.train.image(1)).map { Float($0) / 255 }
        #expect(pixels == expected)
        #expect(labels == [1, 1])
    }
}
