// A labelled image data set: a training split, a test split and what they share.

/// A labelled image classification data set (MNIST, Fashion-MNIST, or IDX files in a folder).
public struct Dataset: Hashable, Sendable {
    /// `mnist`, `fashion-mnist`, or the folder's name.
    public var name: String
    /// The training examples.
    public internal(set) var train: DatasetSplit
    /// The test examples.
    public internal(set) var test: DatasetSplit
    /// The number of classes: the largest training label + 1 (over the whole training file, also when only
    /// a prefix of it is loaded). Every label of both splits is below it.
    public let classCount: Int

    /// Creates a data set; both splits must have the same image shape and labels below `classCount`.
    public init(name: String, train: DatasetSplit, test: DatasetSplit, classCount: Int) {
        precondition(train.imageShape == test.imageShape,
                     "train images \(train.imageShape) and test images \(test.imageShape) differ")
        precondition(classCount >= 1 && classCount <= 256, "class count \(classCount) outside 1...256")
        precondition(train.labels.allSatisfy { Int($0) < classCount } && test.labels.allSatisfy { Int($0) < classCount },
                     "a label is not below the class count \(classCount)")
        self.name = name
        self.train = train
        self.test = test
        self.classCount = classCount
    }

    /// The size of every image.
    public var imageShape: ImageShape { train.imageShape }
    /// Image rows.
    public var imageHeight: Int { imageShape.height }
    /// Image columns.
    public var imageWidth: Int { imageShape.width }
    /// Values per pixel.
    public var imageChannels: Int { imageShape.channels }
}
