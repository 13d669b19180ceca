// The public gzip decoder (RFC 1952): members one after another, each header, DEFLATE data and checked
// trailer; optionally only a prefix of the output.

/// Decompresses gzip data in pure Swift.
///
/// A gzip file is one or more members; their decoded data is concatenated. For each complete member the
/// trailer's CRC-32 and ISIZE are checked. Bytes after the last member that do not start another member
/// (magic 1f 8b) are an error, as are all other malformations (see `GzipError`).
public enum Gzip {
    /// True when `bytes` start with the gzip magic 1f 8b.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == GzipHeader.magic.0 && bytes[1] == GzipHeader.magic.1
    }

    /// The decompressed contents of `bytes`.
    ///
    /// - Parameter maxOutputBytes: stop as soon as this many bytes are decoded and return them. The rest of
    ///   the input is then not examined: the CRC-32 and ISIZE of the member in progress cannot be checked,
    ///   and corruption after that point goes unnoticed. If the data is shorter, everything is decoded and
    ///   checked as usual.
    /// - Throws: `GzipError` for a malformed stream.
    public static func decompress(_ bytes: [UInt8], maxOutputBytes: Int? = nil) throws(GzipError) -> [UInt8] {
        precondition((maxOutputBytes ?? 0) >= 0, "negative maxOutputBytes")
        return try bytes.withUnsafeBufferPointer { input throws(GzipError) in
            let output = OutputBuffer(initialCapacity: min(maxOutputBytes ?? .max, sizeHint(input)),
                                      limit: maxOutputBytes ?? .max)
            try decodeMembers(input, into: output)
            return output.bytes
        }
    }

    /// Decodes members until the input or the output limit ends.
    private static func decodeMembers(_ input: UnsafeBufferPointer<UInt8>, into output: OutputBuffer) throws(GzipError) {
        var offset = 0
        repeat {
            let header = try GzipHeader.parse(input, at: offset)
            if output.isFull { return }
            let memberStart = output.count
            var inflater = Inflater(input: input, offset: header.dataOffset, output: output)
            guard case .finished(let endOffset) = try inflater.run() else { return }
            guard input.count - endOffset >= 8 else { throw GzipError.truncatedTrailer }
            let storedCRC = littleEndianUInt32(input, at: endOffset)
            let storedSize = littleEndianUInt32(input, at: endOffset + 4)
            var crc = CRC32()
            crc.update(UnsafeRawBufferPointer(start: output.base + memberStart, count: output.count - memberStart))
            guard crc.value == storedCRC else { throw GzipError.crcMismatch(stored: storedCRC, computed: crc.value) }
            let decodedSize = UInt32(truncatingIfNeeded: output.count - memberStart)
            guard decodedSize == storedSize else { throw GzipError.sizeMismatch(stored: storedSize, decoded: decodedSize) }
            offset = endOffset + 8
            let remaining = input.count - offset
            if remaining > 0 && !(remaining >= 2 && input[offset] == GzipHeader.magic.0 && input[offset + 1] == GzipHeader.magic.1) {
                throw GzipError.trailingGarbage(offset: offset, byteCount: remaining)
            }
        } while offset < input.count
    }

    /// A first guess at the output size: the last member's ISIZE, bounded by DEFLATE's largest ratio (1032:1)
    /// and 1 GiB, so a corrupt trailer cannot trigger a huge allocation.
    private static func sizeHint(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        guard input.count >= 18 else { return 0 }
        let lastSize = Int(littleEndianUInt32(input, at: input.count - 4))
        return min(lastSize, input.count * 1032, 1 << 30)
    }

    /// The little-endian 32-bit value at `offset`.
    private static func littleEndianUInt32(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { value, index in value | UInt32(input[offset + index]) << (8 * index) }
    }
}
