// Loading a data set's four IDX files into a Dataset, whole (cached) or as prefixes.

import Foundation

/// How much of a data set to load.
public struct DatasetLoadOptions: Hashable, Sendable {
    /// Load only the first this many training examples (`nil`: all).
    public var trainLimit: Int?
    /// Load only the first this many test examples (`nil`: all).
    public var testLimit: Int?

    /// Options loading the first `trainLimit` / `testLimit` examples (`nil`: all).
    public init(trainLimit: Int? = nil, testLimit: Int? = nil) {
        self.trainLimit = trainLimit
        self.testLimit = testLimit
    }
}

extension Dataset {
    /// Loads the data set `source` names.
    ///
    /// Loads are cached per process and thread-safe, so a search that trains many networks inflates MNIST
    /// once: a full load is cached by folder; a load with limits takes its prefixes from the cached full data
    /// set when there is one, and is otherwise cached by folder and limits, inflating only the bytes it needs
    /// (see `IDXReader.readImages`). The cache assumes the files do not change while the process runs.
    ///
    /// The whole label files are always read (they are small), so the class count and the label checks cover
    /// every example even under a limit.
    public static func load(_ source: DatasetSource,
                            options: DatasetLoadOptions = DatasetLoadOptions()) throws(DatasetError) -> Dataset {
        try load(folder: source.folder(), name: source.name, options: options)
    }

    /// Loads the IDX files in `folder` and names the data set `name`; see `load(_:options:)`.
    public static func load(folder: String, name: String,
                            options: DatasetLoadOptions = DatasetLoadOptions()) throws(DatasetError) -> Dataset {
        for (option, limit) in [("--train-limit", options.trainLimit), ("--test-limit", options.testLimit)] {
            if let limit, limit < 1 { throw .invalidLimit(option: option, value: limit) }
        }
        let folderKey = URL(fileURLWithPath: folder).standardizedFileURL.path
        let isLimited = options.trainLimit != nil || options.testLimit != nil
        var dataset: Dataset
        if isLimited, let full = DatasetCache.shared.cached(folderKey) {
            dataset = full
            dataset.train = full.train.prefix(options.trainLimit ?? full.train.count)
            dataset.test = full.test.prefix(options.testLimit ?? full.test.count)
        } else {
            let key = isLimited ? "\(folderKey)|train \(options.trainLimit ?? 0)|test \(options.testLimit ?? 0)" : folderKey
            dataset = try DatasetCache.shared.dataset(for: key) { () throws(DatasetError) in
                try read(folder: folder, name: name, options: options)
            }
        }
        dataset.name = name
        return dataset
    }

    /// Reads and checks the four files, bypassing the cache.
    private static func read(folder: String, name: String, options: DatasetLoadOptions) throws(DatasetError) -> Dataset {
        let files = try DatasetFiles(folder: folder)
        let (train, classCount) = try readSplit(images: files.trainImages, labels: files.trainLabels,
                                                limit: options.trainLimit, classCount: nil, shape: nil)
        let (test, _) = try readSplit(images: files.testImages, labels: files.testLabels, limit: options.testLimit,
                                      classCount: classCount, shape: train.imageShape)
        return Dataset(name: name, train: train, test: test, classCount: classCount)
    }

    /// One split; `classCount` and `shape` are the training split's (nil when reading it).
    private static func readSplit(images imagesPath: String, labels labelsPath: String, limit: Int?,
                                  classCount: Int?, shape: ImageShape?) throws(DatasetError) -> (DatasetSplit, Int) {
        let images = try IDXReader.readImages(path: imagesPath, limit: limit)
        if let shape, images.shape != shape {
            throw .imageShapeMismatch(path: imagesPath, found: images.shape, expected: shape)
        }
        let labels = try IDXReader.readLabels(path: labelsPath)
        guard labels.count == images.headerCount else {
            throw .countMismatch(imagesPath: imagesPath, images: images.headerCount, labelsPath: labelsPath,
                                 labels: labels.count)
        }
        // IDXReader guarantees at least one label (every dimension is at least 1).
        let classCount = classCount ?? Int(labels.max() ?? 0) + 1
        if let index = labels.firstIndex(where: { Int($0) >= classCount }) {
            throw .labelOutOfRange(path: labelsPath, index: index, label: Int(labels[index]), classCount: classCount)
        }
        let split = DatasetSplit(imageShape: images.shape, pixels: images.pixels,
                                 labels: Array(labels.prefix(images.count)))
        return (split, classCount)
    }
}
