// Derived data sets for experiments: shuffled training labels, and class subsets with new labels.

extension Dataset {
    /// A copy whose training labels are randomly permuted among the training examples (the seed-004
    /// memorisation experiment, after Zhang et al. 2017, "Understanding deep learning requires rethinking
    /// generalization").
    ///
    /// The permutation is `Shuffling.shuffle` of the label array, so each class keeps its frequency while the
    /// pairing of image and label becomes random. Test labels stay true: test accuracy then measures
    /// generalisation (chance level) while training accuracy measures memorisation.
    public func shufflingTrainingLabels(using generator: inout some RandomNumberGenerator) -> Dataset {
        var copy = self
        Shuffling.shuffle(&copy.train.labels, using: &generator)
        copy.name = name + "-shuffled-labels"
        return copy
    }

    /// Only the examples whose class is in `classes`, relabelled by position: `classes[i]` becomes label `i`,
    /// in both splits, keeping the examples' order. `mnist.selectingClasses([5, 6, 7, 8, 9])` turns digits
    /// 5–9 into labels 0–4; the class count becomes `classes.count`.
    ///
    /// - Throws: `DatasetError.invalidClassSubset` for an empty list, a repeated class, or a class outside
    ///   `0..<classCount`.
    public func selectingClasses(_ classes: [Int]) throws(DatasetError) -> Dataset {
        guard !classes.isEmpty, Set(classes).count == classes.count, classes.allSatisfy({ (0..<classCount).contains($0) })
        else { throw .invalidClassSubset(classes: classes, classCount: classCount) }
        var newLabel = [Int?](repeating: nil, count: 256)
        for (position, original) in classes.enumerated() { newLabel[original] = position }
        func select(_ split: DatasetSplit) -> DatasetSplit {
            let kept = split.labels.indices.filter { newLabel[Int(split.labels[$0])] != nil }
            var subset = split.subset(kept)
            subset.labels = subset.labels.map { UInt8(newLabel[Int($0)] ?? 0) }
            return subset
        }
        let suffix = classes.map(String.init).joined(separator: ",")
        return Dataset(name: "\(name)[\(suffix)]", train: select(train), test: select(test), classCount: classes.count)
    }
}
