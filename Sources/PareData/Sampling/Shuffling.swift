// Random draws and shuffles defined here, step by step, so that a seed gives the same result on every Swift
// version (the standard library's `shuffle` and `random(in:)` do not promise a fixed algorithm).

/// Deterministic uniform draws and Fisher–Yates shuffles over any `RandomNumberGenerator`.
///
/// The results depend only on the sequence of `UInt64` values `generator.next()` returns.
public enum Shuffling {
    /// A uniformly distributed integer in `0..<upperBound`.
    ///
    /// Lemire's multiply-and-reject method (D. Lemire, "Fast Random Integer Generation in an Interval",
    /// ACM TOMACS 2019): draw `x = generator.next()`, form the 128-bit product `x * upperBound`, and return its
    /// high 64 bits unless its low 64 bits are below `2^64 mod upperBound`, in which case draw again. The
    /// rejection makes every result exactly equally likely; it happens with probability below
    /// `upperBound / 2^64`.
    @inlinable
    public static func uniformIndex(below upperBound: Int, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(upperBound > 0, "uniformIndex needs a positive bound, got \(upperBound)")
        let bound = UInt64(upperBound)
        let threshold = (0 &- bound) % bound  // 2^64 mod bound
        while true {
            let (high, low) = bound.multipliedFullWidth(by: generator.next())
            if low >= threshold { return Int(high) }
        }
    }

    /// Shuffles `elements` in place with the Fisher–Yates algorithm (Knuth's Algorithm P): for `i` from
    /// `count - 1` down to 1, swap element `i` with element `uniformIndex(below: i + 1)`.
    ///
    /// Inlinable and swapping through a buffer pointer: unspecialised, `Array.swapAt` goes through the array's
    /// `_modify` accessor, whose coroutine frame costs two heap allocations per swap (measured: ~110,000 per
    /// epoch of 54,000 indices).
    @inlinable
    public static func shuffle<Element>(_ elements: inout [Element], using generator: inout some RandomNumberGenerator) {
        guard elements.count > 1 else { return }
        elements.withUnsafeMutableBufferPointer { buffer in
            for last in stride(from: buffer.count - 1, to: 0, by: -1) {
                buffer.swapAt(last, uniformIndex(below: last + 1, using: &generator))
            }
        }
    }

    /// A shuffled copy of `elements` (see `shuffle(_:using:)`).
    @inlinable
    public static func shuffled<Element>(_ elements: [Element], using generator: inout some RandomNumberGenerator) -> [Element] {
        var copy = elements
        shuffle(&copy, using: &generator)
        return copy
    }
}
