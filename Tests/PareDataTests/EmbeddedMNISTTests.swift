// The MNIST files embedded in PareData: found with no flags, first labels and label counts as published.
//
// Expected values, from the same files in ../shared/datasets/mnist:
//   python3 -c "import gzip; print(list(gzip.open('train-labels-idx1-ubyte.gz').read()[8:28]))"
//     → [5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7, 2, 8, 6, 9]
//   python3 -c "import gzip; print(list(gzip.open('t10k-labels-idx1-ubyte.gz').read()[8:28]))"
//     → [7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4]
//   python3 -c "import gzip; i=gzip.open('train-images-idx3-ubyte.gz').read()[16:]; print(sum(i[:78400]))"
//     → 2530887 (the pixel sum of the first 100 training images)
//   Test label counts 980 1135 1032 1010 982 892 958 1028 974 1009 (../shared/datasets/README.md).

import Testing
import PareData

@Suite struct EmbeddedMNISTTests {
    @Test func firstHundredExamples() throws {
        let mnist = try Dataset.load(.mnist, options: DatasetLoadOptions(trainLimit: 100, testLimit: 100))
        #expect(mnist.name == "mnist")
        #expect(mnist.imageShape == ImageShape(height: 28, width: 28, channels: 1))
        #expect(mnist.classCount == 10)
        #expect(mnist.train.count == 100 && mnist.test.count == 100)
        #expect(Array(mnist.train.labels.prefix(20)) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7, 2, 8, 6, 9])
        #expect(Array(mnist.test.labels.prefix(20)) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4])
        #expect(mnist.train.pixels.reduce(0) { $0 + Int($1) } == 2_530_887)
    }

    @Test func fullTestSetLabelCounts() throws {
        // Inflates the whole 7.8 MB test images file (CRC-32 and ISIZE checked): 0.32 s in a debug build.
        let mnist = try Dataset.load(.mnist, options: DatasetLoadOptions(trainLimit: 1))
        var counts = [Int](repeating: 0, count: 10)
        for label in mnist.test.labels { counts[Int(label)] += 1 }
        #expect(counts == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        #expect(mnist.test.pixels.count == 10_000 * 784)
    }
}
