// Two compile-time block sizes at once (filters × taps of the weight-gradient tile), each 1 to 3.

/// Something to run once with two compile-time block sizes.
protocol BlockSizedPairOperation {
    /// Runs the operation with blocks of `First.count` and `Second.count`.
    func run<First: BlockSize, Second: BlockSize>(_ first: First.Type, _ second: Second.Type)
}

extension BlockSizedPairOperation {
    /// Runs `run(BlockOf<first>.self, BlockOf<second>.self)`; both counts must be in 1...3.
    @inline(__always)
    func run(blockSizes first: Int, _ second: Int) {
        switch first {
        case 1: run(BlockOf1.self, second: second)
        case 2: run(BlockOf2.self, second: second)
        case 3: run(BlockOf3.self, second: second)
        default: preconditionFailure("BlockSizePair: first block of \(first) is outside 1...3")
        }
    }

    @inline(__always)
    private func run<First: BlockSize>(_ first: First.Type, second: Int) {
        switch second {
        case 1: run(first, BlockOf1.self)
        case 2: run(first, BlockOf2.self)
        case 3: run(first, BlockOf3.self)
        default: preconditionFailure("BlockSizePair: second block of \(second) is outside 1...3")
        }
    }
}
