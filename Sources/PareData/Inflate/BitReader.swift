// Reads the bits of a DEFLATE stream, least significant bit of each byte first (RFC 1951 §3.1.1), from a
// 64-bit buffer that one unaligned load refills.

/// A bit reader over borrowed input bytes.
///
/// After `refill()` the buffer holds at least 56 bits, which covers the longest DEFLATE symbol sequence (a
/// 15-bit length code, 5 extra bits, a 15-bit distance code, 13 extra bits = 48 bits). Near the end of the
/// input it appends zero bytes instead; `refill()` fails once more than eight of those were needed, which
/// means the decoder consumed bits that are not in the input. That bound is what guarantees that a truncated
/// or hostile stream cannot make the decoder loop forever.
struct BitReader {
    /// The first input byte.
    let start: UnsafePointer<UInt8>
    /// One past the last input byte.
    let end: UnsafePointer<UInt8>
    /// The next input byte not yet in the buffer.
    private(set) var next: UnsafePointer<UInt8>
    /// Unconsumed bits, the next one in bit 0. Bits above `bitCount` are either zero or the following input.
    private(set) var buffer: UInt64 = 0
    /// How many bits of `buffer` are valid.
    private(set) var bitCount = 0
    /// Zero bytes appended beyond the end of the input.
    private var zeroBytesPastEnd = 0

    /// A reader positioned at byte `offset` of `input` (which must not be empty).
    init(_ input: UnsafeBufferPointer<UInt8>, offset: Int) {
        precondition(input.baseAddress != nil && offset <= input.count, "bit reader outside its input")
        start = input.baseAddress!
        end = start + input.count
        next = start + offset
    }

    /// Tops the buffer up to at least 56 bits; false once the reader has certainly run past the input's end.
    @inline(__always) mutating func refill() -> Bool {
        if end - next >= 8 {
            // One unaligned load; advance by the whole bytes that fit, and let the high bits of the load overlap
            // the same input bytes the next refill will load again.
            buffer |= UnsafeRawPointer(next).loadUnaligned(as: UInt64.self).littleEndian << UInt64(bitCount)
            next += (63 - bitCount) >> 3
            bitCount |= 56
            return true
        }
        return refillNearEnd()
    }

    /// Byte-at-a-time refill for the last eight input bytes, padding with zero bytes past the end.
    @inline(never) private mutating func refillNearEnd() -> Bool {
        while bitCount <= 56 {
            if next < end {
                buffer |= UInt64(next.pointee) << UInt64(bitCount)
                next += 1
            } else {
                zeroBytesPastEnd += 1
                // The buffer can hold at most 7 of the zero bytes added before this one, so at least one was
                // consumed: the stream is longer than the input.
                if zeroBytesPastEnd > 8 { return false }
            }
            bitCount += 8
        }
        return true
    }

    /// The next `count` bits (count ≤ 32, after a `refill()`) without consuming them.
    @inline(__always) func peek(_ count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: buffer & ((1 << UInt64(count)) &- 1))
    }

    /// Drops `count` bits (at most `bitCount`).
    @inline(__always) mutating func consume(_ count: Int) {
        buffer >>= UInt64(count)
        bitCount &-= count
    }

    /// Reads `count` bits (count ≤ 32, after a `refill()`).
    @inline(__always) mutating func take(_ count: Int) -> Int {
        let value = peek(count)
        consume(count)
        return Int(value)
    }

    /// True when bits beyond the end of the input have been consumed.
    var hasReadPastEnd: Bool { bitCount < zeroBytesPastEnd * 8 }

    /// Drops the bits up to the next byte boundary.
    mutating func alignToByte() {
        consume(bitCount & 7)
    }

    /// The offset of the next unconsumed input byte (call after `alignToByte()`, and only if
    /// `!hasReadPastEnd`).
    var byteOffset: Int {
        (next - start) - (bitCount / 8 - zeroBytesPastEnd)
    }

    /// Continues reading at input byte `offset`, discarding the buffer.
    mutating func seek(toByte offset: Int) {
        precondition(offset <= end - start, "seek past the end of the input")
        next = start + offset
        buffer = 0
        bitCount = 0
        zeroBytesPastEnd = 0
    }
}
