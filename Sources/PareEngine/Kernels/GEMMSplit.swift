// GEMMSplit: cutting a range of rows, panels or depth into equal consecutive pieces — depth blocks, depth parts and
// work items all use it, so every cut is a pure function of the shape.

/// A range cut into `count` consecutive pieces of `size` elements (the last ones may be shorter or empty).
struct GEMMSplit {
    let range: Range<Int>
    let count: Int
    let size: Int

    /// The fewest equal pieces of at most `maximumPiece` elements (at least one piece).
    init(_ range: Range<Int>, maximumPiece: Int) {
        self.range = range
        count = max(1, (range.count + maximumPiece - 1) / maximumPiece)
        size = (range.count + count - 1) / count
    }

    /// Exactly `pieces` pieces of equal size, rounded up.
    init(_ range: Range<Int>, pieces: Int) {
        self.range = range
        count = pieces
        size = (range.count + pieces - 1) / pieces
    }

    subscript(index: Int) -> Range<Int> {
        let start = min(range.upperBound, range.lowerBound + index * size)
        return start..<min(range.upperBound, start + size)
    }
}
