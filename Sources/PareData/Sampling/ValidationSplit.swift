// A seeded, class-stratified split of training examples into training and validation parts.

/// Which training examples train and which validate, as example indices.
public struct ValidationSplit: Hashable, Sendable {
    /// The examples left for training, ascending.
    public var trainIndices: [Int]
    /// The examples held out for validation, ascending.
    public var validationIndices: [Int]

    /// A class-stratified split of the examples with `labels`.
    ///
    /// Each class with `n` examples gives `round(fraction · n)` of them to validation, rounding half away
    /// from zero (`(fraction * Double(n)).rounded()`: 0.1 · 5923 = 592.3 → 592, 0.5 · 5 = 2.5 → 3), so every
    /// class keeps its proportion. Which ones: the class's indices in ascending order, shuffled with
    /// `Shuffling.shuffle` (classes in ascending label order, one generator), then the first ones. Both
    /// lists are returned in ascending order, so the result depends only on the labels, the fraction and the
    /// generator's outputs.
    ///
    /// - Throws: `DatasetError.invalidValidationFraction` unless `0 < fraction < 1`.
    public static func stratified(labels: [UInt8], fraction: Double,
                                  using generator: inout some RandomNumberGenerator) throws(DatasetError) -> ValidationSplit {
        guard fraction > 0 && fraction < 1 else { throw .invalidValidationFraction(fraction) }
        var byClass = [[Int]](repeating: [], count: 256)
        for (index, label) in labels.enumerated() { byClass[Int(label)].append(index) }
        var split = ValidationSplit(trainIndices: [], validationIndices: [])
        for var members in byClass where !members.isEmpty {
            Shuffling.shuffle(&members, using: &generator)
            let heldOut = Int((fraction * Double(members.count)).rounded(.toNearestOrAwayFromZero))
            split.validationIndices += members[..<heldOut]
            split.trainIndices += members[heldOut...]
        }
        split.trainIndices.sort()
        split.validationIndices.sort()
        return split
    }
}
