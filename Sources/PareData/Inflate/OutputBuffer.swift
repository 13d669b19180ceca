// The inflater's growable output, with room past the end so match copies can move whole 8-byte words.

/// Decoded bytes in one raw allocation that grows by doubling, up to an optional limit.
///
/// The allocation is always `slack` bytes larger than `capacity`: a match copy may write up to 7 bytes past the
/// last byte it produces (they are overwritten later or never counted).
final class OutputBuffer {
    /// Extra bytes allocated past `capacity`.
    static let slack = 8

    /// The first byte.
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes decoded so far.
    var count = 0
    /// Bytes that fit before the next growth (never more than `limit`).
    private(set) var capacity: Int
    /// The most bytes this buffer will ever hold (`maxOutputBytes`, or `Int.max`).
    let limit: Int

    /// An empty buffer with room for `initialCapacity` bytes (clamped to `limit`).
    init(initialCapacity: Int, limit: Int) {
        precondition(limit >= 0, "negative output limit")
        self.limit = limit
        capacity = min(max(initialCapacity, 0), limit)
        base = .allocate(capacity: capacity + Self.slack)
    }

    deinit { base.deallocate() }

    /// True when `limit` bytes have been produced.
    var isFull: Bool { count >= limit }

    /// Grows (moving `base`) so that `extra` more bytes fit, or as many as the limit allows; call only when
    /// `count + extra > capacity`.
    func grow(toFit extra: Int) {
        let needed = count.addingReportingOverflow(extra)
        let target = needed.overflow ? limit : min(limit, max(needed.partialValue, capacity * 2, 4096))
        guard target > capacity else { return }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: target + Self.slack)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = target
    }

    /// A copy of the decoded bytes.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
