// Compile-time block sizes for the register-blocked kernels.
//
// A kernel body written once, generic over `B: BlockSize`, guards each optional accumulator with
// `if B.count > i`; specialisation turns `B.count` into a constant, so each instantiation keeps exactly the
// accumulators it needs in registers and the dead ones vanish. `withBlockSize` picks the instantiation from a
// runtime count with one switch per block (not per tile).

/// A block size known at compile time (1 to 6).
protocol BlockSize {
    /// The number of rows (filters, taps, …) in a block.
    static var count: Int { get }
}

/// Block of 1.
enum BlockOf1: BlockSize { static var count: Int { 1 } }
/// Block of 2.
enum BlockOf2: BlockSize { static var count: Int { 2 } }
/// Block of 3.
enum BlockOf3: BlockSize { static var count: Int { 3 } }
/// Block of 4.
enum BlockOf4: BlockSize { static var count: Int { 4 } }
/// Block of 5.
enum BlockOf5: BlockSize { static var count: Int { 5 } }
/// Block of 6.
enum BlockOf6: BlockSize { static var count: Int { 6 } }

/// Something to run once with a compile-time block size.
protocol BlockSizedOperation {
    /// Runs the operation with block size `B.count`.
    func run<B: BlockSize>(_ size: B.Type)
}

extension BlockSizedOperation {
    /// Runs `run(BlockOf<count>.self)`; `count` must be in 1...6.
    @inline(__always)
    func run(blockSize count: Int) {
        switch count {
        case 1: run(BlockOf1.self)
        case 2: run(BlockOf2.self)
        case 3: run(BlockOf3.self)
        case 4: run(BlockOf4.self)
        case 5: run(BlockOf5.self)
        case 6: run(BlockOf6.self)
        default: preconditionFailure("BlockSize: block of \(count) is outside 1...6")
        }
    }
}

/// Splits `total` items into `ceil(total / maximum)` blocks whose sizes differ by at most one; block `index`
/// covers `start..<end`.
@inline(__always)
func balancedBlock(_ index: Int, total: Int, maximum: Int) -> Range<Int> {
    let blocks = (total + maximum - 1) / maximum
    return (index * total / blocks)..<((index + 1) * total / blocks)
}

/// The number of blocks `balancedBlock` makes: `ceil(total / maximum)`.
@inline(__always)
func balancedBlockCount(total: Int, maximum: Int) -> Int {
    (total + maximum - 1) / maximum
}
